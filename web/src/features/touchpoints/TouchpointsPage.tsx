import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { FILE_FORMATS, TOUCHPOINT_KINDS, type Touchpoint } from "../../api/journey-design";
import { downloadHref } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FilterSearch, FilterSelect } from "../../components/Filters";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { MenuButton, MenuItem } from "../../components/MenuButton";
import { PageHeader } from "../../components/PageHeader";
import { withParam } from "../../components/searchParams";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useCurrentWorkspace } from "../workspaces/context";
import { BulkEditDialog } from "./BulkEditDialog";
import { exportHref, FILTER_NAMES, type TouchpointFilters, useTouchpoints } from "./hooks";
import { ImportDialog } from "./ImportDialog";
import { channelName } from "./TouchpointBits";
import { TouchpointEditor } from "./TouchpointEditor";
import { TouchpointTable } from "./TouchpointTable";

const uniqueSorted = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/** `/w/:ws/touchpoints`: the register of touchpoints, filtered through the URL so views can be shared. */
export function TouchpointsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("areas.touchpoints.title"), workspace.name);
  const [params, setParams] = useSearchParams();
  const filters: TouchpointFilters = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, params.get(name) ?? ""]),
  );
  const all = useTouchpoints(workspace.id);
  const filtered = useTouchpoints(workspace.id, filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<"import" | "bulk" | null>(null);
  const [status, setStatus] = useState("");
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const bulkButtonRef = useRef<HTMLButtonElement>(null);
  const editing = params.get("edit");

  const rows = filtered.data ?? [];
  const visibleSelected = rows.filter((tp) => selected.has(tp.id)).map((tp) => tp.id);
  const facets = useMemo(() => facetsOf(all.data ?? []), [all.data]);
  const active = FILTER_NAMES.some((name) => filters[name]);

  function setFilter(name: (typeof FILTER_NAMES)[number], value: string) {
    setParams(withParam(name, value), { replace: true });
  }

  function openEditor(id: string | "new" | null) {
    setParams(withParam("edit", id), { replace: true });
  }

  const editingTouchpoint =
    editing && editing !== "new" ? (all.data ?? []).find((tp) => tp.id === editing) : undefined;

  return (
    <div className="page page--wide">
      <PageHeader
        title={t("areas.touchpoints.title")}
        description={t("areas.touchpoints.description")}
        actions={
          <>
            <button
              ref={importButtonRef}
              type="button"
              className="button"
              onClick={() => setDialog("import")}
            >
              <Icon name="upload" size={16} />
              {t("touchpoints.import.button")}
            </button>
            <MenuButton label={t("touchpoints.export.button")} icon="download" align="end">
              {(close) =>
                FILE_FORMATS.map((format) => (
                  <MenuItem
                    key={format}
                    onSelect={() => {
                      close();
                      downloadHref(exportHref(workspace.id, format));
                    }}
                  >
                    {t(`touchpoints.export.${format}`)}
                  </MenuItem>
                ))
              }
            </MenuButton>
            <button
              ref={newButtonRef}
              type="button"
              className="button button--primary"
              onClick={() => openEditor("new")}
            >
              <Icon name="plus" size={16} />
              {t("touchpoints.new")}
            </button>
          </>
        }
      />

      <search className="filter-bar" aria-label={t("touchpoints.filters.label")}>
        <FilterSearch
          label={t("touchpoints.filters.search")}
          placeholder={t("touchpoints.filters.searchPlaceholder")}
          value={filters.q}
          onChange={(v) => setFilter("q", v)}
        />
        <FilterSelect
          label={t("touchpoints.fields.kind")}
          value={filters.kind ?? ""}
          onChange={(v) => setFilter("kind", v)}
          options={TOUCHPOINT_KINDS.map((k) => ({ value: k, label: t(`touchpoints.kinds.${k}`) }))}
        />
        <FilterSelect
          label={t("touchpoints.fields.channel")}
          value={filters.channel ?? ""}
          onChange={(v) => setFilter("channel", v)}
          options={facets.channels.map((c) => ({ value: c, label: channelName(t, c) }))}
        />
        <FilterSelect
          label={t("touchpoints.fields.department")}
          value={filters.department ?? ""}
          onChange={(v) => setFilter("department", v)}
          options={facets.departments.map((d) => ({ value: d, label: d }))}
        />
        <FilterSelect
          label={t("touchpoints.fields.owner")}
          value={filters.owner ?? ""}
          onChange={(v) => setFilter("owner", v)}
          options={facets.owners}
        />
        <FilterSelect
          label={t("touchpoints.fields.tags")}
          value={filters.tag ?? ""}
          onChange={(v) => setFilter("tag", v)}
          options={facets.tags.map((tag) => ({ value: tag, label: tag }))}
        />
        <FilterSelect
          label={t("touchpoints.fields.signature")}
          value={filters.signature ?? ""}
          onChange={(v) => setFilter("signature", v)}
          options={[
            { value: "true", label: t("touchpoints.filters.signatureYes") },
            { value: "false", label: t("touchpoints.filters.signatureNo") },
          ]}
        />
        {active ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setParams(editing ? { edit: editing } : {}, { replace: true })}
          >
            {t("touchpoints.filters.reset")}
          </button>
        ) : null}
      </search>

      <p className="status-message" role="status">
        {status}
      </p>

      {visibleSelected.length > 0 ? (
        <div className="bulk-bar">
          <span className="bulk-bar__count">
            {t("touchpoints.bulk.selected", { count: visibleSelected.length })}
          </span>
          <button
            ref={bulkButtonRef}
            type="button"
            className="button button--primary button--small"
            onClick={() => {
              setStatus("");
              setDialog("bulk");
            }}
          >
            <Icon name="edit" size={14} />
            {t("touchpoints.bulk.edit")}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setSelected(new Set())}
          >
            {t("touchpoints.bulk.clear")}
          </button>
        </div>
      ) : null}

      {all.isPending ? (
        <Loading />
      ) : all.isError ? (
        <ErrorAlert error={all.error} />
      ) : (all.data ?? []).length === 0 ? (
        <div className="empty-state">
          <div className="empty-state__icon">
            <Icon name="touchpoints" size={28} />
          </div>
          <h2 className="empty-state__title">{t("areas.touchpoints.emptyTitle")}</h2>
          <p className="empty-state__body">{t("areas.touchpoints.emptyBody")}</p>
          <div className="empty-state__actions">
            <button type="button" className="button button--primary" onClick={() => openEditor("new")}>
              <Icon name="plus" size={16} />
              {t("touchpoints.new")}
            </button>
            <button type="button" className="button" onClick={() => setDialog("import")}>
              <Icon name="upload" size={16} />
              {t("touchpoints.import.button")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="table-caption" aria-live="polite">
            {t("touchpoints.count", { count: rows.length, total: all.data?.length ?? 0 })}
            {" · "}
            {t("touchpoints.hiddenCount", { count: rows.filter((tp) => tp.kind === "hidden").length })}
          </p>
          {filtered.isError ? <ErrorAlert error={filtered.error} /> : null}
          {rows.length === 0 && !filtered.isFetching ? (
            <p className="notice-inline">{t("touchpoints.noMatches")}</p>
          ) : (
            <TouchpointTable
              rows={rows}
              selected={selected}
              onSelectedChange={setSelected}
              onOpen={(tp) => openEditor(tp.id)}
              busy={filtered.isFetching}
            />
          )}
        </>
      )}

      {editing === "new" || editingTouchpoint ? (
        <TouchpointEditor
          workspaceId={workspace.id}
          touchpoint={editingTouchpoint}
          facets={facets}
          returnFocusRef={newButtonRef}
          onClose={() => openEditor(null)}
          onSaved={(tp, created) => {
            setStatus(t(created ? "touchpoints.created" : "touchpoints.saved", { name: tp.name }));
            openEditor(null);
          }}
          onDeleted={(name) => {
            setStatus(t("touchpoints.deleted", { name }));
            openEditor(null);
          }}
        />
      ) : null}
      {dialog === "import" ? (
        <ImportDialog
          workspaceId={workspace.id}
          returnFocusRef={importButtonRef}
          onClose={() => setDialog(null)}
          onImported={(result) => setStatus(t("touchpoints.import.done", { ...result }))}
        />
      ) : null}
      {dialog === "bulk" ? (
        <BulkEditDialog
          workspaceId={workspace.id}
          ids={visibleSelected}
          facets={facets}
          returnFocusRef={bulkButtonRef}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setStatus(t("touchpoints.bulk.done", { count: updated }));
            setSelected(new Set());
          }}
        />
      ) : null}
    </div>
  );
}

export interface Facets {
  channels: string[];
  departments: string[];
  tags: string[];
  owners: { value: string; label: string }[];
  teams: string[];
}

function facetsOf(touchpoints: Touchpoint[]): Facets {
  const owners = new Map<string, string>();
  for (const tp of touchpoints) {
    if (tp.owner?.type === "user") owners.set(tp.owner.userId, tp.owner.name);
    else if (tp.owner?.type === "team") owners.set(tp.owner.name, tp.owner.name);
  }
  return {
    channels: uniqueSorted(touchpoints.map((tp) => tp.channel)),
    departments: uniqueSorted(touchpoints.map((tp) => tp.department)),
    tags: uniqueSorted(touchpoints.flatMap((tp) => tp.tags)),
    owners: [...owners]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    teams: uniqueSorted(touchpoints.map((tp) => (tp.owner?.type === "team" ? tp.owner.name : null))),
  };
}
