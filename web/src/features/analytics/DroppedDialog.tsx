import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DroppedRequest, FunnelRequest } from "../../api/analytics";
import { Dialog } from "../../components/Dialog";
import { downloadBlob, fileSlug } from "../../components/download";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDate } from "../../components/format";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { formatNumber } from "../metrics/format";
import { fetchDroppedCsv, useDropped } from "./hooks";

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
}: {
  workspaceId: string;
  request: FunnelRequest;
  step: number;
  stepLabel: string;
  previousLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const body: DroppedRequest = { ...request, step, limit: LIMIT };
  const dropped = useDropped(workspaceId, body);
  const [download, setDownload] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

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
      <ErrorAlert error={download.error} />
      <div className="dialog__actions">
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
