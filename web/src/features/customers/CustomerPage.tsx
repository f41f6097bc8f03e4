import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { Customer } from "../../api/customers";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { channelLabel } from "../feedback/labels";
import { canManageWorkspace, useCurrentWorkspace } from "../workspaces/context";
import { useCustomer, useEraseCustomer } from "./hooks";
import { DistinctIds } from "./IdList";
import { customerLabel, traitText } from "./names";
import { Timeline } from "./Timeline";

/** `/w/:ws/customers/:id`: who the customer is (ids, traits, channels, personas) and their timeline. */
export function CustomerPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { customerId = "" } = useParams();
  const customer = useCustomer(workspace.id, customerId);
  const label = customer.data ? customerLabel(customer.data) : t("customers.title");
  useDocumentTitle(label, workspace.name);

  return (
    <div className="page page--wide">
      <p>
        <Link to={`/w/${workspace.id}/customers`}>
          <Icon name="arrowLeft" size={14} />
          {t("customers.back")}
        </Link>
      </p>
      {customer.isPending ? (
        <Loading />
      ) : customer.isError ? (
        <ErrorAlert error={customer.error} />
      ) : (
        <>
          <PageHeader
            title={label}
            actions={
              canManageWorkspace(workspace) ? (
                <EraseCustomer workspaceId={workspace.id} customerId={customer.data.id} label={label} />
              ) : undefined
            }
          />
          <Profile customer={customer.data} />
          <Timeline workspaceId={workspace.id} customerId={customer.data.id} />
        </>
      )}
    </div>
  );
}

function Profile({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const traits = Object.entries(c.traits).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="customer-profile" aria-label={t("customers.profile")}>
      <dl className="customer-profile__facts">
        <dt>{t("customers.fields.ids")}</dt>
        <dd>
          <DistinctIds ids={c.distinctIds} />
        </dd>
        <dt>{t("customers.fields.firstSeen")}</dt>
        <dd>
          <DateText value={c.firstSeen} withTime />
        </dd>
        <dt>{t("customers.fields.lastSeen")}</dt>
        <dd>
          <DateText value={c.lastSeen} withTime />
        </dd>
        <dt>{t("customers.fields.channels")}</dt>
        <dd>{c.channels.length ? c.channels.map((ch) => channelLabel(t, ch)).join(", ") : "–"}</dd>
        <dt>{t("customers.fields.personas")}</dt>
        <dd>{c.personas.length ? c.personas.map((p) => p.name).join(", ") : "–"}</dd>
        {c.consent ? (
          <>
            <dt>{t("customers.fields.consent")}</dt>
            <dd className="cell-mono">
              {Object.entries(c.consent)
                .map(([k, v]) => `${k}: ${traitText(v)}`)
                .join(", ")}
            </dd>
          </>
        ) : null}
      </dl>
      <div>
        <h2 className="section__title">{t("customers.traits")}</h2>
        {traits.length === 0 ? (
          <p className="muted">{t("customers.noTraits")}</p>
        ) : (
          <dl className="customer-profile__traits">
            {traits.map(([name, value]) => (
              <div key={name}>
                <dt className="cell-mono">{name}</dt>
                <dd>{traitText(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}

/** Erasure (DSGVO Art. 17) behind a confirmation; afterwards back to the list. */
function EraseCustomer({
  workspaceId,
  customerId,
  label,
}: {
  workspaceId: string;
  customerId: string;
  label: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const erase = useEraseCustomer(workspaceId);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button button--danger" onClick={() => setOpen(true)}>
        {t("customers.erase.action")}
      </button>
      {open ? (
        <ConfirmDialog
          title={t("customers.erase.title")}
          description={t("customers.erase.body", { name: label })}
          confirmLabel={t("customers.erase.confirm")}
          pendingLabel={t("customers.erase.pending")}
          pending={erase.isPending}
          error={erase.error}
          onConfirm={() =>
            erase.mutate(customerId, {
              onSuccess: () => navigate(`/w/${workspaceId}/customers`, { replace: true }),
            })
          }
          onClose={() => setOpen(false)}
          returnFocusRef={button}
        />
      ) : null}
    </>
  );
}
