import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DroppedRequest, FunnelRequest } from "../../api/analytics";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { downloadBlob, fileSlug } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/Field";
import { formatDate } from "../../components/format";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { formatNumber } from "../metrics/format";
import { useTouchpoints } from "../touchpoints/hooks";
import { workspaceKey } from "../workspaces/hooks";
import { skippedCounts } from "./dropped-survey";
import { fetchDroppedCsv, useDropped, useFunnelSurveyTriggers, useSurveyFromFunnel } from "./hooks";

/** Units listed at most; the CSV export has the same limit (the API's maximum). */
const LIMIT = 1000;

/** The units that reached step `step − 1` but not `step`, with links to known customers and a CSV. */
export function DroppedDialog({
  workspaceId,
  request,
  step,
  stepLabel,
  previousLabel,
  onClose,
  onShowPaths,
}: {
  workspaceId: string;
  request: FunnelRequest;
  step: number;
  stepLabel: string;
  previousLabel: string;
  onClose: () => void;
  /** Opens the paths after the previous step of the units that did not reach this one. */
  onShowPaths?: () => void;
}) {
  const { t } = useTranslation();
  const body: DroppedRequest = { ...request, step, limit: LIMIT };
  const dropped = useDropped(workspaceId, body);
  const [download, setDownload] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const touchpoints = useTouchpoints(workspaceId);
  const [caseTitle, setCaseTitle] = useState(() =>
    t("analytics.dropped.caseTitleDefault", { step: stepLabel }),
  );
  const [touchpointId, setTouchpointId] = useState("");
  const qc = useQueryClient();
  const openCases = useMutation({
    mutationFn: () =>
      api.post<{ units: number; created: number; attached: number; unchanged: number }>(
        `/workspaces/${encodeURIComponent(workspaceId)}/analytics/funnel/dropped/cases`,
        { ...body, title: caseTitle.trim(), touchpointId: touchpointId || null },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...workspaceKey(workspaceId), "cases"] }),
  });

  async function downloadCsv() {
    setDownload({ busy: true, error: null });
    try {
      const blob = await fetchDroppedCsv(workspaceId, body);
      downloadBlob(blob, `${fileSlug(`${t("analytics.dropped.file")} ${stepLabel}`)}.csv`);
      setDownload({ busy: false, error: null });
    } catch (error) {
      setDownload({ busy: false, error });
    }
  }

  return (
    <Dialog
      title={t("analytics.dropped.title", { step: stepLabel })}
      description={t("analytics.dropped.description", { previous: previousLabel, step: stepLabel })}
      size="wide"
      onClose={onClose}
    >
      {dropped.isPending ? (
        <Loading />
      ) : dropped.isError ? (
        <ErrorAlert error={dropped.error} />
      ) : dropped.data.items.length === 0 ? (
        <p className="notice-inline">{t("analytics.dropped.none")}</p>
      ) : (
        <>
          <p className="analytics-dropped__count">
            {dropped.data.total > dropped.data.items.length
              ? t("analytics.dropped.shownOf", {
                  shown: formatNumber(dropped.data.items.length),
                  total: formatNumber(dropped.data.total),
                })
              : t("analytics.dropped.total", { total: formatNumber(dropped.data.total) })}
          </p>
          <div className="table-wrap analytics-dropped">
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">{t("analytics.dropped.unit")}</th>
                  <th scope="col">{t("analytics.dropped.reachedAt", { step: previousLabel })}</th>
                </tr>
              </thead>
              <tbody>
                {dropped.data.items.map((item) => (
                  <tr key={item.unit}>
                    <td className="cell-primary">
                      {item.customerId ? (
                        <Link to={`/w/${workspaceId}/customers/${encodeURIComponent(item.customerId)}`}>
                          {item.unit}
                        </Link>
                      ) : (
                        <span className="analytics-unit--anonymous">{item.unit}</span>
                      )}
                    </td>
                    <td>{formatDate(item.reachedAt, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {dropped.data && dropped.data.total > 0 ? (
        <form
          className="analytics-dropped__cases"
          onSubmit={(e) => {
            e.preventDefault();
            openCases.mutate();
          }}
        >
          <h3>{t("analytics.dropped.casesHeading")}</h3>
          <p className="notice-inline">{t("analytics.dropped.casesHint")}</p>
          <TextField
            label={t("analytics.dropped.caseTitle")}
            value={caseTitle}
            required
            maxLength={300}
            onChange={(e) => setCaseTitle(e.target.value)}
          />
          <SelectField
            label={t("analytics.dropped.caseTouchpoint")}
            value={touchpointId}
            onChange={(e) => setTouchpointId(e.target.value)}
          >
            <option value="">{t("analytics.dropped.noTouchpoint")}</option>
            {(touchpoints.data ?? []).map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </SelectField>
          <ErrorAlert error={openCases.error} />
          {openCases.data ? (
            <p className="notice-inline" role="status">
              {t("analytics.dropped.casesDone", openCases.data)}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={openCases.isPending || caseTitle.trim() === ""}>
            {t("analytics.dropped.openCases", { n: formatNumber(dropped.data.items.length) })}
          </button>
        </form>
      ) : null}
      {dropped.data && dropped.data.total > 0 ? (
        <SurveySection workspaceId={workspaceId} body={body} units={dropped.data.items.length} />
      ) : null}
      <ErrorAlert error={download.error} />
      <div className="dialog__actions">
        {onShowPaths && dropped.data && dropped.data.total > 0 ? (
          <button type="button" className="button" onClick={onShowPaths}>
            {t("analytics.dropped.showPaths")}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={download.busy || !dropped.data?.total}
          onClick={() => void downloadCsv()}
        >
          <Icon name="download" size={16} />
          {t("analytics.dropped.csv")}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}

/** Invites the dropped customers through one of the workspace's survey triggers, after a confirmation. */
function SurveySection({
  workspaceId,
  body,
  units,
}: {
  workspaceId: string;
  body: DroppedRequest;
  units: number;
}) {
  const { t } = useTranslation();
  const triggers = useFunnelSurveyTriggers(workspaceId);
  const send = useSurveyFromFunnel(workspaceId);
  const [triggerId, setTriggerId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const chosen = triggers.choices.find((c) => c.id === triggerId);
  const result = send.data;
  return (
    <form
      className="analytics-dropped__cases"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) setConfirming(true);
      }}
    >
      <h3>{t("analytics.dropped.surveyHeading")}</h3>
      <p className="notice-inline">{t("analytics.dropped.surveyHint")}</p>
      {triggers.isPending ? (
        <Loading />
      ) : triggers.error ? (
        <ErrorAlert error={triggers.error} />
      ) : triggers.choices.length === 0 ? (
        <p className="notice-inline">
          {t("analytics.dropped.surveyNoTriggers")}{" "}
          <Link to={`/w/${workspaceId}/surveys`}>{t("analytics.dropped.surveyToSurveys")}</Link>
        </p>
      ) : (
        <SelectField
          label={t("analytics.dropped.surveyTrigger")}
          value={triggerId}
          required
          onChange={(e) => {
            setTriggerId(e.target.value);
            setConfirming(false);
            send.reset();
          }}
        >
          <option value="">{t("analytics.dropped.surveyChoose")}</option>
          {triggers.choices.map((c) => (
            <option key={c.id} value={c.id}>
              {t("analytics.dropped.surveyOption", {
                survey: c.surveyName,
                trigger: c.triggerName,
                channel: t(`surveys.triggers.channels.${c.channel}`),
              })}
            </option>
          ))}
        </SelectField>
      )}
      <ErrorAlert error={send.error} />
      {result ? (
        <div className="notice-inline" role="status">
          <p>
            {t("analytics.dropped.surveyDone", {
              invited: formatNumber(result.invited),
              alreadyInvited: formatNumber(result.alreadyInvited),
              units: formatNumber(result.units),
            })}
          </p>
          {skippedCounts(result).length > 0 ? (
            <ul>
              {skippedCounts(result).map(({ reason, n }) => (
                <li key={reason}>{t(`analytics.dropped.skipped.${reason}`, { n: formatNumber(n) })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {confirming && chosen ? (
        <div className="notice-inline" role="alert">
          <p>
            {t("analytics.dropped.surveyConfirm", {
              n: formatNumber(units),
              survey: chosen.surveyName,
              trigger: chosen.triggerName,
            })}
          </p>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>{" "}
          <button
            type="button"
            className="button button--primary"
            disabled={send.isPending}
            onClick={() =>
              send.mutate({ ...body, triggerId: chosen.id }, { onSettled: () => setConfirming(false) })
            }
          >
            {send.isPending ? t("analytics.dropped.surveySending") : t("analytics.dropped.surveySendNow")}
          </button>
        </div>
      ) : (
        <button type="submit" className="button" disabled={!chosen || send.isPending}>
          {t("analytics.dropped.sendSurvey", { n: formatNumber(units) })}
        </button>
      )}
    </form>
  );
}
