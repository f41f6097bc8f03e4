/** One event of a unit as the instance computation sees it. */
export interface InstanceEvent {
  /** Milliseconds since the epoch. */
  at: number;
  /** Positions (0-based, journey order) of the mapped steps this event matches; empty for a pure contact. */
  steps: readonly number[];
  /** A contact event (a call, chat, ticket …), whether or not it matches a step. */
  contact: boolean;
  channel: string;
}

export interface ComputedInstance {
  startedAt: number;
  endedAt: number;
  completed: boolean;
  /** Per assigned event, in time order: the mapped step's position, time and channel. */
  stepIndexes: number[];
  stepTimes: number[];
  stepChannels: string[];
  contactTimes: number[];
  contactChannels: string[];
}

/**
 * Which of its matching steps an event is assigned to, given the furthest position the instance has
 * reached: the first matching step at or after it (a repeat of the current step stays there, the next
 * steps move on), else the furthest matching step before it (a customer going back). A touchpoint used
 * by several steps thereby serves the one the customer is at.
 */
export function assignStep(matching: readonly number[], position: number): number {
  let ahead = Number.POSITIVE_INFINITY;
  let behind = -1;
  for (const s of matching) {
    if (s >= position) ahead = Math.min(ahead, s);
    else behind = Math.max(behind, s);
  }
  return ahead !== Number.POSITIVE_INFINITY ? ahead : behind;
}

/**
 * A unit's journey instances from its events (docs/api/journey-analytics.md §6). Events are taken in
 * time order (at equal times the one matching the earliest step first). An instance starts at the first
 * event matching a mapped step; it is completed when an event is assigned to the journey's last mapped
 * step, and the unit's next matching event starts a new instance. A gap of more than `inactivityMs`
 * between two matching events also starts a new one (the earlier stays open and reads as dropped).
 * A contact event belongs to the latest instance started at or before it, unless it comes more than
 * `inactivityMs` after that instance's last matching event; contacts before any instance are left out.
 */
export function computeInstances(
  events: readonly InstanceEvent[],
  mappedSteps: number,
  inactivityMs: number,
): ComputedInstance[] {
  const sorted = [...events].sort(
    (a, b) => a.at - b.at || firstStep(a) - firstStep(b) || Number(a.contact) - Number(b.contact),
  );
  const last = mappedSteps - 1;
  const instances: ComputedInstance[] = [];
  let current: ComputedInstance | undefined;
  let position = 0;
  for (const e of sorted) {
    if (e.steps.length === 0) continue;
    if (!current || current.completed || e.at - current.endedAt > inactivityMs) {
      current = {
        startedAt: e.at,
        endedAt: e.at,
        completed: false,
        stepIndexes: [],
        stepTimes: [],
        stepChannels: [],
        contactTimes: [],
        contactChannels: [],
      };
      instances.push(current);
      position = 0;
    }
    const step = assignStep(e.steps, position);
    position = Math.max(position, step);
    current.stepIndexes.push(step);
    current.stepTimes.push(e.at);
    current.stepChannels.push(e.channel);
    current.endedAt = e.at;
    if (step === last) current.completed = true;
  }
  // Contacts: the latest instance started at or before them, while it is still open (a call after the
  // last step, e.g. because nothing happens, is the contact that matters most).
  let i = -1;
  for (const e of sorted) {
    if (!e.contact) continue;
    while (i + 1 < instances.length && (instances[i + 1] as ComputedInstance).startedAt <= e.at) i++;
    const instance = instances[i];
    if (instance && e.at - instance.endedAt <= inactivityMs) {
      instance.contactTimes.push(e.at);
      instance.contactChannels.push(e.channel);
    }
  }
  return instances;
}

const firstStep = (e: InstanceEvent): number =>
  e.steps.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...e.steps);
