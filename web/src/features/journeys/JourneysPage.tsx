import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { JOURNEY_STATUSES } from "../../api/journey-design";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FilterSearch, FilterSelect } from "../../components/Filters";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { withParam } from "../../components/searchParams";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { usePersonas } from "../personas/hooks";
import { PersonaAvatar } from "../personas/PersonaAvatar";
import { useMembers } from "../settings/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import { CreateJourneyDialog } from "./CreateJourneyDialog";
import { useJourneys } from "./hooks";
import { StatusBadge, scenarioLabel } from "./meta";

/** `/w/:ws/journeys`: every journey map with status, persona, owner and size. */
export function JourneysPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("areas.journeys.title"), workspace.name);
  const [params, setParams] = useSearchParams();
  const filters = {
    status: params.get("status") ?? "",
    personaId: params.get("persona") ?? "",
    q: params.get("q") ?? "",
  };
  const journeys = useJourneys(workspace.id, filters);
  const unfiltered = useJourneys(workspace.id);
  const personas = usePersonas(workspace.id);
  const members = useMembers(workspace.id);
  const [creating, setCreating] = useState(false);
  const createRef = useRef<HTMLButtonElement>(null);
  const personaById = useMemo(() => new Map((personas.data ?? []).map((p) => [p.id, p])), [personas.data]);
  const memberById = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m])), [members.data]);

  function setFilter(name: string, value: string) {
    setParams(withParam(name, value), { replace: true });
  }

  const createButton = (
    <button
      ref={createRef}
      type="button"
      className="button button--primary"
      onClick={() => setCreating(true)}
    >
      <Icon name="plus" size={16} />
      {t("journeys.create.button")}
    </button>
  );

  return (
    <div className="page page--wide">
      <PageHeader
        title={t("areas.journeys.title")}
        description={t("areas.journeys.description")}
        actions={createButton}
      />
      {unfiltered.isPending ? (
        <Loading />
      ) : unfiltered.isError ? (
        <ErrorAlert error={unfiltered.error} />
      ) : unfiltered.data.length === 0 ? (
        <div className="empty-state">
          <div className="empty-state__icon">
            <Icon name="journeys" size={28} />
          </div>
          <h2 className="empty-state__title">{t("areas.journeys.emptyTitle")}</h2>
          <p className="empty-state__body">{t("areas.journeys.emptyBody")}</p>
          <div className="empty-state__actions">
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" size={16} />
              {t("journeys.create.button")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <search className="filter-bar" aria-label={t("journeys.filters.label")}>
            <FilterSearch
              label={t("journeys.filters.search")}
              placeholder={t("journeys.filters.search")}
              value={filters.q}
              onChange={(v) => setFilter("q", v)}
            />
            <FilterSelect
              label={t("journeys.fields.status")}
              value={filters.status}
              onChange={(v) => setFilter("status", v)}
              options={JOURNEY_STATUSES.map((s) => ({ value: s, label: t(`journeys.statuses.${s}`) }))}
            />
            <FilterSelect
              label={t("journeys.fields.persona")}
              value={filters.personaId}
              onChange={(v) => setFilter("persona", v)}
              options={(personas.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </search>
          {journeys.isError ? <ErrorAlert error={journeys.error} /> : null}
          {(journeys.data ?? []).length === 0 ? (
            <p className="notice-inline">{t("journeys.noMatches")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--dense">
                <caption className="sr-only">{t("areas.journeys.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("journeys.fields.title")}</th>
                    <th scope="col">{t("journeys.fields.status")}</th>
                    <th scope="col">{t("journeys.fields.persona")}</th>
                    <th scope="col">{t("journeys.fields.owner")}</th>
                    <th scope="col" className="cell-num">
                      {t("journeys.columns.stages")}
                    </th>
                    <th scope="col" className="cell-num">
                      {t("journeys.columns.steps")}
                    </th>
                    <th scope="col" className="cell-num">
                      {t("journeys.columns.signature")}
                    </th>
                    <th scope="col">{t("journeys.columns.updated")}</th>
                  </tr>
                </thead>
                <tbody>
                  {(journeys.data ?? []).map((j) => {
                    const persona = j.personaId ? personaById.get(j.personaId) : undefined;
                    const owner = j.ownerId ? memberById.get(j.ownerId) : undefined;
                    return (
                      <tr key={j.id}>
                        <td>
                          <Link className="cell-primary row-link" to={j.id}>
                            {j.title}
                          </Link>
                          {j.scenario ? (
                            <div className="cell-secondary">{scenarioLabel(t, j.scenario)}</div>
                          ) : null}
                        </td>
                        <td>
                          <StatusBadge status={j.status} />
                        </td>
                        <td>
                          {persona ? (
                            <span className="persona-chip">
                              <PersonaAvatar
                                initials={persona.initials}
                                color={persona.avatarColor}
                                size="sm"
                              />
                              {persona.name}
                            </span>
                          ) : (
                            <span className="muted">–</span>
                          )}
                        </td>
                        <td>
                          {owner ? (
                            owner.name
                          ) : j.ownerId ? (
                            <span className="muted">{t("journeys.fields.currentOwner")}</span>
                          ) : (
                            <span className="muted-warning">{t("journeys.fields.noOwner")}</span>
                          )}
                        </td>
                        <td className="cell-num">{j.stageCount}</td>
                        <td className="cell-num">{j.stepCount}</td>
                        <td className="cell-num">
                          {j.signatureCount > 0 ? (
                            <span className="signature-count">
                              <Icon name="star" size={13} filled className="signature-star" />
                              {j.signatureCount}
                            </span>
                          ) : (
                            <span className="muted">0</span>
                          )}
                        </td>
                        <td className="cell-secondary">
                          <DateText value={j.updatedAt} withTime />
                          <span className="cell-tag"> · v{j.version}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {creating ? (
        <CreateJourneyDialog
          workspaceId={workspace.id}
          returnFocusRef={createRef}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </div>
  );
}
