import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { TAXONOMY_LIMITS, type TaxonomyDoc } from "../../api/text";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage } from "../../components/errors";
import { Icon } from "../../components/Icon";
import { AspectEditor } from "./AspectEditor";
import { useResetTaxonomy, useSaveTaxonomy } from "./hooks";
import { type AspectDraft, draftProblems, fromDraft, toDraft } from "./taxonomy-draft";

let nextId = 0;
const localId = () => `aspect-${++nextId}`;
const draftsOf = (doc: TaxonomyDoc) => doc.aspects.map((a) => toDraft(a, localId()));

/**
 * Edits the workspace's aspects as a draft and saves it against the version it started from
 * (`base`): a 409 means someone else saved meanwhile, and the editor offers to load their version.
 */
export function TaxonomyEditor({
  workspaceId,
  doc,
  reload,
  readOnly,
}: {
  workspaceId: string;
  /** The taxonomy as last fetched. */
  doc: TaxonomyDoc;
  reload: () => Promise<TaxonomyDoc | undefined>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [base, setBase] = useState(doc);
  const [drafts, setDrafts] = useState<AspectDraft[]>(() => draftsOf(doc));
  const [opened, setOpened] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);
  const save = useSaveTaxonomy(workspaceId);
  const reset = useResetTaxonomy(workspaceId);
  const problems = draftProblems(drafts);
  const aspects = drafts.map(fromDraft);
  // Compared in draft form, so a stored list that only normalises differently is not a change.
  const dirty =
    JSON.stringify(aspects) !== JSON.stringify(base.aspects.map((a) => fromDraft(toDraft(a, ""))));
  const blocked = problems.some((p) => p.length > 0) || drafts.length > TAXONOMY_LIMITS.aspects;
  const conflict = isApiError(save.error) && save.error.status === 409;

  function start(next: TaxonomyDoc) {
    setBase(next);
    setDrafts(draftsOf(next));
  }

  // A newer taxonomy from elsewhere (a refetch) replaces the draft only while nothing is edited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to new data, not to typing
  useEffect(() => {
    if (doc !== base && !dirty) start(doc);
  }, [doc]);

  function update(id: string, patch: Partial<AspectDraft>) {
    setDrafts((list) => list.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  }

  function add() {
    const draft: AspectDraft = {
      id: localId(),
      key: "",
      labelDe: "",
      labelEn: "",
      keywordsDe: "",
      keywordsEn: "",
      enabled: true,
      isNew: true,
    };
    setDrafts((list) => [...list, draft]);
    setOpened(draft.id);
  }

  return (
    <div className="taxonomy-editor">
      <p className="muted">
        {base.custom ? t("text.taxonomy.custom", { version: base.version }) : t("text.taxonomy.default")}
      </p>
      {drafts.map((d, i) => (
        <AspectEditor
          key={d.id}
          draft={d}
          problems={problems[i] ?? []}
          serverError={serverFieldMessage(save.error, `/body/aspects/${i}`)}
          readOnly={readOnly}
          open={opened === d.id}
          onChange={(patch) => update(d.id, patch)}
          onRemove={() => setDrafts((list) => list.filter((x) => x.id !== d.id))}
        />
      ))}
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <Icon name="warning" className="alert__icon" />
          <div>
            <p className="alert__title">{t("text.taxonomy.conflictTitle")}</p>
            <p className="alert__detail">{t("text.taxonomy.conflictBody")}</p>
            <div className="alert__actions">
              <button
                type="button"
                className="button button--small"
                onClick={async () => {
                  const theirs = await reload();
                  if (!theirs) return;
                  save.reset();
                  start(theirs);
                }}
              >
                {t("text.taxonomy.loadTheirs")}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      {readOnly ? null : (
        <div className="text-settings__actions">
          <button
            type="button"
            className="button"
            disabled={drafts.length >= TAXONOMY_LIMITS.aspects}
            onClick={add}
          >
            <Icon name="plus" size={16} />
            {t("text.taxonomy.add")}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!dirty || blocked || save.isPending}
            onClick={() => save.mutate({ version: base.version, aspects }, { onSuccess: start })}
          >
            <Icon name="save" size={16} />
            {t("text.taxonomy.save")}
          </button>
          {dirty ? (
            <button type="button" className="button button--ghost" onClick={() => start(base)}>
              {t("text.taxonomy.discard")}
            </button>
          ) : null}
          {base.custom ? (
            <button
              ref={resetRef}
              type="button"
              className="button button--ghost"
              onClick={() => setResetting(true)}
            >
              {t("text.taxonomy.reset")}
            </button>
          ) : null}
          <p className="status-message" role="status">
            {dirty ? t("text.taxonomy.unsaved") : ""}
          </p>
        </div>
      )}
      {resetting ? (
        <ConfirmDialog
          title={t("text.taxonomy.resetTitle")}
          description={t("text.taxonomy.resetBody")}
          confirmLabel={t("text.taxonomy.reset")}
          pending={reset.isPending}
          error={reset.error}
          returnFocusRef={resetRef}
          onClose={() => setResetting(false)}
          onConfirm={() =>
            reset.mutate(undefined, {
              onSuccess: (fresh) => {
                setResetting(false);
                start(fresh);
              },
            })
          }
        />
      ) : null}
    </div>
  );
}
