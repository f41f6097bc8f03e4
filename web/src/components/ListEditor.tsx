import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "./Icon";

interface ListEditorProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** e.g. "Add goal". */
  addLabel: string;
  placeholder?: string;
  hint?: string;
}

/** An editable list of short texts: one input per item, add and remove buttons. */
export function ListEditor({ label, values, onChange, addLabel, placeholder, hint }: ListEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);

  function focusItem(index: number) {
    requestAnimationFrame(() => {
      listRef.current?.querySelectorAll<HTMLInputElement>("input")[index]?.focus();
    });
  }

  function add() {
    onChange([...values, ""]);
    focusItem(values.length);
  }

  return (
    <fieldset className="fieldset list-editor" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{label}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ul className="list-editor__items" ref={listRef}>
        {values.map((value, index) => (
          // Items have no identity of their own; the index is the identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className="list-editor__item">
            <input
              className="input"
              value={value}
              placeholder={placeholder}
              aria-label={t("listEditor.item", { label, n: index + 1 })}
              onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (index === values.length - 1) add();
                  else focusItem(index + 1);
                }
              }}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t("listEditor.remove", { label, n: index + 1 })}
              title={t("listEditor.remove", { label, n: index + 1 })}
              onClick={() => {
                onChange(values.filter((_, i) => i !== index));
                focusItem(Math.max(0, index - 1));
              }}
            >
              <Icon name="close" size={14} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--small button--ghost" onClick={add}>
        <Icon name="plus" size={14} />
        {addLabel}
      </button>
    </fieldset>
  );
}

/** Drops empty and surrounding whitespace before saving. */
export const cleanList = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);
