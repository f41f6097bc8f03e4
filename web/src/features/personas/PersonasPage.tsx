import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { ImportResult, Persona } from "../../api/journey-design";
import { downloadHref } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { MenuButton, MenuItem } from "../../components/MenuButton";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { channelName } from "../touchpoints/TouchpointBits";
import { useCurrentWorkspace } from "../workspaces/context";
import { personasExportHref, personasKey, usePersonas } from "./hooks";
import { PersonaAvatar, safeColor } from "./PersonaAvatar";
import { DeletePersonaDialog, PersonaDialog } from "./PersonaDialog";

/** `/w/:ws/personas`: persona cards with goals, needs, frustrations, channels and the segment rule. */
export function PersonasPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("areas.personas.title"), workspace.name);
  const personas = usePersonas(workspace.id);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Persona | "new" | null>(null);
  const [deleting, setDeleting] = useState<Persona | null>(null);
  const [status, setStatus] = useState("");
  const [importError, setImportError] = useState<unknown>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function onImportFile(file: File | undefined) {
    if (!file) return;
    setImportError(null);
    setStatus("");
    try {
      const result = await api.upload<ImportResult>(
        `/workspaces/${encodeURIComponent(workspace.id)}/personas/import`,
        file,
        "application/json",
      );
      await queryClient.invalidateQueries({ queryKey: personasKey(workspace.id) });
      setStatus(t("personas.imported", { ...result }));
    } catch (e) {
      setImportError(e);
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  }

  return (
    <div className="page page--wide">
      <PageHeader
        title={t("areas.personas.title")}
        description={t("areas.personas.description")}
        actions={
          <>
            <MenuButton label={t("personas.more")} icon="more" align="end">
              {(close) => (
                <>
                  <MenuItem
                    icon="upload"
                    onSelect={() => {
                      close();
                      fileRef.current?.click();
                    }}
                  >
                    {t("personas.importJson")}
                  </MenuItem>
                  <MenuItem
                    icon="download"
                    onSelect={() => {
                      close();
                      downloadHref(personasExportHref(workspace.id));
                    }}
                  >
                    {t("personas.exportJson")}
                  </MenuItem>
                </>
              )}
            </MenuButton>
            <button
              ref={newButtonRef}
              type="button"
              className="button button--primary"
              onClick={() => {
                setStatus("");
                setEditing("new");
              }}
            >
              <Icon name="plus" size={16} />
              {t("personas.new")}
            </button>
          </>
        }
      />
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void onImportFile(e.target.files?.[0])}
      />
      <p className="status-message" role="status">
        {status}
      </p>
      <ErrorAlert error={importError} className="section-gap" />
      {personas.isPending ? (
        <Loading />
      ) : personas.isError ? (
        <ErrorAlert error={personas.error} />
      ) : personas.data.length === 0 ? (
        <div className="empty-state">
          <div className="empty-state__icon">
            <Icon name="personas" size={28} />
          </div>
          <h2 className="empty-state__title">{t("areas.personas.emptyTitle")}</h2>
          <p className="empty-state__body">{t("areas.personas.emptyBody")}</p>
          <div className="empty-state__actions">
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              <Icon name="plus" size={16} />
              {t("personas.new")}
            </button>
          </div>
        </div>
      ) : (
        <ul className="persona-grid">
          {personas.data.map((persona) => (
            <li key={persona.id}>
              <PersonaCard
                persona={persona}
                onEdit={() => {
                  setStatus("");
                  setEditing(persona);
                }}
                onDelete={() => {
                  setStatus("");
                  setDeleting(persona);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <PersonaDialog
          workspaceId={workspace.id}
          persona={editing === "new" ? undefined : editing}
          returnFocusRef={newButtonRef}
          onClose={() => setEditing(null)}
          onSaved={(p, created) =>
            setStatus(t(created ? "personas.created" : "personas.saved", { name: p.name }))
          }
        />
      ) : null}
      {deleting ? (
        <DeletePersonaDialog
          workspaceId={workspace.id}
          persona={deleting}
          returnFocusRef={newButtonRef}
          onClose={() => setDeleting(null)}
          onDeleted={() => setStatus(t("personas.deleted", { name: deleting.name }))}
        />
      ) : null}
    </div>
  );
}

function PersonaCard({
  persona,
  onEdit,
  onDelete,
}: {
  persona: Persona;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `persona-${persona.id}`;
  return (
    <article className="persona-card" aria-labelledby={headingId}>
      <header className="persona-card__header">
        <PersonaAvatar initials={persona.initials} color={persona.avatarColor} size="lg" />
        <div className="persona-card__title">
          <h2 id={headingId} className="persona-card__name">
            {persona.name}
          </h2>
          {persona.description ? <p className="persona-card__description">{persona.description}</p> : null}
        </div>
        <div className="persona-card__actions">
          <button
            type="button"
            className="icon-button"
            aria-label={t("personas.editLabel", { name: persona.name })}
            title={t("personas.editLabel", { name: persona.name })}
            onClick={onEdit}
          >
            <Icon name="edit" size={16} />
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={t("personas.deleteLabel", { name: persona.name })}
            title={t("personas.deleteLabel", { name: persona.name })}
            onClick={onDelete}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      </header>
      {persona.quote ? (
        <blockquote
          className="persona-card__quote"
          style={{ borderLeftColor: safeColor(persona.avatarColor) }}
        >
          {persona.quote}
        </blockquote>
      ) : null}
      <div className="persona-card__lists">
        <PersonaList title={t("personas.fields.goals")} items={persona.goals} tone="goals" />
        <PersonaList title={t("personas.fields.needs")} items={persona.needs} tone="needs" />
        <PersonaList
          title={t("personas.fields.frustrations")}
          items={persona.frustrations}
          tone="frustrations"
        />
      </div>
      <footer className="persona-card__footer">
        {persona.channels.length > 0 ? (
          <div className="persona-card__channels">
            <h3 className="persona-card__label">{t("personas.fields.channels")}</h3>
            <ul className="tag-list">
              {persona.channels.map((c) => (
                <li key={c} className="chip">
                  {channelName(t, c)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="persona-card__segment">
          <h3 className="persona-card__label">{t("personas.fields.segmentRule")}</h3>
          {persona.segmentRule ? (
            <code className="code code--block">{persona.segmentRule}</code>
          ) : (
            <span className="muted">{t("personas.noSegment")}</span>
          )}
        </div>
      </footer>
    </article>
  );
}

function PersonaList({ title, items, tone }: { title: string; items: string[]; tone: string }) {
  return (
    <section className={`persona-list persona-list--${tone}`}>
      <h3 className="persona-card__label">{title}</h3>
      {items.length > 0 ? (
        <ul>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items may repeat
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">–</p>
      )}
    </section>
  );
}
