import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  COVERAGE_CODES,
  type CoverageFinding,
  type JourneyDocument,
  type Touchpoint,
} from "../../api/journey-design";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { useCoverage } from "./hooks";

/** Gaps in the journey's design: steps without touchpoints, touchpoints without owners, and so on. */
export function CoveragePanel({
  workspaceId,
  journeyId,
  version,
  dirty,
  saved,
  touchpoints,
  onClose,
  onShowStep,
  onShowStage,
}: {
  workspaceId: string;
  journeyId: string;
  version: number;
  dirty: boolean;
  /** The saved document the findings refer to, for names in the messages. */
  saved: JourneyDocument;
  touchpoints: Touchpoint[];
  onClose: () => void;
  onShowStep: (stepId: string) => void;
  onShowStage: (stageId: string) => void;
}) {
  const { t } = useTranslation();
  const coverage = useCoverage(workspaceId, journeyId);
  const findings = [...(coverage.data?.findings ?? [])].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1,
  );
  return (
    <Dialog
      title={t("journeys.coverage.title")}
      description={
        dirty
          ? t("journeys.coverage.savedOnlyDirty", { version })
          : t("journeys.coverage.savedOnly", { version })
      }
      onClose={onClose}
      size="side"
      closeLabel={t("common.close")}
    >
      {coverage.isPending ? (
        <Loading />
      ) : coverage.isError ? (
        <ErrorAlert error={coverage.error} />
      ) : findings.length === 0 ? (
        <p className="coverage-ok">
          <Icon name="shield" size={18} />
          {t("journeys.coverage.none")}
        </p>
      ) : (
        <>
          <p className="findings__summary">
            {t("journeys.coverage.summary", {
              warnings: findings.filter((f) => f.severity === "warning").length,
              notes: findings.filter((f) => f.severity === "info").length,
            })}
          </p>
          <ul className="findings">
            {findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id of their own
              <li key={i} className={`finding finding--${f.severity}`}>
                <Icon
                  name={f.severity === "warning" ? "warning" : "shield"}
                  size={16}
                  className="finding__icon"
                />
                <div className="finding__body">
                  <p className="finding__title">
                    <span className="sr-only">{t(`journeys.coverage.severity.${f.severity}`)}: </span>
                    {codeTitle(t, f)}
                  </p>
                  <p className="finding__message">{findingMessage(t, f, saved, touchpoints)}</p>
                  <div className="finding__links">
                    {f.stepId ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => f.stepId && onShowStep(f.stepId)}
                      >
                        {t("journeys.coverage.showStep")}
                      </button>
                    ) : f.stageId ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => f.stageId && onShowStage(f.stageId)}
                      >
                        {t("journeys.coverage.showStage")}
                      </button>
                    ) : null}
                    {f.touchpointId ? (
                      <Link to={`/w/${workspaceId}/touchpoints?edit=${encodeURIComponent(f.touchpointId)}`}>
                        {t("journeys.coverage.openTouchpoint")}
                      </Link>
                    ) : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}

function codeTitle(t: TFunction, f: CoverageFinding): string {
  const known = COVERAGE_CODES.find((c) => c === f.code);
  return known ? t(`journeys.coverage.codes.${known}`) : f.code;
}

/** The finding in the UI language, naming the step, stage and touchpoint; the server's text otherwise. */
function findingMessage(
  t: TFunction,
  f: CoverageFinding,
  doc: JourneyDocument,
  touchpoints: Touchpoint[],
): string {
  const stage = doc.stages.find((s) => s.id === f.stageId);
  const step = stage?.steps.find((s) => s.id === f.stepId);
  const touchpoint = touchpoints.find((tp) => tp.id === f.touchpointId);
  switch (f.code) {
    case "step_without_touchpoint":
      return step ? t("journeys.coverage.messages.step_without_touchpoint", { step: step.title }) : f.message;
    case "touchpoint_without_owner":
    case "hidden_without_matcher":
      return step && touchpoint
        ? t(`journeys.coverage.messages.${f.code}`, { step: step.title, touchpoint: touchpoint.name })
        : f.message;
    case "stage_without_steps":
      return stage ? t("journeys.coverage.messages.stage_without_steps", { stage: stage.name }) : f.message;
    case "journey_without_owner":
      return t("journeys.coverage.messages.journey_without_owner");
    case "touchpoint_unused":
      return touchpoint
        ? t("journeys.coverage.messages.touchpoint_unused", { touchpoint: touchpoint.name })
        : f.message;
    default:
      return f.message;
  }
}
