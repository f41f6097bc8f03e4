import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TimelineItem } from "../../api/customers";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon, type IconName } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { ChannelTag } from "../feedback/bits";
import { useTimeline } from "./hooks";
import { traitText } from "./names";

const EVENT_ICONS: Record<string, IconName> = { phone: "phone", email: "mail", chat: "chat", web: "globe" };
const iconOf = (item: TimelineItem): IconName =>
  item.kind === "feedback" ? "feedback" : (EVENT_ICONS[item.channel ?? ""] ?? "history");

/** Events and feedback in one list, newest first, loaded 30 at a time. */
export function Timeline({ workspaceId, customerId }: { workspaceId: string; customerId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(workspaceId, customerId);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="customer-timeline" aria-labelledby="timeline-title">
      <h2 className="section__title" id="timeline-title">
        {t("customers.timeline")}
      </h2>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} />
      ) : items.length === 0 ? (
        <p className="muted">{t("customers.timelineEmpty")}</p>
      ) : (
        <ol className="customer-timeline__list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className={`timeline-item timeline-item--${item.kind}`}>
              <span className="timeline-item__icon" aria-hidden="true">
                <Icon name={iconOf(item)} size={16} />
              </span>
              <div className="timeline-item__body">
                <div className="timeline-item__top">
                  <span className="timeline-item__kind">{t(`customers.kinds.${item.kind}`)}</span>
                  <DateText value={item.at} withTime />
                </div>
                {item.kind === "event" ? (
                  <EventBody item={item} />
                ) : (
                  <FeedbackBody item={item} workspaceId={workspaceId} />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage ? (
        <button
          type="button"
          className="button section-gap"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t("customers.more")}
        </button>
      ) : null}
    </section>
  );
}

function EventBody({ item }: { item: Extract<TimelineItem, { kind: "event" }> }) {
  const properties = Object.entries(item.properties);
  return (
    <>
      <strong>{item.name || item.type}</strong>
      {item.channel ? <span className="muted"> · {item.channel}</span> : null}
      {properties.length > 0 ? (
        <p className="timeline-item__props cell-mono">
          {properties.map(([k, v]) => `${k}: ${traitText(v)}`).join(" · ")}
        </p>
      ) : null}
    </>
  );
}

function FeedbackBody({
  item,
  workspaceId,
}: {
  item: Extract<TimelineItem, { kind: "feedback" }>;
  workspaceId: string;
}) {
  const { t } = useTranslation();
  const text = [item.title, item.text].filter(Boolean).join(" – ");
  return (
    <>
      <ChannelTag channel={item.channel} />
      <p className="timeline-item__text">
        <Link to={`/w/${workspaceId}/feedback?id=${encodeURIComponent(item.id)}`}>
          {text || t("feedback.noText")}
        </Link>
      </p>
    </>
  );
}
