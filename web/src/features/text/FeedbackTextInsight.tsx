import { useTranslation } from "react-i18next";
import type { Feedback } from "../../api/listen";
import { DateText } from "../../components/DateText";
import { AnalysisDetails } from "./AnalysisDetails";
import { HighlightedText } from "./HighlightedText";
import { analysedParts, marksOf } from "./highlight";
import { useAspectLabel } from "./hooks";

/**
 * The record's text with the words that decided highlighted, then the analysis. Offsets refer to
 * the analysed text (title and text), so each field is highlighted from its own start. Without an
 * enrichment (not analysed yet) the text is shown plain.
 */
export function FeedbackTextInsight({ workspaceId, f }: { workspaceId: string; f: Feedback }) {
  const { t } = useTranslation();
  const aspectLabel = useAspectLabel(workspaceId);
  const e = f.enrichment;
  if (!e) {
    return (
      <>
        {f.text ? <p className="feedback-detail__text">{f.text}</p> : null}
        {f.title || f.text ? <p className="muted">{t("text.notAnalysed")}</p> : null}
      </>
    );
  }
  const marks = marksOf(e.clauses, e.aspects);
  // The title is the panel's heading already; repeat it here only when it holds highlights.
  const shown = analysedParts(f.title, f.text).filter(
    (p) => p.field === "text" || marks.some((m) => m.from < p.start + p.value.length && m.to > p.start),
  );
  return (
    <>
      {shown.length > 0 ? (
        <p className="feedback-detail__text text-insight__text" data-testid="analysed-text">
          {shown.map((part) => (
            <HighlightedText
              key={part.field}
              part={part}
              marks={marks}
              aspectLabel={aspectLabel}
              className={part.field === "title" ? "text-insight__title" : undefined}
            />
          ))}
        </p>
      ) : null}
      {f.title || f.text ? (
        <AnalysisDetails
          analysis={{ ...e, label: e.sentiment }}
          marks={marks}
          aspectLabel={aspectLabel}
          titleId="feedback-analysis-title"
          extra={
            <>
              <dt>{t("text.insight.enrichedAt")}</dt>
              <dd>
                <DateText value={e.enrichedAt} withTime />
              </dd>
            </>
          }
        />
      ) : null}
    </>
  );
}
