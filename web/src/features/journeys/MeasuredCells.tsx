import { useTranslation } from "react-i18next";
import type { StepMeasures } from "../../api/journey-design";
import { formatDuration, formatShare } from "../analytics/format";
import { formatNumber } from "../metrics/format";
import { formatRating, formatSentimentScore, ratingGap, sentimentTone } from "./measures";

/**
 * A step's measured flow from its journey instances: customers reaching it, conversion from the
 * previous mapped step, the wait before it and the contact rate while customers were at it.
 */
export function MeasuredFlowCell({ measures }: { measures: StepMeasures | undefined }) {
  const { t } = useTranslation();
  if (!measures) return <p className="jm-measure jm-measure--none">{t("journeys.measures.notMeasured")}</p>;
  if (!measures.mapped)
    return (
      <p className="jm-measure jm-measure--none" title={t("journeys.measures.unmappedHint")}>
        {t("journeys.measures.noEvents")}
      </p>
    );
  return (
    <dl className="jm-measure">
      <div className="jm-measure__row">
        <dt>{t("journeys.measures.customers")}</dt>
        <dd className="jm-measure__strong">{formatNumber(measures.customers)}</dd>
      </div>
      <div className="jm-measure__row">
        <dt>{t("journeys.measures.conversion")}</dt>
        <dd>
          {measures.conversion === null ? (
            <span className="muted">{t("journeys.measures.noConversion")}</span>
          ) : (
            formatShare(measures.conversion)
          )}
        </dd>
      </div>
      <div
        className="jm-measure__row"
        title={
          measures.waits === 0
            ? undefined
            : t("journeys.measures.waitHint", {
                median: formatDuration(t, measures.waitMedianSeconds),
                p90: formatDuration(t, measures.waitP90Seconds),
                count: measures.waits,
              })
        }
      >
        <dt>{t("journeys.measures.waitMedian")}</dt>
        <dd>{measures.waits === 0 ? "–" : formatDuration(t, measures.waitMedianSeconds)}</dd>
      </div>
      <div className="jm-measure__row">
        <dt>{t("journeys.measures.waitP90")}</dt>
        <dd>{measures.waits === 0 ? "–" : formatDuration(t, measures.waitP90Seconds)}</dd>
      </div>
      <div className="jm-measure__row">
        <dt>{t("journeys.measures.contactRate")}</dt>
        <dd title={t("journeys.measures.contactsHint", { count: measures.contacts })}>
          {formatShare(measures.contactRate)}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The workshop's rating next to the measured one from linked feedback, coloured when they are a star
 * or more apart, and the feedback's sentiment. Shown for unmapped steps too.
 */
export function MeasuredRatingCell({
  workshop,
  measures,
}: {
  workshop: number | null;
  measures: StepMeasures | undefined;
}) {
  const { t } = useTranslation();
  if (!measures) return <p className="jm-measure jm-measure--none">{t("journeys.measures.notMeasured")}</p>;
  const { rating, sentiment } = measures;
  const gap = ratingGap(workshop, rating.mean);
  const apart = gap === "worse" || gap === "better" ? gap : null;
  const diff = apart && workshop !== null && rating.mean !== null ? rating.mean - workshop : null;
  const tone = sentimentTone(sentiment.meanScore);
  return (
    <div className="jm-measure">
      <p className={apart ? `jm-rating jm-rating--${apart}` : "jm-rating"}>
        <span className="jm-rating__workshop">
          {t("journeys.measures.workshop")} {workshop ?? "–"}
        </span>
        <span aria-hidden="true"> · </span>
        {rating.n === 0 ? (
          <span className="muted">{t("journeys.measures.noRatings")}</span>
        ) : (
          <span className="jm-rating__measured">
            {t("journeys.measures.measured")} <strong>{formatRating(rating.mean)}</strong>{" "}
            <span className="jm-measure__sub">{t("journeys.measures.n", { n: formatNumber(rating.n) })}</span>
          </span>
        )}
        {apart && diff !== null ? (
          <span className={`jm-gap jm-gap--${apart}`} title={t(`journeys.measures.gap.${apart}`)}>
            <span className="sr-only">{t(`journeys.measures.gap.${apart}`)}: </span>
            {diff > 0 ? "+" : "−"}
            {formatNumber(Math.abs(diff), 1)}
          </span>
        ) : null}
      </p>
      {sentiment.n > 0 ? (
        <p className="jm-sentiment">
          <span className="jm-sentiment__label">{t("journeys.measures.sentiment")}</span>{" "}
          <span className={tone ? `jm-sentiment__score jm-sentiment__score--${tone}` : "jm-sentiment__score"}>
            {formatSentimentScore(sentiment.meanScore)}
          </span>{" "}
          <span className="jm-measure__sub">
            {t("journeys.measures.sentimentCounts", {
              positive: formatNumber(sentiment.positive),
              negative: formatNumber(sentiment.negative),
              n: formatNumber(sentiment.n),
            })}
          </span>
        </p>
      ) : null}
    </div>
  );
}
