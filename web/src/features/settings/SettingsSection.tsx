import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode, RefObject } from "react";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";

/** A settings section: heading, intro, an optional "add" button and a live status line for its results. */
export function SettingsSection({
  headingId,
  title,
  intro,
  action,
  status,
  children,
}: {
  headingId: string;
  title: string;
  intro: string;
  /** The button's ref is where dialogs opened from the section return focus. */
  action?: { label: string; ref: RefObject<HTMLButtonElement | null>; onClick: () => void };
  status: string;
  children: ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__header">
        <div>
          <h2 className="section__title" id={headingId}>
            {title}
          </h2>
          <p className="section__intro">{intro}</p>
        </div>
        {action ? (
          <button ref={action.ref} type="button" className="button button--primary" onClick={action.onClick}>
            <Icon name="plus" size={16} />
            {action.label}
          </button>
        ) : null}
      </div>
      <p className="status-message" role="status">
        {status}
      </p>
      {children}
    </section>
  );
}

/** A list query's loading, error and empty states; a 403 is a notice, not an error. */
export function QueryList<T>({
  query,
  forbidden,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  forbidden: string;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return isApiError(query.error) && query.error.status === 403 ? (
      <p className="notice-inline">{forbidden}</p>
    ) : (
      <ErrorAlert error={query.error} />
    );
  }
  return query.data.length === 0 ? <p className="notice-inline">{empty}</p> : children(query.data);
}
