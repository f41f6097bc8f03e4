import { useTranslation } from "react-i18next";
import type { DistinctId } from "../../api/customers";
import "./customers.css";

/** Distinct ids as chips; hashed ones (e-mail, phone) by their kind only. */
export function DistinctIds({ ids }: { ids: DistinctId[] }) {
  const { t } = useTranslation();
  return (
    <ul className="customer-ids">
      {ids.map((d, i) => (
        <li key={`${d.kind}-${d.value ?? i}`} className="chip">
          <span className="customer-ids__kind">{t(`customers.idKinds.${d.kind}`)}</span>
          {d.value ? (
            <span className="cell-mono">{d.value}</span>
          ) : (
            <span className="muted">{t("customers.hashed")}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
