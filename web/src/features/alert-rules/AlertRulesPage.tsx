import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DateText } from "../../components/DateText";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useErrorText } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { formatNumber } from "../metrics/format";
import { useMembers } from "../settings/hooks";
import { useCurrentWorkspace } from "../workspaces/context";
import {
  useAlertRules,
  useCheckAlertRule,
  useDeleteAlertRule,
  useKpiList,
  usePreviewAlertRule,
  useRuleAlerts,
  useSaveAlertRule,
  useTeams,
} from "./hooks";
import {
  type AlertRule,
  type AlertRuleInput,
  RULE_KINDS,
  type RuleCheck,
  type RuleKind,
  SEVERITIES,
  type Severity,
} from "./types";
import "./alert-rules.css";

const num = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? "–" : formatNumber(v, Number.isInteger(v) ? 0 : digits);

/** `/w/:ws/alert-rules`: rules on KPIs and emerging topics, their state, and the alerts they raised. */
export function AlertRulesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  useDocumentTitle(t("alertRules.title"), workspace.name);
  const rules = useAlertRules(workspace.id);
  const alerts = useRuleAlerts(workspace.id);
  const check = useCheckAlertRule(workspace.id);
  const remove = useDeleteAlertRule(workspace.id);
  const [editing, setEditing] = useState<AlertRule | "new" | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);

  async function checkNow(id: string) {
    await check.mutateAsync(id).catch(() => undefined);
    await alerts.refetch();
  }

  return (
    <div className="page page--wide alert-rules-page">
      <PageHeader
        title={t("alertRules.title")}
        description={t("alertRules.description")}
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
            <Icon name="plus" />
            <span>{t("alertRules.new")}</span>
          </button>
        }
      />
      <ErrorAlert error={rules.error ?? check.error} />
      {rules.isLoading ? <Loading /> : null}
      {rules.data && rules.data.length === 0 ? <p className="muted">{t("alertRules.empty")}</p> : null}
      {rules.data && rules.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table alert-rules-table">
            <caption className="sr-only">{t("alertRules.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("alertRules.col.rule")}</th>
                <th scope="col">{t("alertRules.col.condition")}</th>
                <th scope="col">{t("alertRules.col.state")}</th>
                <th scope="col" className="cell-number">
                  {t("alertRules.col.value")}
                </th>
                <th scope="col">{t("alertRules.col.checked")}</th>
                <th scope="col">
                  <span className="sr-only">{t("alertRules.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.data.map((rule) => (
                <tr key={rule.id} data-rule={rule.name}>
                  <th scope="row">
                    <div>{rule.name}</div>
                    <div className="muted alert-rules__sub">
                      {t(`alertRules.kinds.${rule.kind}`)}
                      {rule.kpi ? ` · ${rule.kpi.name}` : ""} · {t(`alertRules.severities.${rule.severity}`)}
                      {rule.enabled ? "" : ` · ${t("alertRules.disabled")}`}
                    </div>
                  </th>
                  <td>
                    <ConditionText rule={rule} />
                  </td>
                  <td>
                    <RuleState rule={rule} />
                    {rule.lastResult ? (
                      <div className="muted alert-rules__summary" title={rule.lastResult.summary}>
                        <CheckText kind={rule.kind} figures={rule.lastResult} />
                      </div>
                    ) : null}
                  </td>
                  <td className="cell-number">
                    {num(rule.lastValue)}
                    {rule.lastResult?.n !== null && rule.lastResult?.n !== undefined ? (
                      <div className="muted">n = {formatNumber(rule.lastResult.n)}</div>
                    ) : null}
                  </td>
                  <td>
                    {rule.lastCheckedAt ? (
                      <DateText value={rule.lastCheckedAt} withTime />
                    ) : (
                      t("alertRules.never")
                    )}
                  </td>
                  <td className="alert-rules__actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => checkNow(rule.id)}
                      disabled={check.isPending && check.variables === rule.id}
                    >
                      {check.isPending && check.variables === rule.id
                        ? t("alertRules.checking")
                        : t("alertRules.checkNow")}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => setEditing(rule)}
                      aria-label={t("alertRules.editRule", { name: rule.name })}
                    >
                      <Icon name="edit" />
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => setDeleting(rule)}
                      aria-label={t("alertRules.deleteRule", { name: rule.name })}
                    >
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section className="alert-rules__fired" aria-labelledby="fired-alerts">
        <h2 id="fired-alerts">{t("alertRules.fired")}</h2>
        <ErrorAlert error={alerts.error} />
        {alerts.data && alerts.data.length === 0 ? <p className="muted">{t("alertRules.noAlerts")}</p> : null}
        {alerts.data && alerts.data.length > 0 ? (
          <ul className="alert-rules__alerts">
            {alerts.data.map((a) => (
              <li key={a.id} className={`alert-rules__alert alert-rules__alert--${a.severity}`}>
                <span className="badge">
                  {t(`alertRules.alertKinds.${a.kind}`, { defaultValue: a.kind })}
                </span>{" "}
                <strong>{String(a.details.ruleName ?? "")}</strong>
                <div title={String(a.details.summary ?? a.title)}>
                  {typeof a.details.kpiName === "string" ? `${a.details.kpiName}: ` : ""}
                  <CheckText kind={ALERT_KIND_RULE[a.kind] ?? "threshold"} figures={a.details} />
                </div>
                <div className="muted">
                  <DateText value={a.createdAt} withTime />
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {editing ? (
        <RuleDialog rule={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t("alertRules.deleteTitle")}
          description={t("alertRules.deleteDescription", { name: deleting.name })}
          confirmLabel={t("alertRules.delete")}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        />
      ) : null}
    </div>
  );
}

const ALERT_KIND_RULE: Record<string, RuleKind> = {
  "metric.threshold": "threshold",
  "metric.change": "change",
  "metric.anomaly": "anomaly",
  "topic.emerging": "topic",
};

/** A check's figures in the UI's language (the API's `summary` is English; it is the tooltip). */
function CheckText({
  kind,
  figures,
}: {
  kind: RuleKind;
  figures: Partial<RuleCheck> | Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const f = figures as Record<string, unknown>;
  const n = (k: string) => (typeof f[k] === "number" ? num(f[k] as number) : "–");
  const status = f.status as RuleCheck["status"] | undefined;
  if (status === "no_data" || status === "not_enough_history")
    return <>{t(`alertRules.sum.${status}`, { n: n("n"), periods: n("baselinePeriods") })}</>;
  if (kind === "topic")
    return (
      <>
        {typeof f.aspect === "string"
          ? t("alertRules.sum.topicAlert", { aspect: f.aspect, z: n("z") })
          : t("alertRules.sum.topic", { count: typeof f.value === "number" ? f.value : 0 })}
      </>
    );
  const base = { value: n("value"), n: n("n"), threshold: n("threshold") };
  if (kind === "change")
    return <>{t("alertRules.sum.change", { ...base, previous: n("previous"), change: n("change") })}</>;
  if (kind === "anomaly")
    return <>{t("alertRules.sum.anomaly", { ...base, z: f.z === null ? "∞" : n("z") })}</>;
  return <>{t("alertRules.sum.threshold", base)}</>;
}

function RuleState({ rule }: { rule: AlertRule }) {
  const { t } = useTranslation();
  const status = rule.lastResult?.status;
  if (!rule.lastCheckedAt)
    return <span className="status status--expired">{t("alertRules.states.unchecked")}</span>;
  if (rule.state === "firing")
    return <span className="status status--revoked">{t("alertRules.states.firing")}</span>;
  if (status === "no_data" || status === "not_enough_history")
    return <span className="status status--expired">{t(`alertRules.states.${status}`)}</span>;
  return <span className="status status--active">{t("alertRules.states.ok")}</span>;
}

function ConditionText({ rule }: { rule: Pick<AlertRule, "kind" | "parameters"> }) {
  const { t } = useTranslation();
  const p = rule.parameters as {
    operator?: "above" | "below";
    value?: number;
    windowDays?: number;
    mode?: "percent" | "points";
    direction?: "worse" | "any";
    amount?: number;
    granularity?: "week" | "month";
    z?: number;
    periods?: number;
    aspects?: string[];
    minZ?: number;
  };
  if (rule.kind === "threshold")
    return t(`alertRules.cond.threshold_${p.operator ?? "below"}`, {
      value: num(p.value),
      days: p.windowDays,
    });
  if (rule.kind === "change")
    return t(`alertRules.cond.change_${p.mode ?? "points"}_${p.direction ?? "worse"}`, {
      amount: num(p.amount),
      days: p.windowDays,
    });
  if (rule.kind === "anomaly")
    return t(`alertRules.cond.anomaly_${p.granularity ?? "week"}`, { z: num(p.z), periods: p.periods });
  const aspects = p.aspects ?? [];
  return aspects.length === 0
    ? t("alertRules.cond.topic_any", { z: num(p.minZ) })
    : t("alertRules.cond.topic", { aspects: aspects.join(", "), z: num(p.minZ) });
}

interface FormState {
  name: string;
  kind: RuleKind;
  kpiId: string;
  severity: Severity;
  checkEvery: "hourly" | "daily";
  enabled: boolean;
  operator: "above" | "below";
  value: string;
  windowDays: string;
  minN: string;
  mode: "percent" | "points";
  amount: string;
  direction: "worse" | "any";
  z: string;
  periods: string;
  granularity: "week" | "month";
  aspects: string;
  minZ: string;
  roles: Role[];
  userIds: string[];
  teamIds: string[];
}

function initialForm(rule: AlertRule | null): FormState {
  const p = (rule?.parameters ?? {}) as Record<string, unknown>;
  const s = (k: string, d: string) => (p[k] === undefined ? d : String(p[k]));
  return {
    name: rule?.name ?? "",
    kind: rule?.kind ?? "threshold",
    kpiId: rule?.kpiId ?? "",
    severity: rule?.severity ?? "warning",
    checkEvery: rule?.checkEvery ?? "daily",
    enabled: rule?.enabled ?? true,
    operator: (p.operator as "above" | "below") ?? "below",
    value: s("value", ""),
    windowDays: s("windowDays", "30"),
    minN: s("minN", "1"),
    mode: (p.mode as "percent" | "points") ?? "points",
    amount: s("amount", "10"),
    direction: (p.direction as "worse" | "any") ?? (rule?.kind === "anomaly" ? "any" : "worse"),
    z: s("z", "3"),
    periods: s("periods", "8"),
    granularity: (p.granularity as "week" | "month") ?? "week",
    aspects: Array.isArray(p.aspects) ? (p.aspects as string[]).join(", ") : "",
    minZ: s("minZ", "3"),
    roles: rule?.recipients.roles ?? [],
    userIds: rule?.recipients.userIds ?? [],
    teamIds: rule?.recipients.teamIds ?? [],
  };
}

const toNumber = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.replace(",", ".")));

function toInput(f: FormState): AlertRuleInput {
  const common = {
    name: f.name,
    kind: f.kind,
    severity: f.severity,
    checkEvery: f.checkEvery,
    enabled: f.enabled,
    recipients: { roles: f.roles, userIds: f.userIds, teamIds: f.teamIds },
  };
  const n = (s: string) => toNumber(s) as number;
  if (f.kind === "topic") {
    const aspects = f.aspects
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    return { ...common, parameters: { aspects, minZ: n(f.minZ) } };
  }
  const kpi = f.kpiId ? { kpiId: f.kpiId } : {};
  if (f.kind === "threshold")
    return {
      ...common,
      ...kpi,
      parameters: { operator: f.operator, value: n(f.value), windowDays: n(f.windowDays), minN: n(f.minN) },
    };
  if (f.kind === "change")
    return {
      ...common,
      ...kpi,
      parameters: {
        mode: f.mode,
        amount: n(f.amount),
        direction: f.direction,
        windowDays: n(f.windowDays),
        minN: n(f.minN),
      },
    };
  return {
    ...common,
    ...kpi,
    parameters: {
      z: n(f.z),
      periods: n(f.periods),
      granularity: f.granularity,
      direction: f.direction,
      minN: n(f.minN),
    },
  };
}

function RuleDialog({ rule, onClose }: { rule: AlertRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const kpis = useKpiList(workspace.id);
  const members = useMembers(workspace.id);
  const teams = useTeams(workspace.id);
  const save = useSaveAlertRule(workspace.id);
  const preview = usePreviewAlertRule(workspace.id);
  const errorText = useErrorText();
  const [f, setF] = useState<FormState>(() => initialForm(rule));
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((old) => ({ ...old, [k]: v }));
  const err = (pointer: string) => errorText.field(save.error ?? preview.error, pointer, "x");
  const toggle = <K extends "roles" | "userIds" | "teamIds">(k: K, v: FormState[K][number]) =>
    setF((old) => {
      const list = old[k] as string[];
      return { ...old, [k]: list.includes(v) ? list.filter((x) => x !== v) : [...list, v] };
    });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(f);
    // The KPI goes along only when it changed (a changed KPI starts the rule over).
    if (rule && input.kpiId === rule.kpiId) delete input.kpiId;
    await save.mutateAsync({ ...(rule && { id: rule.id }), input }).then(onClose, () => undefined);
  }

  const metric = f.kind !== "topic";
  return (
    <Dialog title={rule ? t("alertRules.editTitle") : t("alertRules.newTitle")} onClose={onClose} size="wide">
      <form className="form alert-rules__form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error ?? preview.error} />
        <TextField
          label={t("alertRules.f.name")}
          value={f.name}
          onChange={(e) => set("name", e.target.value)}
          error={err("/body/name")}
          required
        />
        <div className="alert-rules__row">
          <SelectField
            label={t("alertRules.f.kind")}
            value={f.kind}
            disabled={rule !== null}
            onChange={(e) => set("kind", e.target.value as RuleKind)}
          >
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`alertRules.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          {metric ? (
            <SelectField
              label={t("alertRules.f.kpi")}
              value={f.kpiId}
              onChange={(e) => set("kpiId", e.target.value)}
              error={err("/body/kpiId")}
            >
              <option value="">{t("alertRules.f.chooseKpi")}</option>
              {(kpis.data ?? []).map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                  {k.unit ? ` (${k.unit})` : ""}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        {f.kind === "threshold" ? (
          <div className="alert-rules__row">
            <SelectField
              label={t("alertRules.f.operator")}
              value={f.operator}
              onChange={(e) => set("operator", e.target.value as "above" | "below")}
            >
              <option value="below">{t("alertRules.f.below")}</option>
              <option value="above">{t("alertRules.f.above")}</option>
            </SelectField>
            <TextField
              label={t("alertRules.f.value")}
              inputMode="decimal"
              value={f.value}
              onChange={(e) => set("value", e.target.value)}
              error={err("/body/parameters/value")}
            />
          </div>
        ) : null}
        {f.kind === "change" ? (
          <div className="alert-rules__row">
            <SelectField
              label={t("alertRules.f.mode")}
              value={f.mode}
              onChange={(e) => set("mode", e.target.value as "percent" | "points")}
            >
              <option value="points">{t("alertRules.f.points")}</option>
              <option value="percent">{t("alertRules.f.percent")}</option>
            </SelectField>
            <TextField
              label={t("alertRules.f.amount")}
              inputMode="decimal"
              value={f.amount}
              onChange={(e) => set("amount", e.target.value)}
              error={err("/body/parameters/amount")}
            />
          </div>
        ) : null}
        {f.kind === "anomaly" ? (
          <div className="alert-rules__row">
            <TextField
              label={t("alertRules.f.z")}
              inputMode="decimal"
              value={f.z}
              onChange={(e) => set("z", e.target.value)}
              error={err("/body/parameters/z")}
            />
            <TextField
              label={t("alertRules.f.periods")}
              inputMode="numeric"
              value={f.periods}
              onChange={(e) => set("periods", e.target.value)}
              error={err("/body/parameters/periods")}
            />
            <SelectField
              label={t("alertRules.f.granularity")}
              value={f.granularity}
              onChange={(e) => set("granularity", e.target.value as "week" | "month")}
            >
              <option value="week">{t("alertRules.f.weeks")}</option>
              <option value="month">{t("alertRules.f.months")}</option>
            </SelectField>
          </div>
        ) : null}
        {f.kind === "change" || f.kind === "anomaly" ? (
          <SelectField
            label={t("alertRules.f.direction")}
            value={f.direction}
            onChange={(e) => set("direction", e.target.value as "worse" | "any")}
          >
            <option value="worse">{t("alertRules.f.worse")}</option>
            <option value="any">{t("alertRules.f.any")}</option>
          </SelectField>
        ) : null}
        {f.kind === "threshold" || f.kind === "change" ? (
          <div className="alert-rules__row">
            <TextField
              label={t("alertRules.f.windowDays")}
              inputMode="numeric"
              value={f.windowDays}
              onChange={(e) => set("windowDays", e.target.value)}
              error={err("/body/parameters/windowDays")}
            />
            <TextField
              label={t("alertRules.f.minN")}
              inputMode="numeric"
              value={f.minN}
              onChange={(e) => set("minN", e.target.value)}
              error={err("/body/parameters/minN")}
            />
          </div>
        ) : null}
        {f.kind === "topic" ? (
          <div className="alert-rules__row">
            <TextField
              label={t("alertRules.f.aspects")}
              hint={t("alertRules.f.aspectsHint")}
              value={f.aspects}
              onChange={(e) => set("aspects", e.target.value)}
              error={err("/body/parameters/aspects/0")}
            />
            <TextField
              label={t("alertRules.f.minZ")}
              inputMode="decimal"
              value={f.minZ}
              onChange={(e) => set("minZ", e.target.value)}
              error={err("/body/parameters/minZ")}
            />
          </div>
        ) : null}
        <div className="alert-rules__row">
          <SelectField
            label={t("alertRules.f.severity")}
            value={f.severity}
            onChange={(e) => set("severity", e.target.value as Severity)}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`alertRules.severities.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("alertRules.f.checkEvery")}
            value={f.checkEvery}
            onChange={(e) => set("checkEvery", e.target.value as "hourly" | "daily")}
          >
            <option value="hourly">{t("alertRules.f.hourly")}</option>
            <option value="daily">{t("alertRules.f.daily")}</option>
          </SelectField>
        </div>
        <fieldset className="alert-rules__recipients">
          <legend>{t("alertRules.f.recipients")}</legend>
          <p className="muted">{t("alertRules.f.recipientsHint")}</p>
          <div className="alert-rules__checks">
            <span className="alert-rules__group">{t("alertRules.f.roles")}</span>
            {ROLES.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={f.roles.includes(r)} onChange={() => toggle("roles", r)} />{" "}
                {t(`roles.${r}`)}
              </label>
            ))}
          </div>
          {(teams.data ?? []).length > 0 ? (
            <div className="alert-rules__checks">
              <span className="alert-rules__group">{t("alertRules.f.teams")}</span>
              {(teams.data ?? []).map((team) => (
                <label key={team.id}>
                  <input
                    type="checkbox"
                    checked={f.teamIds.includes(team.id)}
                    onChange={() => toggle("teamIds", team.id)}
                  />{" "}
                  {team.name}
                </label>
              ))}
            </div>
          ) : null}
          <div className="alert-rules__checks">
            <span className="alert-rules__group">{t("alertRules.f.people")}</span>
            {(members.data ?? []).map((m) => (
              <label key={m.userId}>
                <input
                  type="checkbox"
                  checked={f.userIds.includes(m.userId)}
                  onChange={() => toggle("userIds", m.userId)}
                />{" "}
                {m.name || m.email}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="alert-rules__enabled">
          <input type="checkbox" checked={f.enabled} onChange={(e) => set("enabled", e.target.checked)} />{" "}
          {t("alertRules.f.enabled")}
        </label>
        {preview.data ? <PreviewResult check={preview.data} kind={f.kind} /> : null}
        <div className="dialog__actions">
          <button
            type="button"
            className="button"
            onClick={() => preview.mutate(toInput(f))}
            disabled={preview.isPending}
          >
            {t("alertRules.preview")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t("alertRules.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PreviewResult({ check, kind }: { check: RuleCheck; kind: RuleKind }) {
  const { t } = useTranslation();
  return (
    <div className="alert-rules__preview" role="status">
      <strong>{t(`alertRules.states.${check.status}`)}</strong>
      {check.value !== null ? ` · ${num(check.value)}` : ""}
      {check.n !== null ? ` · n = ${formatNumber(check.n)}` : ""}
      <div className="muted" title={check.summary}>
        <CheckText kind={kind} figures={check} />
      </div>
    </div>
  );
}
