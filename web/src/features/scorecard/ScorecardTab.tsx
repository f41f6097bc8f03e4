import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { withParam } from "../../components/searchParams";
import { useJourneys } from "../journeys/hooks";
import { KpiPanel } from "../journeys/KpiPanel";
import { KpiTile } from "../kpis/KpiTile";
import { formatNumber } from "../metrics/format";
import { EmotionChart } from "./EmotionChart";
import { BELOW_COLOR, DESIGNED_COLOR, MEASURED_COLOR } from "./emotion-chart";
import { emotion, score } from "./format";
import { useScorecard } from "./hooks";
import { ScorecardTables } from "./ScorecardTables";
import type { Scorecard } from "./types";
import "../kpis/kpis.css";
import "../journeys/journey-measures.css";
import "./scorecard.css";

const TARGETS = ["4.5", "4", "5", "designed"] as const;

/** The journey scorecard: KPIs vs targets, designed vs measured emotion, stages, signature steps, ranking. */
export function ScorecardTab({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const journeys = useJourneys(workspaceId);
  const [params, setParams] = useSearchParams();
  const [target, setTarget] = useState<(typeof TARGETS)[number]>("4.5");
  const journeyId = params.get("journey") ?? journeys.data?.[0]?.id ?? null;
  const body = journeyId
    ? { journeyId, target: target === "designed" ? ("designed" as const) : Number(target) }
    : null;
  const result = useScorecard(workspaceId, body);

  return (
    <div className="scorecard">
      <div className="scorecard-controls">
        <SelectField
          label={t("scorecard.journey")}
          value={journeyId ?? ""}
          onChange={(e) => setParams(withParam("journey", e.target.value), { replace: true })}
        >
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("scorecard.target")}
          value={target}
          onChange={(e) => setTarget(e.target.value as (typeof TARGETS)[number])}
        >
          {TARGETS.map((v) => (
            <option key={v} value={v}>
              {v === "designed"
                ? t("scorecard.targetDesigned")
                : t("scorecard.targetFixed", { value: formatNumber(Number(v), 1) })}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {result.data ? <ScorecardView card={result.data} /> : null}
    </div>
  );
}

function ScorecardView({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const stageName = new Map(card.stages.map((s) => [s.stageId, s.name]));
  return (
    <section className="scorecard-view" aria-label={t("scorecard.label", { title: card.title })}>
      <p className="scorecard-summary">
        {t("scorecard.summary", {
          score: score(card.overall),
          n: formatNumber(card.overall.n),
          from: card.range.from.slice(0, 10),
          to: card.range.to.slice(0, 10),
        })}
      </p>
      <h2 className="scorecard-heading">{t("scorecard.kpis")}</h2>
      {card.catalogue.length > 0 ? (
        <ul className="kpi-tiles">
          {card.catalogue.map((item) => (
            <KpiTile key={item.kpi.id} item={item} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t("scorecard.noCatalogue")}</p>
      )}
      <KpiPanel kpis={{ journeyId: card.journeyId, instances: 0, items: card.kpis }} pending={false} />

      <h2 className="scorecard-heading">{t("scorecard.emotionTitle")}</h2>
      <p className="scorecard-definition">{t("scorecard.emotionHint")}</p>
      <ul className="scorecard-legend">
        <li>
          <span
            className="scorecard-legend__line scorecard-legend__line--dashed"
            style={{ borderColor: DESIGNED_COLOR }}
          />
          {t("scorecard.designed")}
        </li>
        <li>
          <span className="scorecard-legend__line" style={{ borderColor: MEASURED_COLOR }} />
          {t("scorecard.measured")}
        </li>
        <li>
          <span className="scorecard-legend__swatch" style={{ background: BELOW_COLOR }} />
          {t("scorecard.below")}
        </li>
      </ul>
      <EmotionChart steps={card.steps} />
      <p className="scorecard-below" role="status">
        {card.belowDesign.length === 0
          ? t("scorecard.noneBelow")
          : t("scorecard.belowList", {
              steps: card.belowDesign.map((b) => b.title).join(", "),
              count: card.belowDesign.length,
            })}
      </p>
      <div className="table-wrap">
        <table className="table scorecard-steps">
          <caption>{t("scorecard.stepsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scorecard.col.stage")}</th>
              <th scope="col">{t("scorecard.col.step")}</th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.designed")}
              </th>
              <th scope="col" className="cell-number">
                {t("scorecard.col.measured")}
              </th>
              <th scope="col">{t("scorecard.col.score")}</th>
              <th scope="col" className="cell-number">
                n
              </th>
              <th scope="col">{t("scorecard.col.state")}</th>
            </tr>
          </thead>
          <tbody>
            {card.steps.map((s) => (
              <tr
                key={s.stepId}
                data-step={s.stepId}
                className={s.emotion.below ? "scorecard-row--below" : undefined}
              >
                <td>{stageName.get(s.stageId)}</td>
                <th scope="row">
                  {s.title}
                  {s.signature ? <span className="scorecard-badge">{t("scorecard.signature")}</span> : null}
                </th>
                <td className="cell-number">{emotion(s.emotion.designed)}</td>
                <td className="cell-number">{emotion(s.emotion.measured)}</td>
                <td>{score(s.score)}</td>
                <td className="cell-number">{formatNumber(s.score.n)}</td>
                <td>
                  {s.emotion.below
                    ? t(s.emotion.belowSignificant ? "scorecard.belowSignificant" : "scorecard.belowState")
                    : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ScorecardTables card={card} />
    </section>
  );
}
