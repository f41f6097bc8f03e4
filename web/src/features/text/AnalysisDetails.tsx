import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AspectHit, ClauseSentiment, Polarity, SentimentCue, TextLanguage } from "../../api/text";
import { AspectChip, SentimentBadge } from "./bits";
import { formatScore } from "./format";
import { HighlightedText } from "./HighlightedText";
import type { Mark } from "./highlight";

export interface AnalysisShape {
  label: Polarity;
  score: number;
  engine: string;
  language: TextLanguage;
  clauses: ClauseSentiment[];
  aspects: AspectHit[];
  keywords: string[];
  fallbackReason?: string;
}

/**
 * What the engine found in a text: sentiment, aspects with their trigger words, the clauses with
 * their evidence, keywords and the engine. The inbox and the playground show the same.
 */
export function AnalysisDetails({
  analysis,
  marks,
  aspectLabel,
  titleId,
  extra,
}: {
  analysis: AnalysisShape;
  marks: Mark[];
  aspectLabel: (key: string) => string;
  titleId: string;
  /** More rows for the list at the end (e.g. when the record was analysed). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const a = analysis;
  return (
    <section className="text-insight" aria-labelledby={titleId}>
      <h3 className="section__title" id={titleId}>
        {t("text.insight.title")}
      </h3>
      <div className="text-insight__row">
        <SentimentBadge label={a.label} score={a.score} />
        {a.aspects.map((hit) => (
          <AspectChip key={hit.aspect} hit={hit} label={aspectLabel(hit.aspect)} withTriggers />
        ))}
        {a.aspects.length === 0 ? <span className="muted">{t("text.insight.noAspects")}</span> : null}
      </div>
      {a.clauses.length > 1 ? (
        <>
          <h4 className="text-insight__subtitle">{t("text.insight.clauses")}</h4>
          <ol className="clause-list">
            {a.clauses.map((c) => (
              <li key={`${c.from}-${c.to}`} className="clause">
                <SentimentBadge label={c.label} score={c.score} />
                <HighlightedText
                  part={{ field: "text", value: c.text, start: c.from }}
                  marks={marks}
                  aspectLabel={aspectLabel}
                  className="clause__text"
                />
                <CueList clause={c} />
              </li>
            ))}
          </ol>
        </>
      ) : a.clauses[0] ? (
        <CueList clause={a.clauses[0]} />
      ) : null}
      <dl className="detail-list">
        {a.keywords.length > 0 ? (
          <>
            <dt>{t("text.insight.keywords")}</dt>
            <dd>
              <ul className="tag-list">
                {a.keywords.map((k) => (
                  <li key={k} className="badge">
                    {k}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t("text.insight.engine")}</dt>
        <dd className="cell-mono">{a.engine}</dd>
        {a.fallbackReason ? (
          <>
            <dt>{t("text.insight.fallback")}</dt>
            <dd>{a.fallbackReason}</dd>
          </>
        ) : null}
        <dt>{t("text.insight.language")}</dt>
        <dd>{t(`text.languages.${a.language}`)}</dd>
        {extra}
      </dl>
    </section>
  );
}

/** The evidence of one clause: "‘hat ewig gedauert’ −0,60", modifiers by their kind. */
function CueList({ clause }: { clause: ClauseSentiment }) {
  const { t } = useTranslation();
  if (clause.cues.length === 0) return null;
  const describe = (cue: SentimentCue) =>
    cue.value === 0
      ? `${t("text.quoted", { text: cue.text })} (${t(`text.cues.${cue.kind}`)})`
      : `${t("text.quoted", { text: cue.text })} ${formatScore(cue.value)}`;
  return (
    <p className="cue-list">
      <span className="cue-list__label">{t("text.insight.cues")}:</span>{" "}
      {clause.cues.map(describe).join(", ")}
    </p>
  );
}
