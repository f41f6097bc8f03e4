import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { FeedbackDetail } from "../../api/listen";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { useJourneys } from "../journeys/hooks";
import { useSurvey } from "../surveys/hooks";
import { FeedbackTextInsight } from "../text/FeedbackTextInsight";
import { useTouchpoints } from "../touchpoints/hooks";
import { AnswersView } from "./AnswersView";
import { ChannelTag, RatingChip } from "./bits";
import { customerName, excerpt } from "./FeedbackList";
import { FlagDialog } from "./FlagDialog";
import { useFeedback, useUpdateFeedback } from "./hooks";
import { languageLabel } from "./labels";

/** One record in full: fields, ratings, answers, flagging, and the customer's other feedback. */
export function FeedbackDetailPanel({
  workspaceId,
  feedbackId,
  onClose,
}: {
  workspaceId: string;
  feedbackId: string;
  onClose: () => void;
}) {
  const feedback = useFeedback(workspaceId, feedbackId);
  if (feedback.isPending) return <Loading />;
  if (feedback.isError) return <ErrorAlert error={feedback.error} />;
  return <Detail workspaceId={workspaceId} f={feedback.data} onClose={onClose} />;
}

function Detail({
  workspaceId,
  f,
  onClose,
}: {
  workspaceId: string;
  f: FeedbackDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const update = useUpdateFeedback(workspaceId);
  const touchpoints = useTouchpoints(workspaceId);
  const journeys = useJourneys(workspaceId);
  const [flagging, setFlagging] = useState(false);
  const flagRef = useRef<HTMLButtonElement>(null);
  const touchpoint = touchpoints.data?.find((tp) => tp.id === f.touchpointId);
  const journey = journeys.data?.find((j) => j.id === f.journeyId);
  const who = customerName(f);
  const hrefOf = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set("id", id);
    return `${location.pathname}?${params}`;
  };
  const context = [
    ...Object.entries(asRecord(f.metadata.hidden)),
    ...Object.entries(asRecord(f.metadata.context)),
  ];
  const pageUrl = typeof f.metadata.pageUrl === "string" ? f.metadata.pageUrl : null;

  return (
    <article className="feedback-detail" aria-labelledby="feedback-detail-title">
      <header className="feedback-detail__head">
        <div>
          <h2 className="feedback-detail__title" id="feedback-detail-title">
            {f.title ||
              t(
                f.kind === "survey_response"
                  ? "feedback.kinds.survey_response"
                  : "feedback.kinds.unsolicited",
              )}
          </h2>
          <p className="feedback-detail__meta">
            <ChannelTag channel={f.channel} />
            <DateText value={f.receivedAt} withTime />
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t("common.close")}
          title={t("common.close")}
          onClick={onClose}
        >
          <Icon name="close" size={18} />
        </button>
      </header>

      {f.flagged ? (
        <div className="alert alert--warning">
          <Icon name="flag" className="alert__icon" />
          <div>
            <p className="alert__title">{t("feedback.detail.flaggedTitle")}</p>
            <p className="alert__detail">{f.flagReason || t("feedback.detail.noReason")}</p>
          </div>
        </div>
      ) : null}
      <div className="feedback-detail__actions">
        {f.flagged ? (
          <button
            type="button"
            className="button button--small"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: f.id, body: { flagged: false, flagReason: null } })}
          >
            <Icon name="flag" size={14} />
            {t("feedback.detail.unflag")}
          </button>
        ) : (
          <button
            ref={flagRef}
            type="button"
            className="button button--small"
            onClick={() => setFlagging(true)}
          >
            <Icon name="flag" size={14} />
            {t("feedback.detail.flag")}
          </button>
        )}
      </div>
      <ErrorAlert error={update.error} />

      {f.ratings.length > 0 ? (
        <p className="feedback-detail__ratings">
          {f.ratings.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: ratings have no id; their order is stable
            <RatingChip key={i} rating={r} />
          ))}
        </p>
      ) : null}
      <FeedbackTextInsight workspaceId={workspaceId} f={f} />
      {f.kind === "survey_response" && f.surveyId ? (
        <AnswersView workspaceId={workspaceId} surveyId={f.surveyId} answers={f.answers} />
      ) : null}

      <dl className="detail-list">
        <dt>{t("feedback.fields.kind")}</dt>
        <dd>{t(`feedback.kinds.${f.kind}`)}</dd>
        {f.kind === "survey_response" ? (
          <>
            <dt>{t("feedback.fields.status")}</dt>
            <dd>{f.finished ? t("feedback.finished") : t("feedback.partial")}</dd>
          </>
        ) : null}
        {f.surveyId ? (
          <>
            <dt>{t("feedback.fields.survey")}</dt>
            <dd>
              <SurveyLink workspaceId={workspaceId} surveyId={f.surveyId} />
            </dd>
          </>
        ) : null}
        <dt>{t("feedback.fields.touchpoint")}</dt>
        <dd>{touchpoint?.name ?? <span className="muted">–</span>}</dd>
        <dt>{t("feedback.fields.journey")}</dt>
        <dd>{journey?.title ?? <span className="muted">–</span>}</dd>
        <dt>{t("feedback.fields.language")}</dt>
        <dd>{languageLabel(t, f.language)}</dd>
        <dt>{t("feedback.fields.customer")}</dt>
        <dd className="cell-mono">
          {who && f.customerId ? (
            <Link
              to={`/w/${workspaceId}/customers?q=${encodeURIComponent(f.customerId)}`}
              title={t("customers.openProfile")}
            >
              {who}
            </Link>
          ) : (
            (who ?? <span className="muted">–</span>)
          )}
        </dd>
        {pageUrl ? (
          <>
            <dt>{t("feedback.fields.pageUrl")}</dt>
            <dd className="cell-mono feedback-detail__url">{pageUrl}</dd>
          </>
        ) : null}
        {context.map(([key, value]) => (
          <ContextRow key={key} name={key} value={value} />
        ))}
      </dl>

      {f.customerFeedback.length > 0 ? (
        <section className="customer-feedback" aria-labelledby="customer-feedback-title">
          <h3 className="section__title" id="customer-feedback-title">
            {t("feedback.detail.customerFeedback", { count: f.customerFeedback.length })}
          </h3>
          <ul className="customer-feedback__list">
            {f.customerFeedback.map((other) => (
              <li key={other.id}>
                <Link to={hrefOf(other.id)} replace className="customer-feedback__item">
                  <span className="feedback-row__top">
                    <ChannelTag channel={other.channel} />
                    <DateText value={other.receivedAt} />
                  </span>
                  <span>
                    {excerpt([other.title, other.text].filter(Boolean).join(" – ")) || t("feedback.noText")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {flagging ? (
        <FlagDialog
          pending={update.isPending}
          error={update.error}
          returnFocusRef={flagRef}
          onClose={() => setFlagging(false)}
          onFlag={(reason) =>
            update.mutate(
              { id: f.id, body: { flagged: true, flagReason: reason || null } },
              { onSuccess: () => setFlagging(false) },
            )
          }
        />
      ) : null}
    </article>
  );
}

/** The survey's name as a link to its editor (the name comes from the cached survey). */
function SurveyLink({ workspaceId, surveyId }: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const survey = useSurvey(workspaceId, surveyId);
  return (
    <Link to={`/w/${workspaceId}/surveys/${surveyId}`}>
      {survey.data?.name ?? t("feedback.detail.openSurvey")}
    </Link>
  );
}

function ContextRow({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt className="cell-mono">{name}</dt>
      <dd className="cell-mono">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
    </>
  );
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
