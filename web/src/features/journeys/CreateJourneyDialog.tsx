import { type FormEvent, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { emptyDocument } from "./document";
import { useCreateJourney } from "./hooks";
import { JourneyMetaFields, type MetaValues } from "./meta";

export function CreateJourneyDialog({
  workspaceId,
  returnFocusRef,
  onClose,
}: {
  workspaceId: string;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateJourney(workspaceId);
  const titleRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<MetaValues>({
    title: "",
    scenario: "",
    personaId: null,
    ownerId: null,
    status: "draft",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      emptyDocument({ ...values, title: values.title.trim(), scenario: values.scenario.trim() }),
      {
        onSuccess: (journey) => {
          onClose();
          navigate(`/w/${workspaceId}/journeys/${journey.id}`);
        },
        onError: () => titleRef.current?.focus(),
      },
    );
  }

  return (
    <Dialog
      title={t("journeys.create.title")}
      description={t("journeys.create.description")}
      onClose={onClose}
      initialFocusRef={titleRef}
      returnFocusRef={returnFocusRef}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={create.error} />
        <JourneyMetaFields
          workspaceId={workspaceId}
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          error={create.error}
          titleRef={titleRef}
          submitted={create.isError}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t("journeys.create.creating") : t("journeys.create.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
