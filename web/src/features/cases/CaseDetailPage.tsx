import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api/client";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage } from "../../components/errors";
import { SelectField, TextAreaField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useMembers } from "../settings/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import { CustomerKey } from "./bits";
import { useTouchpointName } from "./CasesPage";
import { useCase, useCaseAction, useTimeline } from "./hooks";
import { type Case, OPEN_STATUSES, ROOT_CAUSES, type TimelineEntry } from "./types";
import "./cases.css";

/** `/w/:ws/cases/:caseId`: fields, status, assignment, comments, resolution and the timeline. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { caseId = "" } = useParams();
  const one = useCase(workspace.id, caseId);
  useDocumentTitle(one.data?.title ?? t("casesPage.title"), workspace.name);
  if (one.isLoading) return <Loading />;
  if (!one.data) return <ErrorAlert error={one.error} />;
  return <CaseDetail c={one.data} />;
}

function CaseDetail({ c }: { c: Case }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const members = useMembers(workspace.id);
  const tpName = useTouchpointName(workspace.id);
  const memberName = (id: string | null) =>
    id === null ? "–" : ((members.data ?? []).find((m) => m.userId === id)?.name ?? id);
  const patch = useCaseAction(workspace.id, c.id, (url, status: string) => api.patch(url, { status }));
  const assign = useCaseAction(workspace.id, c.id, (url, userId: string) =>
    api.post(`${url}/assign`, { userId: userId || null }),
  );
  const open = c.status !== "resolved" && c.status !== "closed";
  return (
    <div className="page cases-page">
      <PageHeader title={c.title} description={t("casesPage.detailDescription")} />
      <p>
        <Link to=".." relative="path">
          {t("casesPage.back")}
        </Link>
      </p>
      <ErrorAlert error={patch.error ?? assign.error} />
      <div className="cases-detail">
        <section aria-labelledby="case-fields">
          <h2 className="cases-heading" id="case-fields">
            {t("casesPage.fields")}
          </h2>
          <dl className="cases-fields">
            <dt>{t("casesPage.col.customer")}</dt>
            <dd>
              <CustomerKey value={c.customerId} />
            </dd>
            <dt>{t("casesPage.col.touchpoint")}</dt>
            <dd>{tpName(c.touchpointId)}</dd>
            <dt>{t("casesPage.col.priority")}</dt>
            <dd>{t(`casesPage.priority.${c.priority}`)}</dd>
            <dt>{t("casesPage.col.due")}</dt>
            <dd>
              <DateText value={c.dueAt} withTime />
              {c.slaBreachedAt ? <span className="cases-overdue"> {t("casesPage.overdue")}</span> : null}
              {c.slaPausedAt ? <span className="cases-meta"> {t("casesPage.slaPaused")}</span> : null}
            </dd>
            {c.rootCause ? (
              <>
                <dt>{t("casesPage.rootCause")}</dt>
                <dd>{t(`casesPage.rootCauses.${c.rootCause}`, { defaultValue: c.rootCause })}</dd>
                <dt>{t("casesPage.note")}</dt>
                <dd className="cases-timeline__text">{c.resolutionNote}</dd>
              </>
            ) : null}
          </dl>
          <form className="cases-form" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              label={t("casesPage.col.status")}
              value={c.status}
              disabled={c.status === "closed" || patch.isPending}
              onChange={(e) => patch.mutate(e.target.value)}
            >
              {[...OPEN_STATUSES, "closed" as const].map((s) => (
                <option key={s} value={s}>
                  {t(`casesPage.status.${s}`)}
                </option>
              ))}
              {c.status === "resolved" ? (
                <option value="resolved">{t("casesPage.status.resolved")}</option>
              ) : null}
            </SelectField>
            <SelectField
              label={t("casesPage.assignee")}
              value={c.assigneeUserId ?? ""}
              disabled={!open || assign.isPending}
              onChange={(e) => assign.mutate(e.target.value)}
            >
              <option value="">{t("casesPage.unassigned")}</option>
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name || m.email}
                </option>
              ))}
            </SelectField>
          </form>
          <CommentForm caseId={c.id} />
          {open ? <ResolveForm caseId={c.id} /> : null}
        </section>
        <Timeline caseId={c.id} memberName={memberName} />
      </div>
    </div>
  );
}

function CommentForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [text, setText] = useState("");
  const comment = useCaseAction(workspace.id, caseId, (url, body: string) =>
    api.post(`${url}/comments`, { text: body }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    comment.mutate(text, { onSuccess: () => setText("") });
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextAreaField
        label={t("casesPage.comment")}
        value={text}
        error={serverFieldMessage(comment.error, "/body/text")}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button" disabled={comment.isPending}>
        {t("casesPage.addComment")}
      </button>
    </form>
  );
}

function ResolveForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [rootCause, setRootCause] = useState("");
  const [note, setNote] = useState("");
  const resolve = useCaseAction(workspace.id, caseId, (url, body: { rootCause: string; note: string }) =>
    api.post(`${url}/resolve`, body),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    resolve.mutate({ rootCause, note });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="case-resolve">
      <h2 className="cases-heading" id="case-resolve">
        {t("casesPage.resolve")}
      </h2>
      <SelectField
        label={t("casesPage.rootCause")}
        value={rootCause}
        error={serverFieldMessage(resolve.error, "/body/rootCause")}
        onChange={(e) => setRootCause(e.target.value)}
      >
        <option value="">{t("casesPage.choose")}</option>
        {ROOT_CAUSES.map((r) => (
          <option key={r} value={r}>
            {t(`casesPage.rootCauses.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("casesPage.note")}
        value={note}
        error={serverFieldMessage(resolve.error, "/body/note")}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={resolve.isPending}>
        {t("casesPage.resolveSubmit")}
      </button>
    </form>
  );
}

function Timeline({ caseId, memberName }: { caseId: string; memberName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const timeline = useTimeline(workspace.id, caseId);
  const actor = (e: TimelineEntry) =>
    e.actorType === "user" ? memberName(e.actorId) : t(`casesPage.actor.${e.actorType}`);
  return (
    <section aria-labelledby="case-timeline">
      <h2 className="cases-heading" id="case-timeline">
        {t("casesPage.timeline")}
      </h2>
      <ErrorAlert error={timeline.error} />
      <ol className="cases-timeline">
        {[...(timeline.data ?? [])]
          .sort((a, b) => a.at.localeCompare(b.at))
          .map((e) => (
            <li key={e.id}>
              <DateText value={e.at} withTime /> · {actor(e)} ·{" "}
              <strong>{t(`casesPage.kind.${e.kind}`, { defaultValue: e.kind })}</strong>
              <EntryText entry={e} />
            </li>
          ))}
      </ol>
    </section>
  );
}

/** The entry's payload as plain text (React escapes it; no HTML from users). */
function EntryText({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const d = entry.data;
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  let text = "";
  if (entry.kind === "comment") text = s(d.text);
  else if (entry.kind === "signal") text = s(d.summary);
  else if (entry.kind === "status")
    text = `${t(`casesPage.status.${s(d.from)}`, { defaultValue: s(d.from) })} → ${t(`casesPage.status.${s(d.to)}`, { defaultValue: s(d.to) })}`;
  else if (entry.kind === "resolved")
    text = `${t(`casesPage.rootCauses.${s(d.rootCause)}`, { defaultValue: s(d.rootCause) })}: ${s(d.note)}`;
  return text ? <p className="cases-timeline__text">{text}</p> : null;
}
