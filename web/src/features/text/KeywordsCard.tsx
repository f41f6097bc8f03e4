import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { KeywordsQuery } from "../../api/text";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loading } from "../../components/Loading";
import { formatCount } from "./format";
import { useKeywords } from "./hooks";

const LIMIT = 20;

/** The most frequent keywords in the range (and aspect), each a full-text search in the inbox. */
export function KeywordsCard({ workspaceId, query }: { workspaceId: string; query: KeywordsQuery }) {
  const { t } = useTranslation();
  const keywords = useKeywords(workspaceId, { ...query, limit: LIMIT });
  return (
    <section className="topics-card" aria-labelledby="keywords-title">
      <h2 className="section__title" id="keywords-title">
        {t("text.keywords.title")}
      </h2>
      {keywords.isPending ? (
        <Loading />
      ) : keywords.isError ? (
        <ErrorAlert error={keywords.error} />
      ) : keywords.data.items.length === 0 ? (
        <p className="muted">{t("text.keywords.empty")}</p>
      ) : (
        <ol className="keyword-list">
          {keywords.data.items.map((k) => (
            <li key={k.keyword}>
              <Link
                className="keyword-list__item"
                to={`/w/${workspaceId}/feedback?q=${encodeURIComponent(k.keyword)}`}
                title={t("text.keywords.search", { keyword: k.keyword })}
              >
                <span className="keyword-list__word">{k.keyword}</span>
                <span className="keyword-list__count">{formatCount(k.count)}</span>
                <span className="sr-only">
                  {t("text.keywords.split", { negative: k.negative, positive: k.positive })}
                </span>
                <span className="keyword-list__split" aria-hidden="true">
                  <span className="keyword-list__neg">▼ {formatCount(k.negative)}</span>
                  <span className="keyword-list__pos">▲ {formatCount(k.positive)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
