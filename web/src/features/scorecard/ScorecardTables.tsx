import { useTranslation } from "react-i18next";
import { formatNumber } from "../metrics/format";
import { emotion, score } from "./format";
import type { Scorecard } from "./types";

/** Stage scores, signature interactions with their measures, and the emotional-differentiation ranking. */
export function ScorecardTables({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="scorecard-heading">{t("scorecard.stagesTitle")}</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{t("scorecard.stagesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scorecard.col.stage")}</th>
              <th scope="col">{t("scorecard.col.score")}</th>
              <th scope="col" className="cell-number">
                n
              </th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.designed")}
              </th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.measured")}
              </th>
            </tr>
          </thead>
          <tbody>
            {card.stages.map((s) => (
              <tr key={s.stageId}>
                <th scope="row">{s.name}</th>
                <td>{score(s.score)}</td>
                <td className="cell-number">{formatNumber(s.score.n)}</td>
                <td className="cell-number">{emotion(s.designedEmotion)}</td>
                <td className="cell-number">{emotion(s.measuredEmotion)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="scorecard-heading">{t("scorecard.signatureTitle")}</h2>
      {card.signatureInteractions.length === 0 ? (
        <p className="muted">{t("scorecard.noSignature")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table scorecard-signature">
            <caption className="sr-only">{t("scorecard.signatureTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scorecard.col.step")}</th>
                <th scope="col">{t("scorecard.col.score")}</th>
                <th scope="col">CSAT</th>
                <th scope="col" className="cell-number">
                  {t("scorecard.col.instances")}
                </th>
                <th scope="col" className="cell-number">
                  {t("scorecard.col.conversion")}
                </th>
                <th scope="col" className="cell-number">
                  {t("scorecard.col.wait")}
                </th>
                <th scope="col" className="cell-number">
                  {t("scorecard.col.contactRate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {card.signatureInteractions.map((s) => (
                <tr key={s.stepId}>
                  <th scope="row">{s.title}</th>
                  <td>
                    {score(s.score)} · n {formatNumber(s.score.n)}
                  </td>
                  <td>
                    {s.csat.value === null ? "–" : `${formatNumber(s.csat.value, 1)} %`} · n{" "}
                    {formatNumber(s.csat.n)}
                  </td>
                  <td className="cell-number">{formatNumber(s.instances)}</td>
                  <td className="cell-number">
                    {s.conversion === null ? "–" : `${formatNumber(s.conversion * 100, 1)} %`}
                  </td>
                  <td className="cell-number">
                    {s.waitMedianSeconds === null
                      ? "–"
                      : t("scorecard.hours", { value: formatNumber(s.waitMedianSeconds / 3600, 1) })}
                  </td>
                  <td className="cell-number">
                    {s.contactRate === null ? "–" : formatNumber(s.contactRate, 2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="scorecard-heading">{t("scorecard.differentiationTitle")}</h2>
      <p className="scorecard-definition">
        {t(
          card.importanceSource === "drivers" ? "scorecard.importanceDrivers" : "scorecard.importanceVolume",
        )}
      </p>
      <div className="table-wrap">
        <table className="table scorecard-ranking">
          <caption className="sr-only">{t("scorecard.differentiationTitle")}</caption>
          <thead>
            <tr>
              <th scope="col" className="cell-number">
                {t("scorecard.col.rank")}
              </th>
              <th scope="col">{t("scorecard.col.step")}</th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.importance")}
              </th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.measuredScore")}
              </th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.targetScore")}
              </th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.potential")}
              </th>
            </tr>
          </thead>
          <tbody>
            {card.differentiation.map((d) => (
              <tr key={d.stepId} className={d.signature ? "scorecard-row--signature" : undefined}>
                <td className="cell-number">{d.rank ?? "–"}</td>
                <th scope="row">
                  {d.title}
                  {d.signature ? <span className="scorecard-badge">{t("scorecard.signature")}</span> : null}
                </th>
                <td className="cell-number">
                  {d.importance === null ? "–" : `${formatNumber(d.importance * 100, 1)} %`}
                </td>
                <td className="cell-number">{d.measured === null ? "–" : formatNumber(d.measured, 2)}</td>
                <td className="cell-number">{d.target === null ? "–" : formatNumber(d.target, 2)}</td>
                <td className="cell-number">{d.potential === null ? "–" : formatNumber(d.potential, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
