import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FunnelRequest, type FunnelResult, ORDER_MODES, type OrderMode } from "../../api/analytics";
import { SelectField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { Chart } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { EventNameList, ScopeFields, StepFields, WindowField } from "./Controls";
import { funnelOption } from "./chart-options";
import { DroppedDialog } from "./DroppedDialog";
import {
  defaultFunnel,
  droppedPathsDraft,
  type FunnelDraft,
  funnelRequest,
  MAX_STEPS,
  MIN_STEPS,
  newStep,
  type PathsDraft,
} from "./draft";
import { unclaimedErrors, useFieldMessage } from "./errors";
import { formatDuration, formatShare } from "./format";
import { useFunnel } from "./hooks";
import { ReportErrors } from "./ReportErrors";
import { useDraftForm } from "./useDraftForm";

const FIELDS = ["/body/steps", "/body/window", "/body/order", "/body/from", "/body/to", "/body/timezone"];
const isOrder = (v: string): v is OrderMode => ORDER_MODES.some((o) => o === v);

/** The funnel: a step builder, the chart of units reaching each step, and the table with drop-offs. */
export function FunnelTab({
  workspaceId,
  eventNames,
  onShowPaths,
}: {
  workspaceId: string;
  eventNames: string[];
  /** Opens the paths report on the given draft (what dropped customers did next). */
  onShowPaths?: (draft: PathsDraft) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const form = useDraftForm(defaultFunnel, funnelRequest);
  const { draft, setDraft } = form;
  const result = useFunnel(workspaceId, form.applied);
  const message = useFieldMessage(result.error, form.errors);

  const set = (patch: Partial<FunnelDraft>) => setDraft({ ...draft, ...patch });
  const moveStep = (from: number, to: number) => {
    const steps = [...draft.steps];
    const [moved] = steps.splice(from, 1);
    if (moved) steps.splice(to, 0, moved);
    set({ steps });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    form.apply();
  }

  return (
    <div className="analytics-report">
      <form className="analytics-form" onSubmit={submit} noValidate>
        <EventNameList id={`${id}-events`} names={eventNames} />
        <ol className="analytics-steps">
          {draft.steps.map((step, i) => (
            <li key={step.key} className="analytics-steps__item">
              <StepFields
                title={t("analytics.funnel.stepTitle", { n: i + 1 })}
                step={step}
                pointer={`/body/steps/${i}`}
                listId={`${id}-events`}
                message={message}
                onChange={(next) => set({ steps: draft.steps.map((s, j) => (j === i ? next : s)) })}
              />
              <div className="analytics-steps__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={i === 0}
                  aria-label={t("analytics.funnel.moveUp", { n: i + 1 })}
                  onClick={() => moveStep(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={i === draft.steps.length - 1}
                  aria-label={t("analytics.funnel.moveDown", { n: i + 1 })}
                  onClick={() => moveStep(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={draft.steps.length <= MIN_STEPS}
                  aria-label={t("analytics.funnel.removeStep", { n: i + 1 })}
                  onClick={() => set({ steps: draft.steps.filter((_, j) => j !== i) })}
                >
                  <Icon name="trash" size={16} />
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="analytics-form__row">
          <button
            type="button"
            className="button button--small"
            disabled={draft.steps.length >= MAX_STEPS}
            onClick={() => set({ steps: [...draft.steps, newStep()] })}
          >
            <Icon name="plus" size={16} />
            {t("analytics.funnel.addStep")}
          </button>
          <span className="analytics-form__hint">
            {t("analytics.funnel.stepCount", { min: MIN_STEPS, max: MAX_STEPS })}
          </span>
        </div>
        {message("/body/steps", true) ? <p className="field__error">{message("/body/steps", true)}</p> : null}
        <div className="analytics-form__grid">
          <SelectField
            label={t("analytics.funnel.order")}
            value={draft.order}
            hint={t(`analytics.funnel.orderHints.${draft.order}`)}
            error={message("/body/order")}
            onChange={(e) => {
              if (isOrder(e.target.value)) set({ order: e.target.value });
            }}
          >
            {ORDER_MODES.map((o) => (
              <option key={o} value={o}>
                {t(`analytics.funnel.orders.${o}`)}
              </option>
            ))}
          </SelectField>
          <WindowField
            window={draft.window}
            hint={t("analytics.funnel.windowHint")}
            message={message}
            onChange={(window) => set({ window })}
          />
          <ScopeFields scope={draft.scope} message={message} onChange={(scope) => set({ scope })} />
        </div>
        <div className="analytics-form__row">
          <button type="submit" className="button button--primary">
            {t("analytics.apply")}
          </button>
        </div>
      </form>
      <ReportErrors error={result.error} unclaimed={unclaimedErrors(result.error, FIELDS)} />
      {!form.applied ? null : result.isPending ? (
        <Loading />
      ) : result.data ? (
        <FunnelResultView
          workspaceId={workspaceId}
          request={form.applied}
          result={result.data}
          busy={result.isFetching}
          {...(onShowPaths && { onShowPaths })}
        />
      ) : null}
    </div>
  );
}

function FunnelResultView({
  workspaceId,
  request,
  result,
  busy,
  onShowPaths,
}: {
  workspaceId: string;
  request: FunnelRequest;
  result: FunnelResult;
  busy: boolean;
  onShowPaths?: (draft: PathsDraft) => void;
}) {
  const { t } = useTranslation();
  const [dropped, setDropped] = useState<number | null>(null);
  const labels = result.steps.map((s, i) => s.label || request.steps[i]?.event || String(i + 1));

  const option = useMemo(() => {
    const bars = result.steps.map((s, i) => ({
      label: labels[i] ?? "",
      reached: s.reached,
      lost: Math.max(0, result.entered - s.reached),
      caption: `${formatNumber(s.reached)} · ${formatShare(s.conversion)}`,
      detail: i === 0 ? "" : t("analytics.funnel.medianShort", { value: formatDuration(t, s.medianSeconds) }),
    }));
    const describe = (i: number) => {
      const s = result.steps[i];
      if (!s) return "";
      return [
        labels[i],
        t("analytics.funnel.tipReached", { n: formatNumber(s.reached), share: formatShare(s.conversion) }),
        i === 0 ? "" : t("analytics.funnel.tipStep", { share: formatShare(s.stepConversion) }),
        i === 0 ? "" : t("analytics.funnel.tipMedian", { value: formatDuration(t, s.medianSeconds) }),
      ]
        .filter(Boolean)
        .join("\n");
    };
    return funnelOption(bars, describe);
  }, [result, labels, t]);

  if (result.entered === 0)
    return (
      <div className="analytics-empty">
        <p className="notice-inline">{t("analytics.funnel.empty")}</p>
      </div>
    );

  const chartLabel = t("analytics.funnel.chartLabel", {
    steps: labels.join(" → "),
    conversion: formatShare(result.overallConversion),
  });

  return (
    <div className={busy ? "analytics-result analytics-result--busy" : "analytics-result"}>
      <dl className="analytics-figures">
        <div className="analytics-figure">
          <dt>{t("analytics.funnel.entered")}</dt>
          <dd>{formatNumber(result.entered)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.funnel.overall")}</dt>
          <dd>{formatShare(result.overallConversion)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.funnel.completed")}</dt>
          <dd>{formatNumber(result.steps[result.steps.length - 1]?.reached ?? 0)}</dd>
        </div>
      </dl>
      <div className="chart-card">
        <Chart option={option} label={chartLabel} className="chart analytics-chart--funnel" />
        <p className="chart-card__legend">{t("analytics.funnel.legend")}</p>
      </div>
      <div className="table-wrap">
        <table className="table table--dense analytics-table">
          <caption className="sr-only">{chartLabel}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analytics.funnel.columns.step")}</th>
              <th scope="col" className="cell-num">
                {t("analytics.funnel.columns.reached")}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.funnel.columns.conversion")}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.funnel.columns.stepConversion")}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.funnel.columns.median")}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.funnel.columns.p90")}
              </th>
              <th scope="col" className="cell-num">
                {t("analytics.funnel.columns.dropped")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.steps.map((s, i) => (
              <tr key={s.index}>
                <th scope="row" className="cell-primary">
                  {i + 1}. {labels[i]}
                </th>
                <td className="cell-num">{formatNumber(s.reached)}</td>
                <td className="cell-num">{formatShare(s.conversion)}</td>
                <td className="cell-num">{i === 0 ? "–" : formatShare(s.stepConversion)}</td>
                <td className="cell-num">{formatDuration(t, s.medianSeconds)}</td>
                <td className="cell-num">{formatDuration(t, s.p90Seconds)}</td>
                <td className="cell-num">
                  {i === 0 ? (
                    "–"
                  ) : s.dropped > 0 ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t("analytics.dropped.open", {
                        n: formatNumber(s.dropped),
                        step: labels[i],
                      })}
                      onClick={() => setDropped(i)}
                    >
                      {formatNumber(s.dropped)}
                    </button>
                  ) : (
                    "0"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dropped !== null ? (
        <DroppedDialog
          workspaceId={workspaceId}
          request={request}
          step={dropped}
          stepLabel={labels[dropped] ?? ""}
          previousLabel={labels[dropped - 1] ?? ""}
          onClose={() => setDropped(null)}
          {...(onShowPaths && {
            onShowPaths: () => {
              onShowPaths(droppedPathsDraft(request, dropped));
              setDropped(null);
            },
          })}
        />
      ) : null}
    </div>
  );
}
