import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { EMOTIONS } from "../../api/journey-design";
import { Icon } from "../../components/Icon";

/** A callback ref: focuses an editor as it appears (instead of `autoFocus`, which screen readers dislike on load). */
const focusOnMount = (el: HTMLElement | null) => {
  el?.focus();
  if (el instanceof HTMLInputElement) el.select();
};

/** Focus after React has rendered the element that replaces the editor. */
const focusLater = (el: () => HTMLElement | null | undefined) => requestAnimationFrame(() => el()?.focus());

interface CellProps {
  /** What the cell holds, e.g. "Expectation – Request quote", for the button's accessible name. */
  label: string;
  readOnly?: boolean;
}

/** A cell shown as a button; activating it swaps in an editor, which commits on Enter or blur. */
function CellShell({
  label,
  readOnly,
  editing,
  onEdit,
  display,
  editor,
  className,
}: CellProps & {
  editing: boolean;
  onEdit: () => void;
  display: ReactNode;
  editor: ReactNode;
  className?: string;
}) {
  if (editing) return <div className={`cell-editor ${className ?? ""}`}>{editor}</div>;
  if (readOnly) return <div className={`cell-view ${className ?? ""}`}>{display}</div>;
  return (
    <button type="button" className={`cell-view cell-view--editable ${className ?? ""}`} onClick={onEdit}>
      <span className="sr-only">{label}: </span>
      {display}
    </button>
  );
}

export function TextCell({
  label,
  value,
  placeholder,
  multiline = false,
  readOnly,
  onCommit,
  className,
  initialEditing = false,
}: CellProps & {
  value: string;
  placeholder: string;
  multiline?: boolean;
  onCommit: (value: string) => void;
  className?: string;
  /** Opens the editor at once, e.g. for the title of a step just added. */
  initialEditing?: boolean;
}) {
  const [editing, setEditing] = useState(initialEditing && !readOnly);
  const [text, setText] = useState(value);
  const wrapRef = useRef<HTMLDivElement>(null);

  function close(commit: boolean) {
    setEditing(false);
    if (commit && text.trim() !== value) onCommit(text.trim());
    focusLater(() => wrapRef.current?.querySelector<HTMLElement>("button"));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(false);
    } else if (event.key === "Enter" && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      close(true);
    }
  }

  const common = {
    className: "input cell-input",
    value: text,
    "aria-label": label,
    ref: focusOnMount,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: () => close(true),
    onKeyDown,
  };

  return (
    <div ref={wrapRef} className="cell-wrap">
      <CellShell
        label={label}
        readOnly={readOnly}
        editing={editing}
        className={className}
        onEdit={() => {
          setText(value);
          setEditing(true);
        }}
        display={
          value ? (
            <span className="cell-text">{value}</span>
          ) : (
            <span className="cell-placeholder">{placeholder}</span>
          )
        }
        editor={multiline ? <textarea rows={4} {...common} /> : <input {...common} />}
      />
    </div>
  );
}

/** A list of short texts (pain points, insights, ideas), edited one item per line. */
export function ListCell({
  label,
  values,
  placeholder,
  readOnly,
  onCommit,
  tone,
}: CellProps & {
  values: string[];
  placeholder: string;
  onCommit: (values: string[]) => void;
  tone: string;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const wrapRef = useRef<HTMLDivElement>(null);

  function close(commit: boolean) {
    setEditing(false);
    if (commit) {
      const next = text
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean);
      if (next.join("\n") !== values.join("\n")) onCommit(next);
    }
    focusLater(() => wrapRef.current?.querySelector<HTMLElement>("button"));
  }

  return (
    <div ref={wrapRef} className="cell-wrap">
      <CellShell
        label={label}
        readOnly={readOnly}
        editing={editing}
        onEdit={() => {
          setText(values.join("\n"));
          setEditing(true);
        }}
        display={
          values.length > 0 ? (
            // Spans, not a list: a button may hold phrasing content only.
            <span className={`cell-list cell-list--${tone}`}>
              {values.map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items may repeat
                <span key={i} className="cell-list__item">
                  {v}
                </span>
              ))}
            </span>
          ) : (
            <span className="cell-placeholder">{placeholder}</span>
          )
        }
        editor={
          <>
            <textarea
              className="input cell-input"
              rows={Math.max(3, values.length + 1)}
              aria-label={label}
              aria-describedby={hintId}
              ref={focusOnMount}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onBlur={() => close(true)}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.preventDefault();
                  e.stopPropagation();
                  close(false);
                } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  close(true);
                }
              }}
            />
            <span className="cell-hint" id={hintId}>
              {t("journeys.map.listHint")}
            </span>
          </>
        }
      />
    </div>
  );
}

/**
 * Edit state of a cell whose editor is a group of buttons (emotion, rating): closing commits a
 * changed value and returns focus to the cell.
 */
function usePickerCell(value: number | null, onCommit: (value: number | null) => void) {
  const [editing, setEditing] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const groupRef = useRef<HTMLFieldSetElement>(null);
  function close(next?: number | null) {
    setEditing(false);
    if (next !== undefined && next !== value) onCommit(next);
    focusLater(() => wrapRef.current?.querySelector<HTMLElement>("button"));
  }
  return { editing, setEditing, wrapRef, groupRef, close };
}

const emotionTone = (v: number | null) =>
  v === null ? "none" : v <= -2 ? "neg2" : v < 0 ? "neg1" : v === 0 ? "zero" : v < 2 ? "pos1" : "pos2";

export const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0");

/** A −3…+3 segmented control; choosing a value commits it, choosing it again clears it. */
export function EmotionCell({
  label,
  value,
  readOnly,
  onCommit,
}: CellProps & { value: number | null; onCommit: (value: number | null) => void }) {
  const { t } = useTranslation();
  const { editing, setEditing, wrapRef, groupRef, close } = usePickerCell(value, onCommit);

  useEffect(() => {
    if (!editing) return;
    const pressed = groupRef.current?.querySelector<HTMLElement>("[aria-pressed='true']");
    (pressed ?? groupRef.current?.querySelector<HTMLElement>("button"))?.focus();
  }, [editing, groupRef]);

  return (
    <div ref={wrapRef} className="cell-wrap">
      <CellShell
        label={label}
        readOnly={readOnly}
        editing={editing}
        className="cell-view--center"
        onEdit={() => setEditing(true)}
        display={
          value === null ? (
            <span className="cell-placeholder">{t("journeys.map.setEmotion")}</span>
          ) : (
            <span className={`emotion-value emotion-value--${emotionTone(value)}`}>
              {signed(value)}{" "}
              <span className="emotion-value__word">{t(`journeys.emotions.${emotionKey(value)}`)}</span>
            </span>
          )
        }
        editor={
          <fieldset
            ref={groupRef}
            className="emotion-picker"
            aria-label={label}
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setEditing(false);
            }}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                close();
              } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                const buttons = [...(groupRef.current?.querySelectorAll<HTMLElement>("button") ?? [])];
                const i = buttons.indexOf(document.activeElement as HTMLElement);
                buttons[
                  Math.max(0, Math.min(buttons.length - 1, i + (e.key === "ArrowRight" ? 1 : -1)))
                ]?.focus();
                e.preventDefault();
              }
            }}
          >
            {EMOTIONS.map((v) => (
              <button
                key={v}
                type="button"
                className={`emotion-picker__option emotion-value--${emotionTone(v)}`}
                aria-pressed={value === v}
                title={t(`journeys.emotions.${emotionKey(v)}`)}
                aria-label={`${signed(v)} ${t(`journeys.emotions.${emotionKey(v)}`)}`}
                onClick={() => close(value === v ? null : v)}
              >
                {signed(v)}
              </button>
            ))}
          </fieldset>
        }
      />
    </div>
  );
}

export function emotionKey(v: number) {
  return (
    (["m3", "m2", "m1", "zero", "p1", "p2", "p3"] as const)[Math.max(0, Math.min(6, Math.round(v) + 3))] ??
    "zero"
  );
}

/** Customer rating 1–5 as stars; choosing the current value again clears it. */
export function RatingCell({
  label,
  value,
  readOnly,
  onCommit,
}: CellProps & { value: number | null; onCommit: (value: number | null) => void }) {
  const { t } = useTranslation();
  const { editing, setEditing, wrapRef, groupRef, close } = usePickerCell(value, onCommit);

  useEffect(() => {
    if (editing) groupRef.current?.querySelector<HTMLElement>("button")?.focus();
  }, [editing, groupRef]);

  return (
    <div ref={wrapRef} className="cell-wrap">
      <CellShell
        label={label}
        readOnly={readOnly}
        editing={editing}
        className="cell-view--center"
        onEdit={() => setEditing(true)}
        display={
          value === null ? (
            <span className="cell-placeholder">{t("journeys.map.setRating")}</span>
          ) : (
            <span className="step-rating">
              <span aria-hidden="true" className="step-rating__stars">
                {[1, 2, 3, 4, 5].map((n) => (
                  <Icon key={n} name="star" size={14} filled={n <= value} />
                ))}
              </span>
              <span className="step-rating__value">{value}/5</span>
            </span>
          )
        }
        editor={
          <fieldset
            ref={groupRef}
            className="rating-picker"
            aria-label={label}
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setEditing(false);
            }}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                close();
              }
            }}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                className="rating-picker__option"
                aria-pressed={value === n}
                aria-label={t("journeys.map.ratingOption", { n })}
                onClick={() => close(value === n ? null : n)}
              >
                <Icon name="star" size={16} filled={value !== null && n <= value} />
              </button>
            ))}
          </fieldset>
        }
      />
    </div>
  );
}
