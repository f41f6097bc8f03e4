import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from "@dnd-kit/sortable";
import { type ReactNode, type Ref, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JourneyDocument, Stage, Step, StepMeasures, Touchpoint } from "../../api/journey-design";
import { Icon } from "../../components/Icon";
import { EmotionCell, emotionKey, ListCell, RatingCell, signed, TextCell } from "./cells";
import {
  addStage,
  addStep,
  allSteps,
  emptyStage,
  emptyStep,
  findStep,
  moveStage,
  moveStep,
  removeStep,
  shiftStep,
  updateStage,
  updateStep,
} from "./document";
import { type CurvePoint, EmotionCurve } from "./EmotionCurve";
import { StageHeader, StepCard } from "./MapHeaders";
import { MeasuredFlowCell, MeasuredRatingCell } from "./MeasuredCells";
import { TouchpointCell } from "./TouchpointCell";

const LANE_WIDTH = 172;
const STEP_WIDTH = 216;
const CURVE_HEIGHT = 168;

interface Column {
  key: string;
  stage: Stage;
  step: Step | null;
  number: number;
  /** The first column of its stage, where the stage boundary is drawn. */
  first: boolean;
}

function columnsOf(doc: JourneyDocument): Column[] {
  let n = 0;
  return doc.stages.flatMap((stage): Column[] =>
    stage.steps.length === 0
      ? [{ key: `empty:${stage.id}`, stage, step: null, number: 0, first: true }]
      : stage.steps.map((step, i) => ({ key: step.id, stage, step, number: ++n, first: i === 0 })),
  );
}

export interface JourneyMapProps {
  doc: JourneyDocument;
  touchpoints: Touchpoint[];
  onChange: (next: JourneyDocument) => void;
  onRequestDeleteStage: (stage: Stage) => void;
  readOnly?: boolean;
  tableRef?: Ref<HTMLTableElement>;
  /** Step id → change kind, to highlight steps in a comparison. */
  highlights?: ReadonlyMap<string, string>;
  /** Step id → measured values; when given, the measured lanes are shown. */
  measures?: ReadonlyMap<string, StepMeasures> | null;
}

/** The journey map: stages as column groups, steps as columns, one row per lane. */
export function JourneyMap({
  doc,
  touchpoints,
  onChange,
  onRequestDeleteStage,
  readOnly = false,
  tableRef,
  highlights,
  measures,
}: JourneyMapProps) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(touchpoints.map((tp) => [tp.id, tp])), [touchpoints]);
  const columns = useMemo(() => columnsOf(doc), [doc]);
  const [fresh, setFresh] = useState<string | null>(null);
  const [dragging, setDragging] = useState<Step | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const steps = useMemo(() => allSteps(doc), [doc]);
  const firstId = steps[0]?.step.id;
  const lastId = steps[steps.length - 1]?.step.id;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: string | number) => findStep(doc, String(id))?.step.title ?? "";
  const placeOf = (id: string | number) => {
    const key = String(id);
    if (key.startsWith("stage:") || key.startsWith("empty:")) {
      const stage = doc.stages.find((s) => s.id === key.slice(key.indexOf(":") + 1));
      return t("journeys.dnd.endOf", { stage: stage?.name ?? "" });
    }
    const at = findStep(doc, key);
    return at ? t("journeys.dnd.at", { stage: at.stage.name, position: at.index + 1 }) : "";
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("journeys.dnd.picked", { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t("journeys.dnd.over", { title: titleOf(active.id), place: placeOf(over.id) }) : "",
    onDragEnd: ({ active, over }) =>
      over
        ? t("journeys.dnd.dropped", { title: titleOf(active.id), place: placeOf(over.id) })
        : t("journeys.dnd.cancelled", { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t("journeys.dnd.cancelled", { title: titleOf(active.id) }),
  };

  function onDragStart(event: DragStartEvent) {
    setDragging(findStep(doc, String(event.active.id))?.step ?? null);
  }

  /** Where the dragged step would land relative to the step it is over (as `moveStep` will place it). */
  function dropSide(stepId: string): "before" | "after" | undefined {
    if (!dragging || overId !== stepId || dragging.id === stepId) return undefined;
    const from = findStep(doc, dragging.id);
    const to = findStep(doc, stepId);
    return from && to && from.stage.id === to.stage.id && from.index < to.index ? "after" : "before";
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    setOverId(null);
    if (!over || over.id === active.id) return;
    const overId = String(over.id);
    const activeId = String(active.id);
    if (overId.startsWith("stage:") || overId.startsWith("empty:")) {
      const stageId = overId.slice(overId.indexOf(":") + 1);
      const stage = doc.stages.find((s) => s.id === stageId);
      if (!stage) return;
      const count = stage.steps.filter((s) => s.id !== activeId).length;
      onChange(moveStep(doc, activeId, stageId, count));
      return;
    }
    const target = findStep(doc, overId);
    if (target) onChange(moveStep(doc, activeId, target.stage.id, target.index));
  }

  const change = (stepId: string, patch: Partial<Step>) => onChange(updateStep(doc, stepId, patch));

  const cellClass = (c: Column, extra?: string) =>
    [
      "jm-cell",
      c.first ? "jm-cell--first" : "",
      c.step ? "" : "jm-cell--empty",
      c.step && highlights?.get(c.step.id) ? `jm-cell--${highlights.get(c.step.id)}` : "",
      c.step?.signature ? "jm-cell--signature" : "",
      extra ?? "",
    ]
      .filter(Boolean)
      .join(" ");

  function addStepTo(stage: Stage) {
    const step = emptyStep(t("journeys.map.newStep"));
    setFresh(step.id);
    onChange(addStep(doc, stage.id, step));
  }

  function addNewStage() {
    const stage = emptyStage(t("journeys.map.newStage"));
    setFresh(stage.id);
    onChange(addStage(doc, stage));
  }

  const width = LANE_WIDTH + columns.length * STEP_WIDTH;
  const curve: CurvePoint[] = columns.map((c) => ({
    key: c.key,
    title: c.step?.title ?? "",
    emotion: c.step?.emotion ?? null,
    signature: c.step?.signature ?? false,
  }));
  const curveLabel = t("journeys.map.curveDescription", {
    values: steps
      .map(({ step }) => `${step.title}: ${step.emotion === null ? "–" : signed(step.emotion)}`)
      .join("; "),
  });

  const lane = (
    key: string,
    label: string,
    render: (step: Step, number: number) => ReactNode,
    hint?: string,
  ) => (
    <tr className={`jm-row jm-row--${key}`}>
      <th scope="row" className="jm-lane">
        <span className="jm-lane__label">{label}</span>
        {hint ? <span className="jm-lane__hint">{hint}</span> : null}
      </th>
      {columns.map((c) =>
        c.step ? (
          <td key={c.key} className={cellClass(c)}>
            {render(c.step, c.number)}
          </td>
        ) : (
          <td key={c.key} className={cellClass(c)} />
        ),
      )}
    </tr>
  );

  if (doc.stages.length === 0) {
    return (
      <div className="jm-empty">
        <Icon name="journeys" size={28} />
        <h2 className="empty-state__title">{t("journeys.map.noStagesTitle")}</h2>
        <p className="empty-state__body">{t("journeys.map.noStagesBody")}</p>
        {readOnly ? null : (
          <button type="button" className="button button--primary" onClick={addNewStage}>
            <Icon name="plus" size={16} />
            {t("journeys.map.addStage")}
          </button>
        )}
      </div>
    );
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={onDragStart}
      onDragOver={(event: DragOverEvent) => setOverId(event.over ? String(event.over.id) : null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDragging(null);
        setOverId(null);
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t("journeys.dnd.instructions") },
      }}
    >
      <div className="jm-layout">
        <div className="jm-scroll">
          <table ref={tableRef} className="journey-map" style={{ width }}>
            <caption className="sr-only">{t("journeys.map.caption", { title: doc.title })}</caption>
            <colgroup>
              <col className="jm-col-lane" />
              {columns.map((c) => (
                <col key={c.key} className="jm-col-step" />
              ))}
            </colgroup>
            <thead>
              <tr className="jm-row jm-row--stages">
                <td className="jm-corner">
                  <span className="jm-corner__label">{t("journeys.lanes.stage")}</span>
                </td>
                {doc.stages.map((stage, i) => (
                  <StageHeader
                    key={stage.id}
                    stage={stage}
                    index={i}
                    stageCount={doc.stages.length}
                    colSpan={Math.max(1, stage.steps.length)}
                    readOnly={readOnly}
                    editName={fresh === stage.id}
                    onRename={(name) => onChange(updateStage(doc, stage.id, { name }))}
                    onAddStep={() => addStepTo(stage)}
                    onMove={(delta) => onChange(moveStage(doc, stage.id, delta))}
                    onDelete={() => onRequestDeleteStage(stage)}
                  />
                ))}
              </tr>
              <tr className="jm-row jm-row--steps">
                <th scope="row" className="jm-lane">
                  <span className="jm-lane__label">{t("journeys.lanes.step")}</span>
                  <span className="jm-lane__hint">{t("journeys.lanes.customerAction")}</span>
                </th>
                {doc.stages.map((stage) =>
                  stage.steps.length === 0 ? (
                    <EmptyStageCell
                      key={stage.id}
                      stage={stage}
                      readOnly={readOnly}
                      onAdd={() => addStepTo(stage)}
                    />
                  ) : (
                    <SortableContext
                      key={stage.id}
                      items={stage.steps.map((s) => s.id)}
                      strategy={horizontalListSortingStrategy}
                    >
                      {stage.steps.map((step) => {
                        const c = columns.find((col) => col.key === step.id);
                        return (
                          <StepCard
                            key={step.id}
                            step={step}
                            number={c?.number ?? 0}
                            first={c?.first ?? false}
                            readOnly={readOnly}
                            editTitle={fresh === step.id}
                            highlight={highlights?.get(step.id)}
                            drop={dropSide(step.id)}
                            canMoveLeft={step.id !== firstId}
                            canMoveRight={step.id !== lastId}
                            onChange={(patch) => change(step.id, patch)}
                            onMove={(delta) => onChange(shiftStep(doc, step.id, delta))}
                            onDelete={() => onChange(removeStep(doc, step.id))}
                          />
                        );
                      })}
                    </SortableContext>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {lane("touchpoint", t("journeys.lanes.touchpoint"), (step, n) => (
                <TouchpointCell
                  label={t("journeys.lanes.touchpointFor", { n })}
                  touchpointId={step.touchpointId}
                  touchpoints={touchpoints}
                  byId={byId}
                  readOnly={readOnly}
                  onCommit={(touchpointId) => change(step.id, { touchpointId })}
                />
              ))}
              {measures
                ? lane(
                    "measured",
                    t("journeys.measures.flowLane"),
                    (step) => <MeasuredFlowCell measures={measures.get(step.id)} />,
                    t("journeys.measures.flowLaneHint"),
                  )
                : null}
              {lane("expectation", t("journeys.lanes.expectation"), (step, n) => (
                <TextCell
                  label={t("journeys.lanes.expectationFor", { n })}
                  value={step.expectation}
                  placeholder={t("journeys.map.add")}
                  multiline
                  readOnly={readOnly}
                  onCommit={(expectation) => change(step.id, { expectation })}
                />
              ))}
              {lane("thoughts", t("journeys.lanes.thoughts"), (step, n) => (
                <TextCell
                  label={t("journeys.lanes.thoughtsFor", { n })}
                  value={step.thoughts}
                  placeholder={t("journeys.map.add")}
                  multiline
                  readOnly={readOnly}
                  className="cell-view--quote"
                  onCommit={(thoughts) => change(step.id, { thoughts })}
                />
              ))}
              <tr className="jm-row jm-row--curve">
                <th scope="row" className="jm-lane jm-lane--emotion">
                  <span className="jm-lane__label">{t("journeys.lanes.emotion")}</span>
                  <span className="jm-scale" aria-hidden="true">
                    <span className="jm-scale__tick jm-scale__tick--pos">+3</span>
                    <span className="jm-scale__tick jm-scale__tick--zero">0</span>
                    <span className="jm-scale__tick jm-scale__tick--neg">−3</span>
                  </span>
                </th>
                <td colSpan={columns.length} className="jm-curve-cell">
                  <EmotionCurve
                    points={curve}
                    width={columns.length * STEP_WIDTH}
                    height={CURVE_HEIGHT}
                    ariaLabel={curveLabel}
                    tooltip={(p) =>
                      p.emotion === null
                        ? p.title
                        : `${p.title}\n${signed(p.emotion)} ${t(`journeys.emotions.${emotionKey(p.emotion)}`)}${
                            p.signature ? `\n★ ${t("journeys.flags.signature")}` : ""
                          }`
                    }
                  />
                </td>
              </tr>
              <tr className="jm-row jm-row--emotion">
                <th scope="row" className="jm-lane">
                  <span className="jm-lane__hint">{t("journeys.lanes.emotionValue")}</span>
                </th>
                {columns.map((c) =>
                  c.step ? (
                    <td key={c.key} className={cellClass(c, "jm-cell--emotion")}>
                      <EmotionCell
                        label={t("journeys.lanes.emotionFor", { n: c.number })}
                        value={c.step.emotion}
                        readOnly={readOnly}
                        onCommit={(emotion) => c.step && change(c.step.id, { emotion })}
                      />
                    </td>
                  ) : (
                    <td key={c.key} className={cellClass(c)} />
                  ),
                )}
              </tr>
              {lane("rating", t("journeys.lanes.customerRating"), (step, n) => (
                <RatingCell
                  label={t("journeys.lanes.customerRatingFor", { n })}
                  value={step.customerRating}
                  readOnly={readOnly}
                  onCommit={(customerRating) => change(step.id, { customerRating })}
                />
              ))}
              {measures
                ? lane(
                    "measured-rating",
                    t("journeys.measures.ratingLane"),
                    (step) => (
                      <MeasuredRatingCell workshop={step.customerRating} measures={measures.get(step.id)} />
                    ),
                    t("journeys.measures.ratingLaneHint"),
                  )
                : null}
              {lane("pain", t("journeys.lanes.painPoints"), (step, n) => (
                <ListCell
                  label={t("journeys.lanes.painPointsFor", { n })}
                  values={step.painPoints}
                  placeholder={t("journeys.map.add")}
                  tone="pain"
                  readOnly={readOnly}
                  onCommit={(painPoints) => change(step.id, { painPoints })}
                />
              ))}
              {lane("insights", t("journeys.lanes.insights"), (step, n) => (
                <ListCell
                  label={t("journeys.lanes.insightsFor", { n })}
                  values={step.insights}
                  placeholder={t("journeys.map.add")}
                  tone="insights"
                  readOnly={readOnly}
                  onCommit={(insights) => change(step.id, { insights })}
                />
              ))}
              {lane("ideas", t("journeys.lanes.ideas"), (step, n) => (
                <ListCell
                  label={t("journeys.lanes.ideasFor", { n })}
                  values={step.ideas}
                  placeholder={t("journeys.map.add")}
                  tone="ideas"
                  readOnly={readOnly}
                  onCommit={(ideas) => change(step.id, { ideas })}
                />
              ))}
            </tbody>
          </table>
        </div>
        {readOnly ? null : (
          <button type="button" className="jm-add-stage no-export" onClick={addNewStage}>
            <Icon name="plus" size={16} />
            {t("journeys.map.addStage")}
          </button>
        )}
      </div>
      <DragOverlay>
        {dragging ? (
          <div className="step-card step-card--overlay">
            <span className="cell-text">{dragging.title}</span>
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function EmptyStageCell({ stage, readOnly, onAdd }: { stage: Stage; readOnly: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `empty:${stage.id}`, disabled: readOnly });
  return (
    <td
      ref={setNodeRef}
      className={isOver ? "jm-step-empty jm-cell--first jm-step-empty--over" : "jm-step-empty jm-cell--first"}
    >
      <p className="muted">{t("journeys.map.noSteps")}</p>
      {readOnly ? null : (
        <button type="button" className="button button--small" onClick={onAdd}>
          <Icon name="plus" size={14} />
          {t("journeys.map.addStep")}
        </button>
      )}
    </td>
  );
}
