import { type FormEvent, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { TextField } from "../../components/Field";
import { useCreateWorkspace } from "./hooks";

export function CreateWorkspaceDialog({
  onClose,
  returnFocusRef,
}: {
  onClose: () => void;
  returnFocusRef?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const [name, setName] = useState("");
  const nameRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (workspace) => {
          onClose();
          navigate(`/w/${workspace.id}`);
        },
        onError: () => nameRef.current?.focus(),
      },
    );
  }

  return (
    <Dialog
      title={t("workspace.createTitle")}
      description={t("workspace.createDescription")}
      onClose={onClose}
      initialFocusRef={nameRef}
      returnFocusRef={returnFocusRef}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={create.error} />
        <TextField
          label={t("workspace.name")}
          name="name"
          required
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          inputRef={nameRef}
          error={errorText.field(create.error, "/body/name", create.variables?.name)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t("workspace.creating") : t("workspace.create")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
