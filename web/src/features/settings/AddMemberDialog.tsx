import { type FormEvent, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member, Role } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { type AddMemberInput, useAddMember } from "./hooks";

interface Props {
  workspaceId: string;
  roles: readonly Role[];
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onAdded: (member: Member) => void;
}

export function AddMemberDialog({ workspaceId, roles, returnFocusRef, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddMember(workspaceId);
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: AddMemberInput = { email: email.trim(), role };
    if (name.trim()) body.name = name.trim();
    if (password) body.password = password;
    add.mutate(body, {
      onSuccess: (member) => {
        onAdded(member);
        onClose();
      },
    });
  }

  const fieldError = (field: "email" | "name" | "password" | "role") =>
    errorText.field(add.error, `/body/${field}`, add.variables?.[field] ?? "");

  return (
    <Dialog
      title={t("members.addTitle")}
      description={t("members.addDescription")}
      onClose={onClose}
      initialFocusRef={emailRef}
      returnFocusRef={returnFocusRef}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={add.error} />
        <TextField
          label={t("members.email")}
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          inputRef={emailRef}
          error={fieldError("email")}
        />
        <TextField
          label={t("members.name")}
          name="name"
          autoComplete="off"
          optional={t("common.optional")}
          hint={t("members.nameHint")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError("name")}
        />
        <TextField
          label={t("members.password")}
          type="password"
          name="password"
          autoComplete="new-password"
          optional={t("common.optional")}
          hint={t("members.passwordHint")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError("password")}
        />
        <SelectField
          label={t("members.role")}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          error={fieldError("role")}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? t("members.adding") : t("members.add")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
