import { DEMO_COMMENTS, type DemoTopic, TOUCHPOINT_TOPICS } from "./demo-comments.js";
import { clamp, type Rng, seededRng } from "./demo-random.js";
import { telecomMove } from "./demo-telecom.js";

/**
 * The telecom cohort: several hundred customers who walk the demo journey "Umzug mit Festnetz und
 * Internet" in event data, with drop-offs, skewed waits, calls and repeat contacts, rescheduled
 * technician appointments and linked step and journey ratings whose scores follow the operational
 * data. Pure: the same `now` gives the same cohort; `seed-demo-events.ts` writes it.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const TELECOM_COHORT_SIZE = 400;
export const TELECOM_COHORT_FIRST_ID = 20001;
/** Journeys start within this many days before `now`. */
const SPREAD_DAYS = 92;

export interface CohortEvent {
  name: string;
  channel: string;
  properties: Record<string, unknown>;
  /** Epoch ms. */
  at: number;
  /** Sent before the customer signed in: anonymous id only. */
  anonymous: boolean;
}

export interface CohortRating {
  /** Index of the rated step in the journey (stages, then steps, in order); null for the whole journey. */
  step: number | null;
  /** Touchpoint key of the rated step (null for the journey rating). */
  touchpointKey: string | null;
  metric: "csat" | "nps";
  value: number;
  text: string;
  at: number;
}

export interface CohortCustomer {
  n: number;
  userId: string;
  anonymousId: string;
  email: string;
  traits: { plan: string; region: string; tenure_months: number };
  /** When the customer signed in (the identify call linking anonymous and user id). */
  identifiedAt: number;
  events: CohortEvent[];
  feedback: CohortRating[];
  /** Operational facts the ratings were derived from (for tests and the README figures). */
  outcome: {
    completed: boolean;
    droppedOut: boolean;
    contacts: number;
    calls: number;
    reschedules: number;
    wrongAddress: boolean;
    confirmationWaitDays: number | null;
    /** "All touchpoints rated well, journey rated badly". */
    goodStepsBadJourney: boolean;
  };
}

/** The journey's steps in order with their touchpoint keys (stages, then steps). */
export const TELECOM_STEPS: readonly { title: string; tp: string | null }[] =
  telecomMove.journey.stages.flatMap((stage) => stage.steps.map((s) => ({ title: s.title, tp: s.tp })));

const stepOf = (tp: string): number => {
  const i = TELECOM_STEPS.findIndex((s) => s.tp === tp);
  if (i < 0) throw new Error(`the telecom journey has no step at touchpoint ${tp}`);
  return i;
};

/**
 * Steps customers are asked to rate: their typical satisfaction (1–5) before operational effects,
 * and how likely a respondent is asked about that step (relative weight).
 */
const RATED_STEPS: Record<string, { mean: number; weight: number }> = {
  "tk-website-umzug": { mean: 4.0, weight: 0.5 },
  "tk-verfuegbarkeit": { mean: 4.4, weight: 0.5 },
  "tk-umzugsauftrag": { mean: 4.3, weight: 1 },
  "tk-bestaetigung-mail": { mean: 3.8, weight: 1 },
  "tk-sendungsverfolgung": { mean: 3.5, weight: 1 },
  "tk-hotline": { mean: 3.6, weight: 2.5 },
  "tk-terminvereinbarung": { mean: 4.1, weight: 1 },
  "tk-techniker-besuch": { mean: 4.6, weight: 3 },
  "tk-erste-rechnung": { mean: 3.3, weight: 1.5 },
  "tk-chat": { mean: 3.9, weight: 2 },
};

const lognormal = (rng: Rng, median: number, sigma: number) => median * Math.exp(sigma * rng.normal(0, 1));

/** Starts of the week's days by demand: Mondays busiest, Saturdays quiet (0 = Sunday). */
const WEEKDAY_WEIGHT = [0.55, 1, 0.9, 0.85, 0.8, 0.65, 0.4];

/**
 * Moves `t` into a working window: `days` (0 = Sunday) between `from` and `to` o'clock UTC (about
 * an hour behind German time); a time outside moves to the next window's start plus a little jitter.
 */
function inHours(rng: Rng, t: number, from: number, to: number, days: readonly number[]): number {
  let d = new Date(t);
  for (let i = 0; i < 10; i++) {
    const h = d.getUTCHours() + d.getUTCMinutes() / 60;
    if (days.includes(d.getUTCDay()) && h >= from && h < to) return d.getTime();
    const next = new Date(d);
    if (!days.includes(d.getUTCDay()) || h >= to) next.setUTCDate(next.getUTCDate() + 1);
    next.setUTCHours(from, 0, 0, 0);
    d = new Date(next.getTime() + rng.int(0, 90) * MINUTE);
  }
  return d.getTime();
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];
const office = (rng: Rng, t: number) => inHours(rng, t, 7, 17, WEEKDAYS);
const hotline = (rng: Rng, t: number) => inHours(rng, t, 7, 19, MON_SAT);
const awake = (rng: Rng, t: number) => inHours(rng, t, 6, 22, [0, 1, 2, 3, 4, 5, 6]);

/** A start moment in the last SPREAD_DAYS days: weekday pattern by rejection, evenings busier online. */
function startTime(rng: Rng, now: number): number {
  const today = Math.floor(now / DAY) * DAY;
  for (;;) {
    const day = today - rng.int(0, SPREAD_DAYS - 1) * DAY;
    if (rng.next() > (WEEKDAY_WEIGHT[new Date(day).getUTCDay()] ?? 1)) continue;
    const hour = rng.chance(0.45) ? rng.normal(19, 1.8) : rng.normal(11, 2.6);
    const t = day + Math.min(22.9, Math.max(5.5, hour)) * HOUR;
    return t < now ? t : t - DAY;
  }
}

const JOURNEY_COMMENTS = {
  promoter: [
    "Der Umzug lief reibungslos, am Einzugstag hatte ich Internet.",
    "Alles online erledigt, kein einziger Anruf nötig – so soll es sein.",
    "Schnell, unkompliziert und der Techniker war top.",
  ],
  contacts: [
    "Ich musste mehrmals anrufen und jedes Mal alles von vorne erklären.",
    "Für einen einfachen Umzug war ich viel zu oft mit dem Service in Kontakt.",
    "Niemand kannte meinen Fall, jeder Anruf fing bei null an.",
  ],
  wait: [
    "Fast eine Woche keine Bestätigung, ich wusste nicht, ob der Auftrag angekommen ist.",
    "Vom Auftrag bis zur Schaltung hat es viel zu lange gedauert.",
  ],
  appointment: [
    "Der Techniker-Termin wurde kurzfristig verschoben, ich hatte mir extra freigenommen.",
    "Zwei Wochen ohne Internet im Homeoffice, weil der Termin verschoben wurde.",
  ],
  delivery: [
    "Der Router ging an die alte Adresse, danach begann das Chaos.",
    "Das Paket kam an die alte Adresse, obwohl die neue im Auftrag stand.",
  ],
  dropout: [
    "Ich habe den Umzug am Ende bei einem anderen Anbieter gemacht.",
    "Zu kompliziert und zu langsam, ich habe abgebrochen.",
  ],
  goodStepsBadJourney: [
    "Jeder einzelne Kontakt war freundlich, aber insgesamt hat der Umzug viel zu lange gedauert.",
    "Die Mitarbeiter waren nett, trotzdem hat es sich wie ein Hürdenlauf angefühlt.",
    "Einzeln war alles okay – das Ganze war ein Ärgernis von Anfang bis Ende.",
  ],
} as const;

/** The telecom cohort for `now`: the same every installation (seeded), relative to `now`. */
export function telecomCohort(now: Date): CohortCustomer[] {
  const rng = seededRng(20261124);
  return Array.from({ length: TELECOM_COHORT_SIZE }, (_, i) =>
    cohortCustomer(rng, now.getTime(), TELECOM_COHORT_FIRST_ID + i),
  );
}

function cohortCustomer(rng: Rng, now: number, n: number): CohortCustomer {
  const userId = `K-${n}`;
  const anonymousId = `demo-anon-${n}`;
  const traits = {
    plan: rng.chance(0.4) ? "home_office" : rng.pick(["basic", "comfort", "comfort"]),
    region: rng.pick(["Nord", "Süd", "West", "Ost"]),
    tenure_months: rng.int(3, 144),
  };
  const events: CohortEvent[] = [];
  const push = (name: string, channel: string, at: number, properties: Record<string, unknown> = {}) => {
    events.push({ name, channel, properties, at, anonymous: false });
    return at;
  };

  // Stage 1, plan the move: the move page, availability check, order (web and app).
  const t0 = startTime(rng, now);
  events.push({
    name: "Page Viewed",
    channel: "web",
    properties: { path: "/umzug" },
    at: t0,
    anonymous: true,
  });
  const identifiedAt = t0 + rng.int(40, 240) * 1000;
  let t = identifiedAt + rng.int(20, 200) * 1000;
  if (rng.chance(0.6)) push("Page Viewed", "web", t, { path: rng.pick(["/umzug/ablauf", "/umzug/kosten"]) });

  // One in five only reads about the move.
  let dropped = rng.chance(0.2);
  let ended = false;
  const outcome: CohortCustomer["outcome"] = {
    completed: false,
    droppedOut: false,
    contacts: 0,
    calls: 0,
    reschedules: 0,
    wrongAddress: false,
    confirmationWaitDays: null,
    goodStepsBadJourney: false,
  };
  const reached = new Map<string, number>();
  const reach = (tp: string, at: number) => {
    if (!reached.has(tp)) reached.set(tp, at);
    return at;
  };
  reach("tk-website-umzug", t0);

  // Contacts: a call is queued, then ended; follow-ups within a week are repeat contacts, some by chat.
  const contactEnds: number[] = [];
  const contact = (at: number, topic: string, viaChat: boolean) => {
    const start = viaChat ? awake(rng, at) : hotline(rng, at);
    // A repeat contact: another contact ended within the week before this one.
    const repeat = contactEnds.some((e) => e <= start && start - e <= 7 * DAY);
    const repeatProp = repeat ? { repeat_contact: true } : {};
    let end: number;
    if (viaChat) {
      end = start + Math.round(lognormal(rng, 9, 0.5) * MINUTE);
      push("Chat Ended", "chat", end, { topic, ...repeatProp });
      reach("tk-chat", end);
    } else {
      const queued = start;
      const waitSeconds = Math.round(lognormal(rng, 360, 0.85));
      const durationSeconds = Math.round(lognormal(rng, 420, 0.5));
      push("Call Queued", "phone", queued, { queue: "Umzug", topic });
      end = queued + (waitSeconds + durationSeconds) * 1000;
      push("Call Ended", "phone", end, { topic, waitSeconds, durationSeconds, ...repeatProp });
      reach("tk-warteschleife", queued);
      reach(repeat ? "tk-wiederholter-anruf" : "tk-hotline", end);
      outcome.calls++;
    }
    outcome.contacts++;
    contactEnds.push(end);
    return end;
  };
  /** A first contact about a problem and, with probability `pRepeat`, one to three follow-ups within a week. */
  const contactEpisode = (at: number, topic: string, pRepeat: number) => {
    let end = contact(at, topic, false);
    const first = end;
    if (!rng.chance(pRepeat)) return end;
    const more = rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3;
    for (let k = 0; k < more; k++) {
      const next = end + Math.round(lognormal(rng, 1.2, 0.7) * DAY);
      if (next - first > 6.5 * DAY) break;
      end = contact(next, topic, rng.chance(0.3));
    }
    return end;
  };

  if (!dropped) {
    const availabilityAt = rng.chance(0.82)
      ? t + Math.round(lognormal(rng, 3, 0.8) * MINUTE)
      : awake(rng, t + Math.round(lognormal(rng, 1.5, 0.8) * DAY));
    // A quarter of those who check do not order, often because the new address gets less bandwidth.
    const orders = rng.chance(0.8);
    t = reach(
      "tk-verfuegbarkeit",
      push("Availability Checked", "web", availabilityAt, {
        result: orders ? "available" : rng.pick(["available", "limited", "limited"]),
        bandwidthMbit: rng.pick([100, 250, 250, 500, 1000]),
      }),
    );
    if (!orders) dropped = true;
  }
  if (!dropped) {
    const orderAt = rng.chance(0.6)
      ? t + Math.round(lognormal(rng, 8, 0.7) * MINUTE)
      : awake(rng, t + Math.round(lognormal(rng, 1.5, 0.9) * DAY));
    t = reach(
      "tk-umzugsauftrag",
      push("Move Order Submitted", "app", orderAt, {
        tariff: rng.pick(["Basic 100", "Comfort 250", "Comfort 250", "Premium 1000"]),
        moveInDays: rng.int(10, 35),
      }),
    );
  }

  // Stage 2, order and confirmation: a hidden wait (median about 4.6 days), then the e-mail.
  let shipped = false;
  if (!dropped && rng.chance(0.98)) {
    const orderAt = t;
    const confirmAt = office(rng, orderAt + Math.round(lognormal(rng, 4, 0.5) * DAY));
    outcome.confirmationWaitDays = (confirmAt - orderAt) / DAY;
    // Nothing heard for days: some ask where their order is.
    if (confirmAt - orderAt > 5.5 * DAY && rng.chance(0.35))
      contactEpisode(orderAt + Math.round((4 + rng.next()) * DAY), "auftragsstatus", 0.3);
    reach("tk-warten-bestaetigung", push("Order Confirmation Sent", "server", confirmAt, { system: "OMS" }));
    t = reach(
      "tk-bestaetigung-mail",
      push("Email Sent", "email", confirmAt + rng.int(30, 180) * 1000, { template: "order_confirmation" }),
    );
    // Stage 3, hardware: dispatch; 18 % go to the old address (tracking, calls).
    if (rng.chance(0.98)) {
      shipped = true;
      outcome.wrongAddress = rng.chance(0.18);
      const carrier = rng.pick(["DHL", "DHL", "Hermes"]);
      t = reach(
        "tk-hardware-versand",
        push("Shipment Dispatched", "server", office(rng, t + Math.round(lognormal(rng, 1.2, 0.6) * DAY)), {
          carrier,
          hardware: "Router",
        }),
      );
      if (rng.chance(outcome.wrongAddress ? 0.9 : 0.5)) {
        const viewed = awake(rng, t + Math.round(lognormal(rng, 14, 0.7) * HOUR));
        reach("tk-sendungsverfolgung", push("Tracking Viewed", "web", viewed, { carrier }));
        if (outcome.wrongAddress && rng.chance(0.85))
          t = Math.max(
            t,
            contactEpisode(viewed + Math.round(lognormal(rng, 2, 0.8) * HOUR), "lieferung", 0.55),
          );
      }
      if (outcome.wrongAddress) t += Math.round(lognormal(rng, 3, 0.4) * DAY);
    } else dropped = true;
  } else dropped = true;

  // Stage 4, technician: an appointment, sometimes moved by the provider (once or twice), the visit.
  let visited = false;
  if (shipped && !dropped && rng.chance(0.98)) {
    const scheduledAt = reach(
      "tk-terminvereinbarung",
      push(
        "Technician Appointment Scheduled",
        "app",
        awake(rng, t + Math.round(lognormal(rng, 1, 0.7) * DAY)),
        {
          slot: "08:00–16:00",
        },
      ),
    );
    let visit = inHours(rng, scheduledAt + Math.round((2 + lognormal(rng, 3.5, 0.5)) * DAY), 7, 8, WEEKDAYS);
    outcome.reschedules = rng.chance(0.26) ? (rng.chance(0.3) ? 2 : 1) : 0;
    for (let k = 0; k < outcome.reschedules; k++) {
      const notice = inHours(rng, visit - rng.int(18, 40) * HOUR, 15, 19, [0, 1, 2, 3, 4, 5, 6]);
      const moved = Math.max(notice, scheduledAt + HOUR);
      push("Technician Appointment Rescheduled", "sms", moved, { by: "provider", reason: "capacity" });
      reach("tk-terminverschiebung", moved);
      visit = inHours(rng, visit + Math.round(lognormal(rng, 5, 0.4) * DAY), 7, 8, WEEKDAYS);
      if (rng.chance(0.45)) contactEpisode(moved + Math.round(lognormal(rng, 3, 0.8) * HOUR), "termin", 0.45);
    }
    if (!outcome.wrongAddress && outcome.contacts === 0 && rng.chance(0.04))
      contactEpisode(scheduledAt + Math.round(rng.next() * 2 * DAY), "frage", 0.2);
    if (rng.chance(0.97)) {
      visited = true;
      const done = visit + Math.round(lognormal(rng, 3.5, 0.5) * HOUR);
      t = reach(
        "tk-techniker-besuch",
        push("Technician Visit Completed", "field_service", done, { durationMinutes: rng.int(35, 140) }),
      );
      t = reach(
        "tk-nps-umfrage",
        push("Survey Sent", "sms", t + rng.int(90, 300) * MINUTE, { survey: "nach_technikerbesuch" }),
      );
    } else dropped = true;
  } else if (!dropped) dropped = true;

  // Stage 5, first bill: the move fee is on it; some complain by chat; the fee is credited.
  if (visited) {
    const invoiceAt = office(rng, t + Math.round(lognormal(rng, 5, 0.5) * DAY));
    t = reach("tk-erste-rechnung", push("Invoice Issued", "billing", invoiceAt, { moveFee: 69.95 }));
    if (rng.chance(0.3))
      t = contact(awake(rng, t + Math.round(lognormal(rng, 1, 0.6) * DAY)), "rechnung", true);
    if (rng.chance(0.95)) {
      reach(
        "tk-gutschrift",
        push("Credit Note Issued", "billing", office(rng, t + Math.round(lognormal(rng, 2.5, 0.5) * DAY)), {
          amount: 69.95,
          reason: "move_fee_waived",
        }),
      );
      ended = true;
    } else dropped = true;
  }

  // Only what already happened is kept: journeys of the last weeks are still under way.
  events.sort((a, b) => a.at - b.at);
  const kept = events.filter((e) => e.at < now);
  const truncated = kept.length < events.length;
  const last = kept.at(-1)?.at ?? t0;
  outcome.completed = ended && !truncated;
  outcome.droppedOut = dropped && !truncated;
  for (const [tp, at] of reached) if (at >= now) reached.delete(tp);

  // A journey rating is asked for once the journey is over: done, or given up after ordering.
  const over = !truncated && (ended || (dropped && reached.has("tk-umzugsauftrag")));
  const feedback = ratings(rng, now, reached, outcome, last, over);
  return {
    n,
    userId,
    anonymousId,
    email: `kunde${n}@example.com`,
    traits,
    identifiedAt,
    events: kept,
    feedback,
    outcome,
  };
}

/**
 * Ratings of a respondent (about 40 % of the cohort): CSAT on one to three rated steps they went
 * through, some time after that step, and an NPS on the whole journey once it is over. Both follow
 * the operational data; a few rate every step well but the journey badly.
 */
function ratings(
  rng: Rng,
  now: number,
  reached: ReadonlyMap<string, number>,
  o: CohortCustomer["outcome"],
  last: number,
  over: boolean,
): CohortRating[] {
  // Surveys reach customers with an order more often than visitors who only looked (about 40 % overall).
  if (!rng.chance(reached.has("tk-umzugsauftrag") ? 0.5 : 0.25)) return [];
  const rateable = [...reached].filter(([tp]) => tp in RATED_STEPS);
  const goodBad = over && rateable.length >= 2 && rng.chance(0.16);
  o.goodStepsBadJourney = goodBad;
  const count = Math.min(
    rateable.length,
    goodBad ? rng.int(2, 3) : 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.3) ? 1 : 0),
  );
  // Weighted draws without replacement.
  const chosen: [string, number][] = [];
  const pool = [...rateable];
  for (let k = 0; k < count; k++) {
    const total = pool.reduce((sum, [tp]) => sum + (RATED_STEPS[tp]?.weight ?? 1), 0);
    let r = rng.next() * total;
    let pick = 0;
    for (; pick < pool.length - 1; pick++) {
      r -= RATED_STEPS[pool[pick]?.[0] ?? ""]?.weight ?? 1;
      if (r <= 0) break;
    }
    chosen.push(...pool.splice(pick, 1));
  }

  const out: CohortRating[] = [];
  for (const [tp, stepAt] of chosen.sort((a, b) => a[1] - b[1])) {
    const at = stepAt + Math.max(5 * MINUTE, Math.round(lognormal(rng, 3, 1) * HOUR));
    let mean = RATED_STEPS[tp]?.mean ?? 3.5;
    if (tp === "tk-bestaetigung-mail" && o.confirmationWaitDays !== null)
      mean -= 0.3 * Math.max(0, o.confirmationWaitDays - 3);
    if (tp === "tk-hotline" || tp === "tk-chat") mean -= 0.35 * Math.max(0, o.contacts - 1);
    if (tp === "tk-sendungsverfolgung" && o.wrongAddress) mean -= 1.5;
    if (tp === "tk-terminvereinbarung") mean -= 0.9 * o.reschedules;
    if (tp === "tk-erste-rechnung") mean -= 0.3;
    const value = goodBad ? rng.int(4, 5) : clamp(rng.normal(mean, 0.75), 1, 5);
    const text = rng.chance(0.45) ? stepComment(rng, tp, value) : "";
    if (at < now) out.push({ step: stepOf(tp), touchpointKey: tp, metric: "csat", value, text, at });
  }

  if (!over) return out;
  const at = last + Math.round((1 + rng.next() * 3) * DAY);
  if (at >= now) return out;
  // Latent likelihood to recommend: contacts, waits, appointment changes and dropping out cost points.
  let latent = 9.3;
  latent -= 1.1 * Math.min(4, o.contacts);
  latent -= 0.35 * Math.max(0, (o.confirmationWaitDays ?? 4) - 3.5);
  latent -= 1.1 * o.reschedules;
  if (o.wrongAddress) latent -= 1;
  if (o.droppedOut) latent -= 3;
  const value = goodBad ? rng.int(0, 4) : clamp(rng.normal(latent, 1.3), 0, 10);
  const text = rng.chance(0.55) || goodBad ? journeyComment(rng, o, value) : "";
  out.push({ step: null, touchpointKey: null, metric: "nps", value, text, at });
  return out;
}

function stepComment(rng: Rng, tp: string, value: number): string {
  const bank = DEMO_COMMENTS[rng.pick<DemoTopic>(TOUCHPOINT_TOPICS[tp] ?? ["info"])].de;
  if (value <= 2) return rng.pick(bank.neg);
  if (value >= 4) return rng.pick(bank.pos);
  return rng.chance(0.5) ? rng.pick(bank.neg) : rng.pick(bank.pos);
}

function journeyComment(rng: Rng, o: CohortCustomer["outcome"], value: number): string {
  if (o.goodStepsBadJourney) return rng.pick(JOURNEY_COMMENTS.goodStepsBadJourney);
  if (value >= 9) return rng.pick(JOURNEY_COMMENTS.promoter);
  if (o.droppedOut) return rng.pick(JOURNEY_COMMENTS.dropout);
  if (o.contacts >= 2) return rng.pick(JOURNEY_COMMENTS.contacts);
  if (o.wrongAddress) return rng.pick(JOURNEY_COMMENTS.delivery);
  if (o.reschedules > 0) return rng.pick(JOURNEY_COMMENTS.appointment);
  return rng.pick(value >= 7 ? JOURNEY_COMMENTS.promoter : JOURNEY_COMMENTS.wait);
}
