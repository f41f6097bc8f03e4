import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  Comparison,
  Journey,
  JourneyDocument,
  RevisionSummary,
  StageChange,
} from "../../api/journey-design";
import { DateText } from "../../components/DateText";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { useComparison, useRestoreRevision, useRevision, useRevisions } from "./hooks";

/** Revisions of a journey: who saved what and when; compare two versions; restore one. */
export function RevisionsPanel({
  workspaceId,
  journeyId,
  currentVersion,
  dirty,
  onClose,
  onRestored,
  onConflict,
}: {
  workspaceId: string;
  journeyId: string;
  currentVersion: number;
  dirty: boolean;
  onClose: () => void;
  onRestored: (journey: Journey, version: number) => void;
  onConflict: (error: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const revisions = useRevisions(workspaceId, journeyId);
  const restore = useRestoreRevision(workspaceId, journeyId);
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<[number, number] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const compareRef = useRef<HTMLButtonElement>(null);

  function showComparison(next: [number, number] | null) {
    setComparing(next);
    requestAnimationFrame(() => (next ? backRef : compareRef).current?.focus());
  }

  function toggle(version: number, on: boolean) {
    setPicked((p) =>
      on ? [...p.filter((v) => v !== version), version].slice(-2) : p.filter((v) => v !== version),
    );
  }

  const pair = picked.length === 2 ? ([Math.min(...picked), Math.max(...picked)] as [number, number]) : null;

  return (
    <Dialog
      title={
        comparing
          ? t("journeys.revisions.compareTitle", { from: comparing[0], to: comparing[1] })
          : t("journeys.revisions.title")
      }
      description={comparing ? undefined : t("journeys.revisions.description")}
      onClose={onClose}
      size="side"
      closeLabel={t("common.close")}
    >
      {comparing ? (
        <>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setComparing(null)}
          >
            <Icon name="arrowLeft" size={14} />
            {t("journeys.revisions.back")}
          </button>
          <ComparisonView
            workspaceId={workspaceId}
            journeyId={journeyId}
            from={comparing[0]}
            to={comparing[1]}
          />
        </>
      ) : revisions.isPending ? (
        <Loading />
      ) : revisions.isError ? (
        <ErrorAlert error={revisions.error} />
      ) : (
        <>
          <div className="revisions-toolbar">
            <span className="muted">{t("journeys.revisions.pickTwo")}</span>
            <button
              ref={compareRef}
              type="button"
              className="button button--small"
              disabled={!pair}
              onClick={() => pair && showComparison(pair)}
            >
              <Icon name="compare" size={14} />
              {t("journeys.revisions.compare")}
            </button>
          </div>
          <ErrorAlert error={restore.error} />
          <ol className="revision-list">
            {revisions.data.map((rev) => (
              <RevisionRow
                key={rev.version}
                rev={rev}
                current={rev.version === currentVersion}
                picked={picked.includes(rev.version)}
                onPick={(on) => toggle(rev.version, on)}
                confirming={confirming === rev.version}
                dirty={dirty}
                busy={restore.isPending}
                onRestore={() => setConfirming(rev.version)}
                onCancel={() => setConfirming(null)}
                onConfirm={() =>
                  restore.mutate(
                    { version: rev.version, baseVersion: currentVersion },
                    {
                      onSuccess: (journey) => {
                        setConfirming(null);
                        onRestored(journey, rev.version);
                      },
                      onError: (error) => {
                        if (onConflict(error)) setConfirming(null);
                      },
                    },
                  )
                }
              />
            ))}
          </ol>
        </>
      )}
    </Dialog>
  );
}

function RevisionRow({
  rev,
  current,
  picked,
  onPick,
  confirming,
  dirty,
  busy,
  onRestore,
  onCancel,
  onConfirm,
}: {
  rev: RevisionSummary;
  current: boolean;
  picked: boolean;
  onPick: (on: boolean) => void;
  confirming: boolean;
  dirty: boolean;
  busy: boolean;
  onRestore: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const s = rev.summary;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(confirming);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) restoreRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const parts = [
    s.stagesAdded ? t("journeys.revisions.stagesAdded", { count: s.stagesAdded }) : "",
    s.stagesRemoved ? t("journeys.revisions.stagesRemoved", { count: s.stagesRemoved }) : "",
    s.stepsAdded ? t("journeys.revisions.stepsAdded", { count: s.stepsAdded }) : "",
    s.stepsRemoved ? t("journeys.revisions.stepsRemoved", { count: s.stepsRemoved }) : "",
    s.stepsChanged ? t("journeys.revisions.stepsChanged", { count: s.stepsChanged }) : "",
    s.stepsMoved ? t("journeys.revisions.stepsMoved", { count: s.stepsMoved }) : "",
  ].filter(Boolean);
  return (
    <li className={current ? "revision revision--current" : "revision"}>
      <label className="revision__pick">
        <input type="checkbox" checked={picked} onChange={(e) => onPick(e.target.checked)} />
        <span className="sr-only">{t("journeys.revisions.pick", { version: rev.version })}</span>
      </label>
      <div className="revision__body">
        <p className="revision__head">
          <span className="revision__version">v{rev.version}</span>
          {current ? <span className="badge">{t("journeys.revisions.current")}</span> : null}
          <span className="revision__author">{rev.author?.name ?? t("journeys.conflict.someone")}</span>
        </p>
        <p className="revision__meta">
          <DateText value={rev.createdAt} withTime />
        </p>
        <p className="revision__summary">
          {parts.length ? parts.join(" · ") : t("journeys.revisions.noStructural")}
        </p>
        {confirming ? (
          <div className="confirm-inline">
            <p>
              {t("journeys.revisions.restoreBody", { version: rev.version })}
              {dirty ? ` ${t("journeys.revisions.restoreDirty")}` : ""}
            </p>
            <div className="confirm-inline__actions">
              <button ref={cancelRef} type="button" className="button button--small" onClick={onCancel}>
                {t("common.cancel")}
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                disabled={busy}
                onClick={onConfirm}
              >
                {t("journeys.revisions.restoreConfirm", { version: rev.version })}
              </button>
            </div>
          </div>
        ) : current ? null : (
          <button
            ref={restoreRef}
            type="button"
            className="button button--ghost button--small"
            onClick={onRestore}
          >
            <Icon name="history" size={14} />
            {t("journeys.revisions.restore")}
          </button>
        )}
      </div>
    </li>
  );
}

type Change = "added" | "removed" | "modified" | "moved" | "unchanged";

interface ComparedStage {
  id: string;
  name: string;
  change: StageChange | null;
  steps: { id: string; title: string; change: Change; fields: string[] }[];
}

/** Union of both versions' stages and steps, in the newer order, removed ones where they were. */
function mergeForComparison(from: JourneyDocument, to: JourneyDocument, cmp: Comparison): ComparedStage[] {
  const stepChange = new Map(cmp.steps.map((s) => [s.id, s]));
  const stageChange = new Map(cmp.stages.map((s) => [s.id, s.change]));
  const stages: ComparedStage[] = to.stages.map((stage) => ({
    id: stage.id,
    name: stage.name,
    change: stageChange.get(stage.id) ?? null,
    steps: stage.steps.map((st) => ({
      id: st.id,
      title: st.title,
      change: (stepChange.get(st.id)?.change as Change | undefined) ?? "unchanged",
      fields: stepChange.get(st.id)?.fields ?? [],
    })),
  }));
  for (const [i, stage] of from.stages.entries()) {
    let target = stages.find((s) => s.id === stage.id);
    if (!target) {
      target = { id: stage.id, name: stage.name, change: "removed", steps: [] };
      stages.splice(Math.min(i, stages.length), 0, target);
    }
    for (const st of stage.steps) {
      if (stepChange.get(st.id)?.change === "removed" && !target.steps.some((x) => x.id === st.id)) {
        target.steps.push({ id: st.id, title: st.title, change: "removed", fields: [] });
      }
    }
  }
  return stages;
}

function ComparisonView({
  workspaceId,
  journeyId,
  from,
  to,
}: {
  workspaceId: string;
  journeyId: string;
  from: number;
  to: number;
}) {
  const { t } = useTranslation();
  const cmp = useComparison(workspaceId, journeyId, from, to);
  const fromRev = useRevision(workspaceId, journeyId, from);
  const toRev = useRevision(workspaceId, journeyId, to);
  const error = cmp.error ?? fromRev.error ?? toRev.error;
  if (error) return <ErrorAlert error={error} />;
  if (!cmp.data || !fromRev.data || !toRev.data) return <Loading />;
  const stages = mergeForComparison(fromRev.data.document, toRev.data.document, cmp.data);
  const counts = cmp.data.steps.reduce<Record<string, number>>((acc, s) => {
    acc[s.change] = (acc[s.change] ?? 0) + 1;
    return acc;
  }, {});
  return (
    <div className="comparison">
      <ul className="comparison__legend">
        {(["added", "removed", "modified", "moved"] as const).map((c) => (
          <li key={c} className={`change-chip change-chip--${c}`}>
            {t(`journeys.compare.${c}`)}: {counts[c] ?? 0}
          </li>
        ))}
      </ul>
      {cmp.data.header.length > 0 ? (
        <p className="comparison__header">
          {t("journeys.compare.header")}: {cmp.data.header.map((f) => fieldName(t, f)).join(", ")}
        </p>
      ) : null}
      {stages.map((stage) => (
        <section
          key={stage.id}
          className={stage.change ? `cmp-stage cmp-stage--${stage.change}` : "cmp-stage"}
        >
          <h3 className="cmp-stage__name">
            {stage.name}
            {stage.change ? (
              <span className={`change-chip change-chip--${stage.change}`}>
                {t(`journeys.compare.stage_${stage.change}`)}
              </span>
            ) : null}
          </h3>
          {stage.steps.length === 0 ? <p className="muted">{t("journeys.map.noSteps")}</p> : null}
          <ol className="cmp-steps">
            {stage.steps.map((st) => (
              <li key={st.id} className={`cmp-step cmp-step--${st.change}`}>
                <span className="cmp-step__title">{st.title}</span>
                {st.change !== "unchanged" ? (
                  <span className={`change-chip change-chip--${st.change}`}>
                    {t(`journeys.compare.${st.change}`)}
                  </span>
                ) : null}
                {st.fields.length > 0 ? (
                  <span className="cmp-step__fields">{st.fields.map((f) => fieldName(t, f)).join(", ")}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

const FIELD_KEYS = [
  "title",
  "touchpointId",
  "customerAction",
  "expectation",
  "thoughts",
  "emotion",
  "customerRating",
  "painPoints",
  "insights",
  "ideas",
  "momentOfTruth",
  "signature",
  "scenario",
  "personaId",
  "ownerId",
  "status",
  "description",
  "goals",
  "kpis",
  "position",
  "stageId",
] as const;

function fieldName(t: TFunction, field: string): string {
  const known = FIELD_KEYS.find((k) => k === field);
  return known ? t(`journeys.compare.fields.${known}`) : field;
}
