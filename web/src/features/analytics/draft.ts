import type {
  AnalyticsScope,
  AnalyticsStep,
  ConversionWindow,
  FunnelRequest,
  OrderMode,
  PathDirection,
  PathsRequest,
  WaitingTimesRequest,
  WindowUnit,
} from "../../api/analytics";
import { browserTimeZone, startOfDay } from "../metrics/range";

/** The form's state of one step: texts as typed; `key` keeps React rows stable while steps move. */
export interface StepDraft {
  key: number;
  event: string;
  where: string;
}

export interface ScopeDraft {
  /** Days of `<input type="date">`; empty means the API's default (the last 90 days). */
  fromDay: string;
  toDay: string;
}

export interface WindowDraft {
  value: string;
  unit: WindowUnit;
}

export interface FunnelDraft {
  steps: StepDraft[];
  order: OrderMode;
  window: WindowDraft;
  scope: ScopeDraft;
}

export interface WaitingDraft {
  from: StepDraft;
  to: StepDraft;
  window: WindowDraft;
  /** A target wait; empty for none. */
  target: string;
  targetUnit: WindowUnit;
  scope: ScopeDraft;
}

export interface PathsDraft {
  anchor: StepDraft;
  /** The step the units did not reach after the anchor; empty event for everyone. */
  unless: StepDraft;
  direction: PathDirection;
  depth: number;
  window: WindowDraft;
  scope: ScopeDraft;
}

export const MIN_STEPS = 2;
export const MAX_STEPS = 10;
export const MAX_DEPTH = 5;

let nextKey = 1;
export const newStep = (event = "", where = ""): StepDraft => ({ key: nextKey++, event, where });

const NO_SCOPE: ScopeDraft = { fromDay: "", toDay: "" };

/**
 * The demo data's first scenario (src/core/demo/seed-demo-events.ts), so a demo workspace shows a
 * funnel at once; any workspace can change the steps.
 */
export const DEFAULT_FUNNEL_EVENTS = [
  "Page Viewed",
  "Availability Checked",
  "Move Order Submitted",
  "Order Confirmation Sent",
] as const;

export const defaultFunnel = (): FunnelDraft => ({
  steps: DEFAULT_FUNNEL_EVENTS.map((e) => newStep(e)),
  order: "ordered",
  window: { value: "30", unit: "days" },
  scope: NO_SCOPE,
});

export const defaultWaiting = (): WaitingDraft => ({
  from: newStep("Ticket Created"),
  to: newStep("Call Ended"),
  window: { value: "30", unit: "days" },
  target: "",
  targetUnit: "hours",
  scope: NO_SCOPE,
});

export const defaultPaths = (): PathsDraft => ({
  anchor: newStep("Page Viewed"),
  unless: newStep(),
  direction: "after",
  depth: 3,
  window: { value: "30", unit: "days" },
  scope: NO_SCOPE,
});

const UNIT_SECONDS: Record<WindowUnit, number> = { minutes: 60, hours: 3600, days: 86_400 };

/** Client-side problems, by the same JSON pointers the API uses, so both show at the same field. */
export type DraftErrors = Map<string, "required" | "positive">;

export function stepOf(draft: StepDraft): AnalyticsStep {
  const where = draft.where.trim();
  return where ? { event: draft.event.trim(), where } : { event: draft.event.trim() };
}

function checkStep(draft: StepDraft, pointer: string, errors: DraftErrors) {
  if (!draft.event.trim()) errors.set(`${pointer}/event`, "required");
}

function windowOf(draft: WindowDraft, errors: DraftErrors): ConversionWindow {
  const value = Number(draft.value.replace(",", "."));
  if (!(value > 0)) errors.set("/body/window/value", "positive");
  return { value, unit: draft.unit };
}

/** The scope of a request: whole days in the browser's time zone, `to` exclusive (the next midnight). */
export function scopeOf(draft: ScopeDraft): AnalyticsScope {
  const scope: AnalyticsScope = { timezone: browserTimeZone() };
  const from = draft.fromDay ? startOfDay(draft.fromDay) : undefined;
  if (from) scope.from = from;
  if (draft.toDay) {
    const next = new Date(`${draft.toDay}T00:00:00`);
    next.setDate(next.getDate() + 1);
    if (!Number.isNaN(next.getTime())) scope.to = next.toISOString();
  }
  return scope;
}

export function funnelRequest(draft: FunnelDraft): { request: FunnelRequest; errors: DraftErrors } {
  const errors: DraftErrors = new Map();
  draft.steps.forEach((s, i) => {
    checkStep(s, `/body/steps/${i}`, errors);
  });
  const request: FunnelRequest = {
    ...scopeOf(draft.scope),
    steps: draft.steps.map(stepOf),
    window: windowOf(draft.window, errors),
    order: draft.order,
  };
  return { request, errors };
}

export function waitingRequest(draft: WaitingDraft): { request: WaitingTimesRequest; errors: DraftErrors } {
  const errors: DraftErrors = new Map();
  checkStep(draft.from, "/body/fromStep", errors);
  checkStep(draft.to, "/body/toStep", errors);
  const request: WaitingTimesRequest = {
    ...scopeOf(draft.scope),
    fromStep: stepOf(draft.from),
    toStep: stepOf(draft.to),
    window: windowOf(draft.window, errors),
  };
  if (draft.target.trim()) {
    const target = Number(draft.target.replace(",", "."));
    if (target > 0) request.targetSeconds = Math.round(target * UNIT_SECONDS[draft.targetUnit]);
    else errors.set("/body/targetSeconds", "positive");
  }
  return { request, errors };
}

export function pathsRequest(draft: PathsDraft): { request: PathsRequest; errors: DraftErrors } {
  const errors: DraftErrors = new Map();
  checkStep(draft.anchor, "/body/anchor", errors);
  const request: PathsRequest = {
    ...scopeOf(draft.scope),
    anchor: stepOf(draft.anchor),
    direction: draft.direction,
    depth: draft.depth,
    window: windowOf(draft.window, errors),
  };
  if (draft.direction === "after" && draft.unless.event.trim()) request.unless = stepOf(draft.unless);
  return { request, errors };
}

/** A local day (`YYYY-MM-DD`) of an instant, as `<input type="date">` holds it. */
function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The paths after dropping out of a funnel before `step`: anchored at the step before it, only units
 * that did not reach it, with the funnel's window and days.
 */
export function droppedPathsDraft(request: FunnelRequest, step: number): PathsDraft {
  const stepDraft = (s: FunnelRequest["steps"][number] | undefined) =>
    newStep(s?.event ?? "", s?.where ?? "");
  const to = request.to ? new Date(new Date(request.to).getTime() - 1) : null;
  return {
    anchor: stepDraft(request.steps[step - 1]),
    unless: stepDraft(request.steps[step]),
    direction: "after",
    depth: 3,
    window: request.window
      ? { value: String(request.window.value), unit: request.window.unit }
      : { value: "30", unit: "days" },
    scope: {
      fromDay: request.from ? localDay(new Date(request.from)) : "",
      toDay: to ? localDay(to) : "",
    },
  };
}
