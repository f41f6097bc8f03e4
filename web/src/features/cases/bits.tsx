import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateText } from "../../components/DateText";
import type { Case } from "./types";

/**
 * A case's customer key as people read it: `user:K-1` → K-1, an e-mail key (hashed, DESIGN §5) as
 * "E-mail …last six", the full key on hover.
 */
export function CustomerKey({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <>–</>;
  const hashed = /^email:[0-9a-f]{64}$/.exec(value);
  const label = hashed
    ? t("casesPage.hashedEmail", { suffix: value.slice(-6) })
    : value.replace(/^(user|anon):/, "");
  return <span title={value}>{label}</span>;
}

/** One table of cases: title, customer, touchpoint, priority, status, SLA due (overdue highlighted). */
export function CaseTable({
  cases,
  caption,
  touchpointName,
  now,
}: {
  cases: Case[];
  caption: string;
  touchpointName: (id: string | null) => string;
  now: number;
}) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p className="cases-meta">{t("casesPage.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table cases-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("casesPage.col.title")}</th>
            <th scope="col">{t("casesPage.col.customer")}</th>
            <th scope="col">{t("casesPage.col.touchpoint")}</th>
            <th scope="col">{t("casesPage.col.priority")}</th>
            <th scope="col">{t("casesPage.col.status")}</th>
            <th scope="col">{t("casesPage.col.due")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const open = c.status !== "resolved" && c.status !== "closed";
            const overdue = open && (c.slaBreachedAt !== null || Date.parse(c.dueAt) < now);
            return (
              <tr key={c.id} className={overdue ? "cases-row--overdue" : undefined}>
                <th scope="row">
                  <Link to={c.id}>{c.title}</Link>
                </th>
                <td>
                  <CustomerKey value={c.customerId} />
                </td>
                <td>{touchpointName(c.touchpointId)}</td>
                <td>{t(`casesPage.priority.${c.priority}`)}</td>
                <td>{t(`casesPage.status.${c.status}`)}</td>
                <td>
                  {open ? <DateText value={c.dueAt} withTime /> : "–"}
                  {overdue ? <span className="cases-overdue"> {t("casesPage.overdue")}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
