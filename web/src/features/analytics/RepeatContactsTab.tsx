import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { RepeatContactsRequest, RepeatContactsResult } from "../../api/analytics";
import { SelectField, TextField } from "../../components/Field";
import { formatDate } from "../../components/format";
import { Loading } from "../../components/Loading";
import { useJourneys } from "../journeys/hooks";
import { Chart } from "../metrics/Chart";
import { formatNumber } from "../metrics/format";
import { ScopeFields } from "./Controls";
import { histogramOption } from "./chart-options";
import { type DraftErrors, type ScopeDraft, scopeOf } from "./draft";
import { unclaimedErrors, useFieldMessage } from "./errors";
import { formatShare } from "./format";
import { useRepeatContacts } from "./hooks";
import { ReportErrors } from "./ReportErrors";
import { useDraftForm } from "./useDraftForm";

/** The form's state: texts as typed. Empty contact events: the API's default contact events. */
export interface RepeatDraft {
  /** Event names or globs, separated by commas. */
  contacts: string;
  minContacts: string;
  withinDays: string;
  /** A property path such as `properties.queue`; empty: no topics. */
  topicPath: string;
  /** A journey for the steps preceding repeats; empty: none. */
  journeyId: string;
  scope: ScopeDraft;
}

const FIELDS = [
  "/body/contacts",
  "/body/minContacts",
  "/body/withinDays",
  "/body/topicBy",
  "/body/journeyId",
  "/body/from",
  "/body/to",
  "/body/timezone",
];

/** A distribution bucket: its number of contacts, the last one (10) meaning 10 or more. */
const bucket = (contacts: number) => (contacts >= 10 ? "≥ 10" : String(contacts));

/** The API's channel or topic for a contact without one. */
const NONE = "(none)";

export const defaultRepeat = (): RepeatDraft => ({
  contacts: "",
  minContacts: "2",
  withinDays: "7",
  topicPath: "",
  journeyId: "",
  scope: { fromDay: "", toDay: "" },
});

/** Numbers are sent as typed (a bad one as null), so the API's message shows at the field. */
const numberOf = (text: string): number => Number(text.trim().replace(",", ".") || Number.NaN);

export function repeatRequest(draft: RepeatDraft): { request: RepeatContactsRequest; errors: DraftErrors } {
  const request: RepeatContactsRequest = {
    ...scopeOf(draft.scope),
    minContacts: numberOf(draft.minContacts),
    withinDays: numberOf(draft.withinDays),
  };
  const contacts = draft.contacts
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (contacts.length > 0) request.contacts = contacts.map((event) => ({ event }));
  if (draft.topicPath.trim()) request.topicBy = { by: "property", path: draft.topicPath.trim() };
  if (draft.journeyId) request.journeyId = draft.journeyId;
  return { request, errors: new Map() };
}

/** Repeat contacts: repeat rate, contacts per customer, distribution, channel switches, topics, steps. */
export function RepeatContactsTab({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const form = useDraftForm(defaultRepeat, repeatRequest);
  const { draft, setDraft } = form;
  const result = useRepeatContacts(workspaceId, form.applied);
  const journeys = useJourneys(workspaceId);
  const message = useFieldMessage(result.error, form.errors);
  const set = (patch: Partial<RepeatDraft>) => setDraft({ ...draft, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.apply();
  }

  return (
    <div className="analytics-report">
      <form className="analytics-form" onSubmit={submit} noValidate>
        <div className="analytics-form__grid">
          <TextField
            label={t("analytics.repeat.contacts")}
            optional={t("common.optional")}
            value={draft.contacts}
            autoComplete="off"
            placeholder={t("analytics.repeat.contactsPlaceholder")}
            hint={t("analytics.repeat.contactsHint")}
            error={message("/body/contacts")}
            onChange={(e) => set({ contacts: e.target.value })}
          />
          <TextField
            label={t("analytics.repeat.minContacts")}
            type="number"
            min={2}
            max={20}
            step={1}
            value={draft.minContacts}
            error={message("/body/minContacts")}
            onChange={(e) => set({ minContacts: e.target.value })}
          />
          <TextField
            label={t("analytics.repeat.withinDays")}
            type="number"
            min={1}
            max={365}
            step={1}
            value={draft.withinDays}
            hint={t("analytics.repeat.withinDaysHint")}
            error={message("/body/withinDays")}
            onChange={(e) => set({ withinDays: e.target.value })}
          />
          <TextField
            label={t("analytics.repeat.topic")}
            optional={t("common.optional")}
            value={draft.topicPath}
            className="input--mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="properties.queue"
            hint={t("analytics.repeat.topicHint")}
            error={message("/body/topicBy")}
            onChange={(e) => set({ topicPath: e.target.value })}
          />
          <SelectField
            label={t("analytics.repeat.journey")}
            value={draft.journeyId}
            hint={t("analytics.repeat.journeyHint")}
            error={message("/body/journeyId")}
            onChange={(e) => set({ journeyId: e.target.value })}
          >
            <option value="">{t("analytics.repeat.noJourney")}</option>
            {(journeys.data ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </SelectField>
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
        <RepeatResultView request={form.applied} result={result.data} busy={result.isFetching} />
      ) : null}
    </div>
  );
}

function RepeatResultView({
  request,
  result,
  busy,
}: {
  request: RepeatContactsRequest;
  result: RepeatContactsResult;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const n = request.minContacts ?? 2;
  const days = request.withinDays ?? 7;
  const name = (v: string) => (v === NONE ? t("analytics.repeat.none") : v);

  const distribution = useMemo(() => {
    const bars = result.distribution.map((b) => ({
      label: bucket(b.contacts),
      count: b.units,
      over: b.contacts >= n,
    }));
    const describe = (i: number) => {
      const b = result.distribution[i];
      return b
        ? `${t("analytics.repeat.contactsCount", { n: bucket(b.contacts) })}\n${t("analytics.repeat.customersCount", { n: formatNumber(b.units) })}`
        : "";
    };
    return histogramOption(bars, describe);
  }, [result, n, t]);

  if (result.units === 0)
    return (
      <div className="analytics-empty">
        <p className="notice-inline">{t("analytics.repeat.empty")}</p>
      </div>
    );

  const switches = result.channelSwitches;
  return (
    <div className={busy ? "analytics-result analytics-result--busy" : "analytics-result"}>
      <dl className="analytics-figures">
        <div className="analytics-figure">
          <dt>{t("analytics.repeat.repeatRate", { n, days })}</dt>
          <dd>
            {formatShare(result.repeatRate)}{" "}
            <span className="analytics-figure__meta">
              (
              {t("analytics.repeat.ofCustomers", {
                n: formatNumber(result.repeatUnits),
                total: formatNumber(result.units),
              })}
              )
            </span>
          </dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.repeat.contactsPerUnit")}</dt>
          <dd>{result.contactsPerUnit === null ? "–" : formatNumber(result.contactsPerUnit, 2)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.repeat.contactsTotal")}</dt>
          <dd>{formatNumber(result.contacts)}</dd>
        </div>
        <div className="analytics-figure">
          <dt>{t("analytics.repeat.switchShare")}</dt>
          <dd>
            {formatShare(switches.share)}{" "}
            <span className="analytics-figure__meta">
              ({t("analytics.repeat.customersCount", { n: formatNumber(switches.units) })})
            </span>
          </dd>
        </div>
      </dl>
      <div className="chart-card">
        <h2 className="analytics-chart__title">{t("analytics.repeat.distribution")}</h2>
        <Chart
          option={distribution}
          label={t("analytics.repeat.distributionLabel", { rate: formatShare(result.repeatRate) })}
          className="chart analytics-chart--histogram"
        />
        <p className="chart-card__legend">{t("analytics.repeat.distributionLegend", { n })}</p>
      </div>
      <div className="table-wrap">
        <table className="table table--dense analytics-table analytics-table--distribution">
          <caption className="sr-only">{t("analytics.repeat.distribution")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analytics.repeat.contactsColumn")}</th>
              <th scope="col" className="cell-num">
                {t("analytics.repeat.customersColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.distribution.map((b) => (
              <tr key={b.contacts}>
                <th scope="row" className="cell-primary">
                  {bucket(b.contacts)}
                </th>
                <td className="cell-num">{formatNumber(b.units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="analytics-section-title">{t("analytics.repeat.switches")}</h2>
      {switches.pairs.length === 0 ? (
        <p className="notice-inline">{t("analytics.repeat.noSwitches")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense analytics-table analytics-table--switches">
            <caption className="sr-only">{t("analytics.repeat.switches")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analytics.repeat.switchPair")}</th>
                <th scope="col" className="cell-num">
                  {t("analytics.repeat.switchCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {switches.pairs.map((p) => (
                <tr key={`${p.from}\u0000${p.to}`}>
                  <th scope="row" className="cell-primary">
                    {name(p.from)} → {name(p.to)}
                  </th>
                  <td className="cell-num">
                    <meter
                      className="analytics-meter"
                      min={0}
                      max={switches.pairs[0]?.count ?? 1}
                      value={p.count}
                      aria-hidden="true"
                    />{" "}
                    {formatNumber(p.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {result.topics ? (
        <>
          <h2 className="analytics-section-title">{t("analytics.repeat.topics")}</h2>
          <div className="table-wrap">
            <table className="table table--dense analytics-table analytics-table--topics">
              <caption className="sr-only">{t("analytics.repeat.topics")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analytics.repeat.topicColumn")}</th>
                  <th scope="col" className="cell-num">
                    {t("analytics.repeat.customersColumn")}
                  </th>
                  <th scope="col" className="cell-num">
                    {t("analytics.repeat.repeatColumn")}
                  </th>
                  <th scope="col" className="cell-num">
                    {t("analytics.repeat.rateColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.topics.map((row) => (
                  <tr key={row.topic}>
                    <th scope="row" className="cell-primary">
                      {name(row.topic)}
                    </th>
                    <td className="cell-num">{formatNumber(row.units)}</td>
                    <td className="cell-num">{formatNumber(row.repeatUnits)}</td>
                    <td className="cell-num">{formatShare(row.repeatRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {result.precedingSteps ? (
        <>
          <h2 className="analytics-section-title">{t("analytics.repeat.preceding")}</h2>
          <p className="analytics-form__hint">{t("analytics.repeat.precedingHint")}</p>
          {result.precedingSteps.length === 0 ? (
            <p className="notice-inline">{t("analytics.repeat.noPreceding")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--dense analytics-table analytics-table--preceding">
                <caption className="sr-only">{t("analytics.repeat.preceding")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("analytics.repeat.stepColumn")}</th>
                    <th scope="col" className="cell-num">
                      {t("analytics.repeat.customersColumn")}
                    </th>
                    <th scope="col" className="cell-num">
                      {t("analytics.repeat.shareColumn")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.precedingSteps.map((s) => (
                    <tr key={s.stepId}>
                      <th scope="row" className="cell-primary">
                        {s.title}
                      </th>
                      <td className="cell-num">{formatNumber(s.count)}</td>
                      <td className="cell-num">{formatShare(s.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}

      {result.weekly.length > 0 ? (
        <>
          <h2 className="analytics-section-title">{t("analytics.repeat.weekly")}</h2>
          <div className="table-wrap">
            <table className="table table--dense analytics-table analytics-table--weekly">
              <caption className="sr-only">{t("analytics.repeat.weekly")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analytics.repeat.weekColumn")}</th>
                  <th scope="col" className="cell-num">
                    {t("analytics.repeat.customersColumn")}
                  </th>
                  <th scope="col" className="cell-num">
                    {t("analytics.repeat.repeatStartsColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.weekly.map((w) => (
                  <tr key={w.week}>
                    <th scope="row" className="cell-primary">
                      {t("analytics.waiting.weekOf", { day: formatDate(w.week) })}
                    </th>
                    <td className="cell-num">{formatNumber(w.units)}</td>
                    <td className="cell-num">{formatNumber(w.repeatUnits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
