import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TOUCHPOINT_KINDS, type Touchpoint } from "../../api/journey-design";
import { Icon } from "../../components/Icon";
import { channelName, KindBadge } from "../touchpoints/TouchpointBits";

/** The step's touchpoint with its kind; a step without one is a free moment. Edited with a select. */
export function TouchpointCell({
  label,
  touchpointId,
  touchpoints,
  byId,
  readOnly,
  onCommit,
}: {
  label: string;
  touchpointId: string | null;
  touchpoints: Touchpoint[];
  byId: ReadonlyMap<string, Touchpoint>;
  readOnly?: boolean;
  onCommit: (touchpointId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const tp = touchpointId ? byId.get(touchpointId) : undefined;

  useEffect(() => {
    if (editing) selectRef.current?.focus();
  }, [editing]);

  function close(next?: string | null) {
    setEditing(false);
    if (next !== undefined && next !== touchpointId) onCommit(next);
    requestAnimationFrame(() => wrapRef.current?.querySelector<HTMLElement>("button")?.focus());
  }

  const display = tp ? (
    <span className={`tp-cell tp-cell--${tp.kind}`}>
      <KindBadge kind={tp.kind} compact />
      <span className="tp-cell__name">
        {tp.signature ? <Icon name="star" size={12} filled className="signature-star" /> : null}
        {tp.name}
      </span>
      <span className="tp-cell__meta">
        {channelName(t, tp.channel)}
        {tp.owner ? ` · ${tp.owner.name}` : ""}
      </span>
    </span>
  ) : touchpointId ? (
    <span className="tp-cell tp-cell--missing">{t("journeys.map.touchpointMissing")}</span>
  ) : (
    <span className="tp-cell tp-cell--free">{t("journeys.map.freeMoment")}</span>
  );

  if (readOnly) return <div className="cell-view">{display}</div>;
  return (
    <div ref={wrapRef} className="cell-wrap">
      {editing ? (
        <div className="cell-editor">
          <select
            ref={selectRef}
            className="input select cell-input"
            aria-label={label}
            value={touchpointId ?? ""}
            onChange={(e) => close(e.target.value || null)}
            onBlur={() => setEditing(false)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                close();
              }
            }}
          >
            <option value="">{t("journeys.map.freeMomentOption")}</option>
            {TOUCHPOINT_KINDS.map((kind) => {
              const group = touchpoints.filter((x) => x.kind === kind);
              return group.length > 0 ? (
                <optgroup key={kind} label={t(`touchpoints.kinds.${kind}`)}>
                  {group.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name} ({channelName(t, x.channel)})
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </div>
      ) : (
        <button type="button" className="cell-view cell-view--editable" onClick={() => setEditing(true)}>
          <span className="sr-only">{label}: </span>
          {display}
        </button>
      )}
    </div>
  );
}
