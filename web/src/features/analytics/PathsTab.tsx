import { type FormEvent, useEffect, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  PATH_DIRECTIONS,
  PATH_END,
  type PathDirection,
  type PathsRequest,
  type PathsResult,
} from "../../api/analytics";
import { SelectField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { Chart } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { EventNameList, ScopeFields, StepFields, WindowField } from "./Controls";
import { sankeyOption } from "./chart-options";
import { defaultPaths, MAX_DEPTH, type PathsDraft, pathsRequest } from "./draft";
import { unclaimedErrors, useFieldMessage } from "./errors";
import { formatShare } from "./format";
import { usePaths } from "./hooks";
import { ReportErrors } from "./ReportErrors";
import { sankeyGraph } from "./sankey";
import { useDraftForm } from "./useDraftForm";

const FIELDS = [
  "/body/anchor",
  "/body/unless",
  "/body/direction",
  "/body/depth",
  "/body/window",
  "/body/from",
  "/body/to",
  "/body/timezone",
];
const DEPTHS = Array.from({ length: MAX_DEPTH }, (_, i) => i + 1);
const isDirection = (v: string): v is PathDirection => PATH_DIRECTIONS.some((d) => d === v);

/** A paths report opened from another report (e.g. the funnel's drop-outs); `nonce` tells repeats apart. */
export interface PathsPreset {
  draft: PathsDraft;
  nonce: number;
}

/** Paths from (or to) an anchor step: a sankey of all paths and the most frequent ones as a list. */
export function PathsTab({
  workspaceId,
  eventNames,
  preset,
}: {
  workspaceId: string;
  eventNames: string[];
  preset?: PathsPreset | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const form = useDraftForm(() => preset?.draft ?? defaultPaths(), pathsRequest);
  const { draft, setDraft, load } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new preset (nonce) loads once; the draft is the user's afterwards
  useEffect(() => {
    if (preset) load(preset.draft);
  }, [preset?.nonce]);
  const result = usePaths(workspaceId, form.applied);
  const message = useFieldMessage(result.error, form.errors);
  const set = (patch: Partial<PathsDraft>) => setDraft({ ...draft, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.apply();
  }

  return (
    <div className="analytics-report">
      <form className="analytics-form" onSubmit={submit} noValidate>
        <EventNameList id={`${id}-events`} names={eventNames} />
        <div className="analytics-pair">
          <StepFields
            title={t("analytics.paths.anchor")}
            step={draft.anchor}
            pointer="/body/anchor"
            listId={`${id}-events`}
            message={message}
            onChange={(anchor) => set({ anchor })}
          />
          {draft.direction === "after" ? (
            <StepFields
              title={t("analytics.paths.unless")}
              step={draft.unless}
              pointer="/body/unless"
              listId={`${id}-events`}
              message={message}
              onChange={(unless) => set({ unless })}
            />
          ) : null}
        </div>
        {draft.direction === "after" ? (
          <p className="notice-inline">{t("analytics.paths.unlessHint")}</p>
        ) : null}
        <div className="analytics-form__grid">
          <SelectField
            label={t("analytics.paths.direction")}
            value={draft.direction}
            error={message("/body/direction")}
            onChange={(e) => {
              if (isDirection(e.target.value)) set({ direction: e.target.value });
            }}
          >
            {PATH_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`analytics.paths.directions.${d}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("analytics.paths.depth")}
            value={String(draft.depth)}
            error={message("/body/depth")}
            onChange={(e) => set({ depth: Number(e.target.value) })}
          >
            {DEPTHS.map((d) => (
              <option key={d} value={d}>
                {t("analytics.paths.depthValue", { count: d })}
              </option>
            ))}
          </SelectField>
          <WindowField
            window={draft.window}
            hint={t("analytics.paths.windowHint")}
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
        <PathsResultView request={form.applied} result={result.data} busy={result.isFetching} />
      ) : null}
    </div>
  );
}

function PathsResultView({
  request,
  result,
  busy,
}: {
  request: PathsRequest;
  result: PathsResult;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const direction = request.direction ?? "after";
  const endLabel = t("analytics.paths.end");
  const graph = useMemo(() => sankeyGraph(result.links, direction, endLabel), [result, direction, endLabel]);
  const option = useMemo(
    () =>
      sankeyOption(graph.nodes, graph.links, (i) => {
        const link = graph.links[i];
        if (!link) return "";
        const name = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
        return `${name(link.source)} → ${name(link.target)}\n${t("analytics.paths.units", { n: formatNumber(link.value) })}`;
      }),
    [graph, t],
  );
  const stepName = (s: string) => (s === PATH_END ? endLabel : s);
  const columns = Math.max(1, ...result.links.map((l) => l.depth));

  if (result.units === 0)
    return (
      <div className="analytics-empty">
        <p className="notice-inline">{t("analytics.paths.empty")}</p>
      </div>
    );

  const chartLabel = t(`analytics.paths.chartLabel.${direction}`, { anchor: request.anchor.event });
  return (
    <div className={busy ? "analytics-result analytics-result--busy" : "analytics-result"}>
      {request.unless ? (
        <p className="notice-inline">{t("analytics.paths.unlessActive", { step: request.unless.event })}</p>
      ) : null}
      <dl className="analytics-figures">
        <div className="analytics-figure">
          <dt>{t("analytics.paths.unitsFigure")}</dt>
          <dd>{formatNumber(result.units)}</dd>
        </div>
      </dl>
      <div className="chart-card">
        <Chart
          option={option}
          label={chartLabel}
          className="chart analytics-chart--sankey"
          height={Math.max(320, Math.min(720, graph.nodes.length * 18 + columns * 20))}
        />
        <p className="chart-card__legend">{t(`analytics.paths.legend.${direction}`)}</p>
      </div>
      <h2 className="analytics-section-title">{t("analytics.paths.top")}</h2>
      {result.paths.length === 0 ? (
        <p className="notice-inline">{t("analytics.paths.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense analytics-table">
            <caption className="sr-only">{t("analytics.paths.top")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analytics.paths.path")}</th>
                <th scope="col" className="cell-num">
                  {t("analytics.paths.unitsColumn")}
                </th>
                <th scope="col" className="cell-num">
                  {t("analytics.paths.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.paths.map((p) => (
                <tr key={p.steps.join("\u0000")}>
                  <th scope="row" className="cell-primary">
                    <ol className="analytics-path">
                      {(direction === "after"
                        ? [request.anchor.event, ...p.steps]
                        : [...p.steps].reverse().concat(request.anchor.event)
                      ).map((s, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a path repeats names; the position is its identity
                        <li key={i} className={s === PATH_END ? "analytics-path__end" : undefined}>
                          {stepName(s)}
                        </li>
                      ))}
                    </ol>
                  </th>
                  <td className="cell-num">{formatNumber(p.units)}</td>
                  <td className="cell-num">{formatShare(p.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
