import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { formatCount } from "./format";
import { useDiscoverTopics, useTopics } from "./hooks";

const SAMPLES = 3;

/** Topics found among texts no aspect covers (the latest run), and a button to run it again. */
export function DiscoveredTopics({
  workspaceId,
  range,
  canWrite,
}: {
  workspaceId: string;
  range: { from?: string; to?: string };
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const topics = useTopics(workspaceId);
  const discover = useDiscoverTopics(workspaceId);
  const run = topics.data;
  return (
    <section className="topics-card" aria-labelledby="discovered-title" aria-busy={discover.isPending}>
      <div className="topics-card__head">
        <div>
          <h2 className="section__title" id="discovered-title">
            {t("text.topics.title")}
          </h2>
          <p className="section__intro">
            {run?.createdAt ? (
              <>
                {t("text.topics.lastRun")} <DateText value={run.createdAt} withTime />
              </>
            ) : (
              t("text.topics.intro")
            )}
          </p>
        </div>
        {canWrite ? (
          <button
            type="button"
            className="button button--small"
            disabled={discover.isPending}
            onClick={() => discover.mutate(range)}
          >
            <Icon name="search" size={14} />
            {discover.isPending ? t("text.topics.discovering") : t("text.topics.discover")}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={discover.error} />
      {topics.isPending ? (
        <Loading />
      ) : topics.isError ? (
        <ErrorAlert error={topics.error} />
      ) : !run || run.items.length === 0 ? (
        <p className="muted">{run?.runId ? t("text.topics.none") : t("text.topics.notRun")}</p>
      ) : (
        <ul className="topic-list">
          {[...run.items]
            .sort((a, b) => b.size - a.size)
            .map((topic) => (
              <li key={topic.id} className="topic">
                <div className="topic__head">
                  <span className="topic__label">{topic.label}</span>
                  <span className="badge">
                    {t("text.topics.size", { count: topic.size, n: formatCount(topic.size) })}
                  </span>
                </div>
                <ul className="tag-list" aria-label={t("text.insight.keywords")}>
                  {topic.keywords.map((k) => (
                    <li key={k} className="badge">
                      {k}
                    </li>
                  ))}
                </ul>
                {topic.sampleFeedbackIds.length > 0 ? (
                  <p className="topic__samples">
                    {t("text.topics.samples")}{" "}
                    {topic.sampleFeedbackIds.slice(0, SAMPLES).map((id, i) => (
                      <span key={id}>
                        {i > 0 ? ", " : null}
                        <Link to={`/w/${workspaceId}/feedback?id=${encodeURIComponent(id)}`}>
                          {t("text.topics.sample", { n: i + 1 })}
                        </Link>
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
