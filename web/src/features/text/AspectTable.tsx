import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SentimentCounts } from "../../api/text";
import { Icon } from "../../components/Icon";
import { formatCount, formatScore, formatShare } from "./format";
import { negativeShare } from "./trend";
import { STACK } from "./trend-chart";

/**
 * Aspects by mentions: negative share, mean score and a small polarity bar. The name opens the
 * inbox filtered by the aspect; the chart button beside it shows the aspect's trend above.
 */
export function AspectTable({
  workspaceId,
  totals,
  aspectLabel,
  selected,
  onSelect,
}: {
  workspaceId: string;
  totals: SentimentCounts[];
  aspectLabel: (key: string) => string;
  selected: string;
  onSelect: (key: string) => void;
}) {
  const { t } = useTranslation();
  const rows = [...totals].sort((a, b) => b.mentions - a.mentions || a.aspect.localeCompare(b.aspect));
  return (
    <section className="topics-card" aria-labelledby="aspects-title">
      <h2 className="section__title" id="aspects-title">
        {t("text.aspects.title")}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("text.aspects.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table aspect-table">
            <thead>
              <tr>
                <th scope="col">{t("text.aspect")}</th>
                <th scope="col" className="cell-number">
                  {t("text.aspects.mentions")}
                </th>
                <th scope="col" className="cell-number">
                  {t("text.stats.negativeShare")}
                </th>
                <th scope="col" className="cell-number">
                  {t("text.stats.meanScore")}
                </th>
                <th scope="col">{t("text.aspects.split")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = aspectLabel(row.aspect);
                return (
                  <tr key={row.aspect} aria-current={row.aspect === selected ? "true" : undefined}>
                    <th scope="row">
                      <span className="aspect-table__name">
                        <Link
                          to={`/w/${workspaceId}/feedback?aspect=${encodeURIComponent(row.aspect)}`}
                          title={t("text.aspects.openInbox", { aspect: name })}
                        >
                          {name}
                        </Link>
                        <button
                          type="button"
                          className="icon-button aspect-table__trend"
                          aria-pressed={row.aspect === selected}
                          aria-label={t("text.aspects.showTrend", { aspect: name })}
                          title={t("text.aspects.showTrend", { aspect: name })}
                          onClick={() => onSelect(row.aspect === selected ? "" : row.aspect)}
                        >
                          <Icon name="analytics" size={16} />
                        </button>
                      </span>
                    </th>
                    <td className="cell-number" data-testid="aspect-mentions">
                      {formatCount(row.mentions)}
                    </td>
                    <td className="cell-number">{formatShare(negativeShare(row))}</td>
                    <td className="cell-number">{formatScore(row.meanScore)}</td>
                    <td>
                      <PolarityBar counts={row} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Negative, neutral and positive as proportional segments; the numbers are in the title. */
function PolarityBar({ counts }: { counts: SentimentCounts }) {
  const { t } = useTranslation();
  const text = STACK.map((s) => `${t(`text.polarity.${s}`)} ${formatCount(counts[s])}`).join(", ");
  return (
    <span className="polarity-bar" role="img" aria-label={text} title={text}>
      {STACK.map((s) =>
        counts[s] > 0 ? (
          <span
            key={s}
            className={`polarity-bar__part polarity-bar__part--${s}`}
            style={{ flexGrow: counts[s] }}
          />
        ) : null,
      )}
    </span>
  );
}
