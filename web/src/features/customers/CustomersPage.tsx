import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { DateText } from "../../components/DateText";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FilterSearch } from "../../components/Filters";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";
import { useCustomers } from "./hooks";
import { DistinctIds } from "./IdList";
import { customerLabel } from "./names";

/** `/w/:ws/customers`: stitched customers, most recently seen first, searchable by id, e-mail or trait. */
export function CustomersPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("customers.title"), workspace.name);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const list = useCustomers(workspace.id, q);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page page--wide">
      <PageHeader title={t("customers.title")} description={t("customers.description")} />
      <search className="filter-bar" aria-label={t("customers.searchLabel")}>
        <FilterSearch
          label={t("customers.searchLabel")}
          placeholder={t("customers.searchPlaceholder")}
          value={q}
          onChange={(v) => setParams(v ? { q: v } : {}, { replace: true })}
        />
      </search>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : rows.length === 0 ? (
        <EmptyState icon="users" title={t("customers.emptyTitle")} body={t("customers.emptyBody")} />
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="sr-only">{t("customers.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("customers.fields.customer")}</th>
                <th scope="col">{t("customers.fields.ids")}</th>
                <th scope="col">{t("customers.fields.firstSeen")}</th>
                <th scope="col">{t("customers.fields.lastSeen")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/w/${workspace.id}/customers/${c.id}`}>{customerLabel(c)}</Link>
                  </td>
                  <td>
                    <DistinctIds ids={c.distinctIds} />
                  </td>
                  <td>
                    <DateText value={c.firstSeen} withTime />
                  </td>
                  <td>
                    <DateText value={c.lastSeen} withTime />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasNextPage ? (
            <button
              type="button"
              className="button section-gap"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t("customers.more")}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
