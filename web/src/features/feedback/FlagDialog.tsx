import { type FormEvent, type RefObject, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField } from "../../components/Field";

/** Flags a record (spam, test, abusive …): flagged records stay in the inbox but leave the metrics. */
export function FlagDialog({
  pending,
  error,
  returnFocusRef,
  onClose,
  onFlag,
}: {
  pending: boolean;
  error: unknown;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onFlag: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onFlag(reason.trim());
  }
  return (
    <Dialog
      title={t("feedback.flag.title")}
      description={t("feedback.flag.description")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={t("feedback.flag.reason")}
          value={reason}
          rows={3}
          maxLength={500}
          optional={t("common.optional")}
          placeholder={t("feedback.flag.placeholder")}
          onChange={(e) => setReason(e.target.value)}
        />
        <ErrorAlert error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t("common.saving") : t("feedback.flag.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
