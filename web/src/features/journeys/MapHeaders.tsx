import { useDroppable } from "@dnd-kit/core";
import { useSortable } from "@dnd-kit/sortable";
import { useTranslation } from "react-i18next";
import type { Stage, Step } from "../../api/journey-design";
import { Icon } from "../../components/Icon";
import { MenuButton, MenuItem } from "../../components/MenuButton";
import { TextCell } from "./cells";

export function StageHeader({
  stage,
  index,
  stageCount,
  colSpan,
  readOnly,
  editName,
  onRename,
  onAddStep,
  onMove,
  onDelete,
}: {
  stage: Stage;
  index: number;
  stageCount: number;
  colSpan: number;
  readOnly: boolean;
  editName: boolean;
  onRename: (name: string) => void;
  onAddStep: () => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `stage:${stage.id}`, disabled: readOnly });
  return (
    <th
      ref={setNodeRef}
      scope="colgroup"
      colSpan={colSpan}
      className={isOver ? "jm-stage jm-stage--over" : "jm-stage"}
      data-stage-id={stage.id}
    >
      <div className="jm-stage__inner">
        {/* Sticky, so the stage stays named while its steps scroll past. */}
        <div className="jm-stage__label">
          <span className="jm-stage__index" aria-hidden="true">
            {index + 1}
          </span>
          <div className="jm-stage__name">
            <TextCell
              label={t("journeys.map.stageName", { n: index + 1 })}
              value={stage.name}
              placeholder={t("journeys.map.stageNamePlaceholder")}
              readOnly={readOnly}
              initialEditing={editName}
              onCommit={(name) => onRename(name || stage.name)}
            />
          </div>
        </div>
        <span className="jm-stage__count">{t("journeys.map.stepCount", { count: stage.steps.length })}</span>
        {readOnly ? null : (
          <div className="jm-stage__actions no-export">
            <button
              type="button"
              className="icon-button"
              aria-label={t("journeys.map.addStepTo", { stage: stage.name })}
              title={t("journeys.map.addStepTo", { stage: stage.name })}
              onClick={onAddStep}
            >
              <Icon name="plus" size={16} />
            </button>
            <MenuButton
              label={t("journeys.map.stageActions", { stage: stage.name })}
              icon="more"
              iconOnly
              align="end"
            >
              {(close) => (
                <>
                  <MenuItem
                    icon="arrowLeft"
                    disabled={index === 0}
                    onSelect={() => {
                      close();
                      onMove(-1);
                    }}
                  >
                    {t("journeys.map.moveStageLeft")}
                  </MenuItem>
                  <MenuItem
                    icon="arrowRight"
                    disabled={index === stageCount - 1}
                    onSelect={() => {
                      close();
                      onMove(1);
                    }}
                  >
                    {t("journeys.map.moveStageRight")}
                  </MenuItem>
                  <MenuItem
                    icon="trash"
                    tone="danger"
                    onSelect={() => {
                      close();
                      onDelete();
                    }}
                  >
                    {t("journeys.map.deleteStage")}
                  </MenuItem>
                </>
              )}
            </MenuButton>
          </div>
        )}
      </div>
    </th>
  );
}

export function StepCard({
  step,
  number,
  first,
  readOnly,
  editTitle,
  highlight,
  drop,
  canMoveLeft,
  canMoveRight,
  onChange,
  onMove,
  onDelete,
}: {
  step: Step;
  number: number;
  first: boolean;
  readOnly: boolean;
  editTitle: boolean;
  highlight?: string | undefined;
  /** Shows where a dragged step would be dropped. */
  drop?: "before" | "after" | undefined;
  canMoveLeft: boolean;
  canMoveRight: boolean;
  onChange: (patch: Partial<Step>) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useSortable({
    id: step.id,
    disabled: readOnly,
  });
  const classes = [
    "jm-step",
    first ? "jm-cell--first" : "",
    step.signature ? "jm-step--signature" : "",
    step.momentOfTruth ? "jm-step--mot" : "",
    isDragging ? "jm-step--dragging" : "",
    drop ? `jm-step--drop-${drop}` : "",
    highlight ? `jm-step--${highlight}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <th ref={setNodeRef} scope="col" className={classes}>
      <div className="step-card" id={`step-${step.id}`} tabIndex={-1} data-step-id={step.id}>
        <div className="step-card__top">
          {readOnly ? null : (
            <button
              ref={setActivatorNodeRef}
              type="button"
              className="drag-handle no-export"
              {...attributes}
              {...listeners}
              aria-label={t("journeys.map.dragStep", { title: step.title })}
              title={t("journeys.map.dragHint")}
            >
              <Icon name="grip" size={16} />
            </button>
          )}
          <span className="step-card__number">{number}</span>
          <div className="step-card__flags no-export">
            {readOnly ? null : (
              <>
                <button
                  type="button"
                  className="flag-toggle flag-toggle--signature"
                  aria-pressed={step.signature}
                  aria-label={t("journeys.flags.signatureFor", { title: step.title })}
                  title={t("journeys.flags.signature")}
                  onClick={() => onChange({ signature: !step.signature })}
                >
                  <Icon name="star" size={15} filled={step.signature} />
                </button>
                <button
                  type="button"
                  className="flag-toggle flag-toggle--mot"
                  aria-pressed={step.momentOfTruth}
                  aria-label={t("journeys.flags.momentOfTruthFor", { title: step.title })}
                  title={t("journeys.flags.momentOfTruth")}
                  onClick={() => onChange({ momentOfTruth: !step.momentOfTruth })}
                >
                  <Icon name="flag" size={15} filled={step.momentOfTruth} />
                </button>
                <MenuButton
                  label={t("journeys.map.stepActions", { title: step.title })}
                  icon="more"
                  iconOnly
                  align="end"
                >
                  {(close) => (
                    <>
                      <MenuItem
                        icon="arrowLeft"
                        disabled={!canMoveLeft}
                        onSelect={() => {
                          close();
                          onMove(-1);
                        }}
                      >
                        {t("journeys.map.moveStepLeft")}
                      </MenuItem>
                      <MenuItem
                        icon="arrowRight"
                        disabled={!canMoveRight}
                        onSelect={() => {
                          close();
                          onMove(1);
                        }}
                      >
                        {t("journeys.map.moveStepRight")}
                      </MenuItem>
                      <MenuItem
                        icon="trash"
                        tone="danger"
                        onSelect={() => {
                          close();
                          onDelete();
                        }}
                      >
                        {t("journeys.map.deleteStep")}
                      </MenuItem>
                    </>
                  )}
                </MenuButton>
              </>
            )}
          </div>
        </div>
        <div className="step-card__title">
          <TextCell
            label={t("journeys.lanes.title", { n: number })}
            value={step.title}
            placeholder={t("journeys.map.stepTitlePlaceholder")}
            readOnly={readOnly}
            initialEditing={editTitle}
            onCommit={(title) => onChange({ title: title || step.title })}
          />
        </div>
        <div className="step-card__action">
          <TextCell
            label={t("journeys.lanes.customerActionFor", { title: step.title })}
            value={step.customerAction}
            placeholder={t("journeys.map.customerActionPlaceholder")}
            multiline
            readOnly={readOnly}
            onCommit={(customerAction) => onChange({ customerAction })}
          />
        </div>
        {step.signature || step.momentOfTruth ? (
          <div className="step-card__badges">
            {step.signature ? <FlagBadge kind="signature" /> : null}
            {step.momentOfTruth ? <FlagBadge kind="mot" /> : null}
          </div>
        ) : null}
      </div>
    </th>
  );
}

export function FlagBadge({ kind }: { kind: "signature" | "mot" }) {
  const { t } = useTranslation();
  return kind === "signature" ? (
    <span className="flag-badge flag-badge--signature">
      <Icon name="star" size={12} filled />
      {t("journeys.flags.signature")}
    </span>
  ) : (
    <span className="flag-badge flag-badge--mot">
      <Icon name="flag" size={12} filled />
      {t("journeys.flags.momentOfTruth")}
    </span>
  );
}
