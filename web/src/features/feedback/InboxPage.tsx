import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { paramValues, withParam } from "../../components/searchParams";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { endOfDay, startOfDay } from "../metrics/range";
import { useAspectLabel } from "../text/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import { FeedbackDetailPanel } from "./FeedbackDetailPanel";
import { FeedbackImportDialog } from "./FeedbackImportDialog";
import { FeedbackList } from "./FeedbackList";
import { INBOX_FILTERS, type InboxFilter, type InboxQuery, useFeedbackList } from "./hooks";
import { InboxFilters } from "./InboxFilters";

/** `/w/:ws/feedback`: every survey response and piece of unsolicited feedback, searchable and filtered. */
export function InboxPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("feedback.inbox.title"), workspace.name);
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [status, setStatus] = useState("");
  const importRef = useRef<HTMLButtonElement>(null);
  const filters = paramValues(params, INBOX_FILTERS);
  // Dates in the URL are days; the API takes instants.
  const query: InboxQuery = {
    ...filters,
    from: filters.from ? startOfDay(filters.from) : undefined,
    to: filters.to ? endOfDay(filters.to) : undefined,
  };
  const list = useFeedbackList(workspace.id, query);
  const selected = params.get("id") ?? "";
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const aspectLabel = useAspectLabel(workspace.id);

  function setFilter(name: InboxFilter, value: string) {
    setParams(withParam(name, value), { replace: true });
  }

  function select(id: string | null) {
    setParams(withParam("id", id), { replace: true });
  }

  return (
    <div className="page page--wide inbox">
      <PageHeader
        title={t("feedback.inbox.title")}
        description={t("feedback.inbox.description")}
        actions={
          <button ref={importRef} type="button" className="button" onClick={() => setImporting(true)}>
            <Icon name="upload" size={16} />
            {t("feedback.import.button")}
          </button>
        }
      />
      <InboxFilters
        workspaceId={workspace.id}
        values={filters}
        onChange={setFilter}
        onReset={() => setParams(selected ? { id: selected } : {}, { replace: true })}
      />
      <p className="status-message" role="status">
        {status}
      </p>
      <div className="inbox__layout">
        <section className="inbox__list" aria-labelledby="inbox-list-title">
          <h2 className="sr-only" id="inbox-list-title">
            {t("feedback.inbox.listTitle")}
          </h2>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorAlert error={list.error} />
          ) : items.length === 0 ? (
            <div className="empty-state empty-state--compact">
              <div className="empty-state__icon">
                <Icon name="feedback" size={24} />
              </div>
              <p className="empty-state__title">
                {INBOX_FILTERS.some((f) => filters[f])
                  ? t("feedback.inbox.noMatches")
                  : t("areas.feedback.emptyTitle")}
              </p>
              <p className="empty-state__body">{t("feedback.inbox.emptyBody")}</p>
            </div>
          ) : (
            <FeedbackList
              items={items}
              selected={selected}
              busy={list.isFetching && !list.isFetchingNextPage}
              hasMore={list.hasNextPage}
              loadingMore={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
              aspectLabel={aspectLabel}
            />
          )}
        </section>
        <section className="inbox__detail" aria-label={t("feedback.detail.label")}>
          {selected ? (
            <FeedbackDetailPanel
              workspaceId={workspace.id}
              feedbackId={selected}
              onClose={() => select(null)}
            />
          ) : (
            <p className="inbox__placeholder">{t("feedback.detail.placeholder")}</p>
          )}
        </section>
      </div>
      {importing ? (
        <FeedbackImportDialog
          workspaceId={workspace.id}
          returnFocusRef={importRef}
          onClose={() => setImporting(false)}
          onImported={(result) => setStatus(t("feedback.import.done", { ...result }))}
        />
      ) : null}
    </div>
  );
}
