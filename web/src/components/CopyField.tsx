import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "./Icon";

/** A read-only value with a copy button; without clipboard access the text is selected for a manual copy. */
export function CopyField({
  label,
  value,
  multiline = false,
  hint,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      ref.current?.select();
      setState("failed");
    }
  }

  const common = {
    id,
    ref,
    readOnly: true,
    value,
    spellCheck: false,
    "aria-describedby": `${id}-status`,
    onFocus: (e: { currentTarget: { select: () => void } }) => e.currentTarget.select(),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="secret">
        {multiline ? (
          <textarea className="input input--mono textarea textarea--code" rows={3} {...common} />
        ) : (
          <input className="input input--mono" {...common} />
        )}
        <button type="button" className="button" onClick={() => void copy()}>
          <Icon name={state === "copied" ? "check" : "copy"} size={16} />
          {t("copy.button")}
        </button>
      </div>
      <p className={state === "failed" ? "field__error" : "field__hint"} id={`${id}-status`} role="status">
        {state === "copied" ? t("copy.copied") : state === "failed" ? t("copy.failed") : (hint ?? "")}
      </p>
    </div>
  );
}
