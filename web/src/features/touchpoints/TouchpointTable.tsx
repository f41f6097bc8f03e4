import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Touchpoint } from "../../api/journey-design";
import { Icon } from "../../components/Icon";
import { channelName, KindBadge, RatingStars } from "./TouchpointBits";

const SORT_KEYS = [
  "name",
  "kind",
  "channel",
  "department",
  "owner",
  "rating",
  "matchers",
  "usedBy",
  "updatedAt",
] as const;
type SortKey = (typeof SORT_KEYS)[number];

const KIND_ORDER = { direct: 0, indirect: 1, hidden: 2 } as const;

function sortValue(tp: Touchpoint, key: SortKey): string | number {
  switch (key) {
    case "name":
      return tp.name.toLocaleLowerCase();
    case "kind":
      return KIND_ORDER[tp.kind];
    case "channel":
      return tp.channel;
    case "department":
      return tp.department?.toLocaleLowerCase() ?? "\uffff";
    case "owner":
      return tp.owner?.name.toLocaleLowerCase() ?? "\uffff";
    case "rating":
      return tp.internalRating?.value ?? -1;
    case "matchers":
      return tp.eventMatchers.length;
    case "usedBy":
      return tp.usedBy;
    case "updatedAt":
      return tp.updatedAt;
  }
}

interface Props {
  rows: Touchpoint[];
  selected: ReadonlySet<string>;
  onSelectedChange: (next: ReadonlySet<string>) => void;
  onOpen: (tp: Touchpoint) => void;
  busy: boolean;
}

export function TouchpointTable({ rows, selected, onSelectedChange, onOpen, busy }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "name", dir: 1 });

  const sorted = useMemo(() => {
    const out = [...rows];
    out.sort((a, b) => {
      const va = sortValue(a, sort.key);
      const vb = sortValue(b, sort.key);
      const c = va < vb ? -1 : va > vb ? 1 : a.name.localeCompare(b.name);
      return c * sort.dir;
    });
    return out;
  }, [rows, sort]);

  const allSelected = rows.length > 0 && rows.every((tp) => selected.has(tp.id));
  const someSelected = rows.some((tp) => selected.has(tp.id));

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange(next);
  }

  function header(key: SortKey, label: string, className?: string) {
    const current = sort.key === key;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={current ? (sort.dir === 1 ? "ascending" : "descending") : undefined}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, dir: current ? (sort.dir === 1 ? -1 : 1) : 1 })}
        >
          {label}
          <span className={current ? "sort-button__arrow sort-button__arrow--on" : "sort-button__arrow"}>
            {current && sort.dir === -1 ? "▼" : "▲"}
          </span>
        </button>
      </th>
    );
  }

  return (
    <div className={busy ? "table-wrap table-wrap--busy" : "table-wrap"}>
      <table className="table table--dense tp-table">
        <caption className="sr-only">{t("touchpoints.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <input
                type="checkbox"
                aria-label={t("touchpoints.selectAll")}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected && !allSelected;
                }}
                onChange={(e) =>
                  onSelectedChange(e.target.checked ? new Set(rows.map((tp) => tp.id)) : new Set())
                }
              />
            </th>
            {header("name", t("touchpoints.fields.name"))}
            {header("kind", t("touchpoints.fields.kind"))}
            {header("channel", t("touchpoints.fields.channel"))}
            {header("department", t("touchpoints.fields.department"))}
            {header("owner", t("touchpoints.fields.owner"))}
            {header("rating", t("touchpoints.fields.internalRating"))}
            <th scope="col">{t("touchpoints.fields.tags")}</th>
            {header("matchers", t("touchpoints.columns.matchers"), "cell-num")}
            {header("usedBy", t("touchpoints.columns.usedBy"), "cell-num")}
          </tr>
        </thead>
        <tbody>
          {sorted.map((tp) => (
            <tr
              key={tp.id}
              className={[`tp-row tp-row--${tp.kind}`, selected.has(tp.id) ? "tp-row--selected" : ""].join(
                " ",
              )}
            >
              <td className="cell-check">
                <input
                  type="checkbox"
                  aria-label={t("touchpoints.select", { name: tp.name })}
                  checked={selected.has(tp.id)}
                  onChange={(e) => toggle(tp.id, e.target.checked)}
                />
              </td>
              <td className="tp-table__name">
                <div className="tp-name">
                  {tp.signature ? (
                    <span className="signature-star" title={t("journeys.flags.signature")}>
                      <Icon name="star" size={14} filled />
                      <span className="sr-only">{t("journeys.flags.signature")}: </span>
                    </span>
                  ) : null}
                  <button type="button" className="link-button cell-primary" onClick={() => onOpen(tp)}>
                    {tp.name}
                  </button>
                </div>
                <div className="cell-secondary cell-mono">{tp.key}</div>
              </td>
              <td>
                <KindBadge kind={tp.kind} />
              </td>
              <td>{channelName(t, tp.channel)}</td>
              <td>{tp.department ?? <span className="muted">–</span>}</td>
              <td>
                {tp.owner ? (
                  <span className="owner">
                    <Icon name={tp.owner.type === "team" ? "users" : "personas"} size={14} />
                    {tp.owner.name}
                  </span>
                ) : (
                  <span className="muted-warning">{t("touchpoints.noOwner")}</span>
                )}
              </td>
              <td>
                <RatingStars value={tp.internalRating?.value ?? null} />
              </td>
              <td>
                {tp.tags.length > 0 ? (
                  <ul className="tag-list">
                    {tp.tags.slice(0, 2).map((tag) => (
                      <li key={tag} className="chip">
                        {tag}
                      </li>
                    ))}
                    {tp.tags.length > 2 ? (
                      <li className="chip chip--more" title={tp.tags.slice(2).join(", ")}>
                        +{tp.tags.length - 2}
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </td>
              <td className="cell-num">
                {tp.eventMatchers.length > 0 ? (
                  <span title={tp.eventMatchers.map((m) => m.event).join(", ")}>
                    {tp.eventMatchers.length}
                  </span>
                ) : (
                  <span className={tp.kind === "hidden" ? "muted-warning" : "muted"}>0</span>
                )}
              </td>
              <td className="cell-num">
                {tp.usedBy > 0 ? (
                  t("touchpoints.usedBy", { count: tp.usedBy })
                ) : (
                  <span className="muted">{t("touchpoints.unused")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
