import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { useJourneys } from "../journeys/hooks";
import { formatNumber } from "../metrics/format";
import { formatDuration, formatShare } from "./format";
import { useSlowestHandovers } from "./hooks";

/**
 * The hidden waits of a journey: every hand-over between its mapped steps over the last 90 days,
 * slowest (p90) first, against a waiting target.
 */
export function SlowestHandoversSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const journeys = useJourneys(workspaceId);
  const [picked, setPicked] = useState("");
  const [hours, setHours] = useState("");
  const [applied, setApplied] = useState<number | null>(null);
  const journeyId = picked || journeys.data?.[0]?.id || "";
  const result = useSlowestHandovers(
    workspaceId,
    journeyId === "" ? null : { journeyId, ...(applied !== null && { targetSeconds: applied }) },
  );
  const hoursValue = Number(hours.replace(",", "."));
  const hoursInvalid = hours.trim() !== "" && !(Number.isFinite(hoursValue) && hoursValue > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (hoursInvalid) return;
    setApplied(hours.trim() === "" ? null : Math.round(hoursValue * 3600));
  }

  const items = result.data?.items ?? [];
  const slowest = Math.max(1, ...items.map((i) => i.p90Seconds ?? 0));
  return (
    <section className="analytics-handovers" aria-labelledby="handovers-title">
      <h2 id="handovers-title" className="analytics-chart__title">
        {t("analytics.handovers.title")}
      </h2>
      <p className="notice-inline">{t("analytics.handovers.description")}</p>
      <form className="analytics-form__grid" onSubmit={submit} noValidate>
        <SelectField
          label={t("analytics.handovers.journey")}
          value={journeyId}
          onChange={(e) => setPicked(e.target.value)}
        >
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("analytics.handovers.target")}
          optional={t("common.optional")}
          inputMode="decimal"
          value={hours}
          error={hoursInvalid ? t("analytics.handovers.targetInvalid") : undefined}
          onChange={(e) => setHours(e.target.value)}
        />
        <div className="analytics-form__row">
          <button type="submit" className="button">
            {t("analytics.apply")}
          </button>
        </div>
      </form>
      <ErrorAlert error={result.error} />
      {result.isPending && journeyId !== "" ? <Loading /> : null}
      {result.data && items.length === 0 ? (
        <p className="notice-inline">{t("analytics.handovers.none")}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table analytics-handovers__table">
            <caption className="sr-only">{t("analytics.handovers.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analytics.handovers.pair")}</th>
                <th scope="col" className="cell-number">
                  {t("analytics.waiting.n")}
                </th>
                <th scope="col" className="cell-number">
                  {t("analytics.waiting.median")}
                </th>
                <th scope="col">{t("analytics.waiting.p90")}</th>
                <th scope="col" className="cell-number">
                  {t("analytics.handovers.overTarget")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={`${i.from.stepId}>${i.to.stepId}`}>
                  <th scope="row">
                    {i.from.title} → {i.to.title}
                  </th>
                  <td className="cell-number">{formatNumber(i.n)}</td>
                  <td className="cell-number">{formatDuration(t, i.medianSeconds)}</td>
                  <td>
                    <span className="analytics-handovers__bar-row">
                      <span
                        className="analytics-handovers__bar"
                        style={{
                          width: `${Math.max(2, Math.round(((i.p90Seconds ?? 0) / slowest) * 72))}px`,
                        }}
                        aria-hidden="true"
                      />
                      <span>{formatDuration(t, i.p90Seconds)}</span>
                    </span>
                  </td>
                  <td className="cell-number">
                    {i.overTarget
                      ? `${formatShare(i.overTarget.share)} (${formatNumber(i.overTarget.count)})`
                      : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.data && result.data.skipped.length > 0 ? (
        <p className="notice-inline">{t("analytics.handovers.skipped", { n: result.data.skipped.length })}</p>
      ) : null}
    </section>
  );
}
