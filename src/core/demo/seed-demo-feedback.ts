import type { Insertable } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { FeedbackTable, StoredRating } from "../db/schema.js";
import { enqueueFeedbackRelay } from "../feedback/relay.js";
import { scoreBand } from "../feedback/score-band.js";
import { uuidv7 } from "../ids.js";
import type { TJourneyDocument } from "../journeys/document.schema.js";
import { DEMO_COMMENTS, DEMO_SURGE, type DemoTopic, TOUCHPOINT_TOPICS } from "./demo-comments.js";
import { clamp, type Rng, seededRng } from "./demo-random.js";
import { DEMO_SURVEYS, type DemoQuestion } from "./demo-surveys.js";

/** What the content seed made for one demo case. */
export interface SeededCase {
  caseIndex: number;
  journeyId: string;
  document: TJourneyDocument;
  touchpointIds: ReadonlyMap<string, string>;
}

/** Creates one demo survey through the surveys use case; returns its id. */
export type CreateDemoSurvey = (input: {
  name: string;
  definition: unknown;
  touchpointId: string;
  journeyId: string;
  stepId: string | null;
}) => Promise<string>;

interface Customer {
  id: string;
  email: string;
  language: "de" | "en";
  traits: { plan: string; region: string; tenure_months: number };
}

interface Moment {
  touchpointId: string;
  touchpointKey: string;
  stepId: string;
  /** The customer's typical satisfaction there, 1–5, from the journey map. */
  quality: number;
}

const DAY = 86_400_000;
const DAYS = 180;
const CHUNK = 250;
const UNSOLICITED_PER_CASE = 600;

/**
 * Several thousand survey responses and unsolicited feedback items (German and English) on the
 * demo journeys' touchpoints, generated from the maps' customer ratings with a seeded generator.
 * Problem touchpoints improve over the half year, so trend charts show movement.
 */
export async function seedDemoFeedback(
  ctx: WorkspaceContext,
  cases: readonly SeededCase[],
  createSurvey: CreateDemoSurvey,
  now = new Date(),
): Promise<{ surveys: number; responses: number; unsolicited: number }> {
  const rng = seededRng(20261122);
  const customers = makeCustomers(rng, 1400);
  const rows: Insertable<FeedbackTable>[] = [];
  let surveys = 0;
  for (const demo of DEMO_SURVEYS) {
    const seeded = cases.find((c) => c.caseIndex === demo.caseIndex);
    const touchpointId = seeded?.touchpointIds.get(demo.touchpointKey);
    if (!seeded || !touchpointId) continue;
    const moment = momentsOf(seeded).find((m) => m.touchpointId === touchpointId);
    const surveyId = await createSurvey({
      name: demo.name,
      definition: demo.definition,
      touchpointId,
      journeyId: seeded.journeyId,
      stepId: moment?.stepId ?? null,
    });
    surveys++;
    const quality = moment?.quality ?? 3.5;
    for (let i = 0; i < demo.responses; i++) {
      const customer = rng.pick(customers);
      rows.push(
        surveyResponse(rng, now, customer, {
          surveyId,
          touchpointId,
          touchpointKey: demo.touchpointKey,
          journeyId: seeded.journeyId,
          stepId: moment?.stepId ?? null,
          quality,
          questions: demo.definition.questions,
          workspaceId: ctx.access.workspaceId,
        }),
      );
    }
  }
  const responses = rows.length;
  for (const seeded of cases) {
    const moments = momentsOf(seeded);
    if (moments.length === 0) continue;
    for (let i = 0; i < UNSOLICITED_PER_CASE; i++) {
      rows.push(
        unsolicited(
          rng,
          now,
          rng.pick(customers),
          rng.pick(moments),
          seeded.journeyId,
          ctx.access.workspaceId,
        ),
      );
    }
  }
  rows.push(...surge(rng, now, customers, cases, ctx.access.workspaceId));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto("feedback").values(chunk).execute();
      await enqueueFeedbackRelay(
        tx,
        ctx.access.workspaceId,
        chunk.map((r) => r.id),
      );
    });
  }
  return { surveys, responses, unsolicited: rows.length - responses };
}

function makeCustomers(rng: Rng, count: number): Customer[] {
  const plans = ["basic", "comfort", "home_office"];
  const regions = ["Nord", "Süd", "West", "Ost"];
  return Array.from({ length: count }, (_, i) => {
    const n = 10001 + i;
    return {
      id: `K-${n}`,
      email: `kunde${n}@example.com`,
      language: rng.chance(0.8) ? "de" : "en",
      traits: { plan: rng.pick(plans), region: rng.pick(regions), tenure_months: rng.int(1, 120) },
    };
  });
}

function momentsOf(seeded: SeededCase): Moment[] {
  const keyOf = new Map([...seeded.touchpointIds].map(([key, id]) => [id, key]));
  const moments: Moment[] = [];
  for (const stage of seeded.document.stages) {
    for (const step of stage.steps) {
      if (!step.touchpointId) continue;
      const key = keyOf.get(step.touchpointId);
      if (!key) continue;
      const fromEmotion = step.emotion === null ? 3.5 : 3 + step.emotion * 0.6;
      moments.push({
        touchpointId: step.touchpointId,
        touchpointKey: key,
        stepId: step.id,
        quality: step.customerRating ?? fromEmotion,
      });
    }
  }
  return moments;
}

/** Latent satisfaction 1–5: the moment's quality, better over time where it was poor, with noise. */
function satisfaction(rng: Rng, quality: number, ageDays: number, customer: Customer): number {
  const improvement = quality < 3 ? 1.1 * (1 - ageDays / DAYS) : 0;
  const plan = customer.traits.plan === "home_office" ? -0.3 : customer.traits.plan === "comfort" ? 0.15 : 0;
  return Math.min(5, Math.max(1, rng.normal(quality + improvement + plan, 0.85)));
}

const npsOf = (rng: Rng, sat: number) => clamp(((sat - 1) / 4) * 10 + rng.normal(0.4, 1.1), 0, 10);
const cesOf = (rng: Rng, sat: number) => clamp(1 + (sat - 1) * 1.5 + rng.normal(0, 0.7), 1, 7);
const csatOf = (rng: Rng, sat: number) => clamp(sat + rng.normal(0, 0.35), 1, 5);

function receivedAt(rng: Rng, now: Date): { at: Date; ageDays: number } {
  const ageDays = rng.next() ** 0.8 * DAYS;
  const at = new Date(now.getTime() - ageDays * DAY);
  at.setUTCHours(rng.int(6, 20), rng.int(0, 59), rng.int(0, 59), 0);
  return { at: at > now ? new Date(now.getTime() - DAY / 24) : at, ageDays };
}

function comment(rng: Rng, key: string, sat: number, language: "de" | "en"): string {
  const topics: DemoTopic[] = TOUCHPOINT_TOPICS[key] ?? ["staff", "info"];
  const bank = DEMO_COMMENTS[rng.pick(topics)][language];
  if (sat < 2.8) return rng.pick(bank.neg);
  if (sat > 3.8) return rng.pick(bank.pos);
  return rng.chance(0.5) ? rng.pick(bank.neg) : rng.pick(bank.pos);
}

const customerJson = (c: Customer) => JSON.stringify({ userId: c.id, email: c.email, traits: c.traits });

interface SurveyTarget {
  surveyId: string;
  touchpointId: string;
  touchpointKey: string;
  journeyId: string;
  stepId: string | null;
  quality: number;
  questions: readonly DemoQuestion[];
  workspaceId: string;
}

function surveyResponse(rng: Rng, now: Date, customer: Customer, t: SurveyTarget): Insertable<FeedbackTable> {
  const { at, ageDays } = receivedAt(rng, now);
  const sat = satisfaction(rng, t.quality, ageDays, customer);
  const answers: Record<string, unknown> = {};
  const ratings: StoredRating[] = [];
  const texts: string[] = [];
  // A few respondents leave after the first question: a partial response, kept out of metrics.
  const partial = rng.chance(0.04);
  for (const q of t.questions) {
    if (partial && Object.keys(answers).length > 0) break;
    if (q.showIf) {
      const prior = answers[q.showIf.questionId];
      if (typeof prior !== "number") continue;
      if (q.showIf.op === "lte" ? prior > q.showIf.value : prior < q.showIf.value) continue;
    }
    if (q.type === "nps" || q.type === "csat" || q.type === "ces") {
      const value =
        q.type === "nps" ? npsOf(rng, sat) : q.type === "ces" ? cesOf(rng, sat) : csatOf(rng, sat);
      const [min, max] = q.type === "nps" ? [0, 10] : q.type === "ces" ? [1, 7] : [1, 5];
      answers[q.id] = value;
      ratings.push({ metric: q.type, value, min, max, questionId: q.id });
    } else if (q.type === "text") {
      if (!rng.chance(0.65)) continue;
      const text = comment(rng, t.touchpointKey, sat, customer.language);
      answers[q.id] = text;
      texts.push(text);
    } else if (q.options && rng.chance(0.8)) {
      const ids = q.options.map((o) => o.id);
      answers[q.id] = q.type === "single_choice" ? rng.pick(ids) : ids.filter(() => rng.chance(0.35));
      if (Array.isArray(answers[q.id]) && (answers[q.id] as string[]).length === 0) delete answers[q.id];
    }
  }
  const honeypot = rng.chance(0.004);
  return demoRow(t.workspaceId, customer, at, ratings, {
    kind: "survey_response",
    channel: rng.chance(0.6) ? "survey_link" : rng.chance(0.5) ? "widget" : "survey",
    survey_id: t.surveyId,
    submission_id: uuidv7(),
    touchpoint_id: t.touchpointId,
    journey_id: t.journeyId,
    step_id: t.stepId,
    answers: JSON.stringify(answers),
    text: texts.join("\n\n"),
    language: customer.language,
    finished: !partial,
    finished_at: partial ? null : at,
    flagged: honeypot,
    flag_reason: honeypot ? "honeypot" : null,
  });
}

/** The columns every demo record shares; `fields` sets what differs by kind. */
function demoRow(
  workspaceId: string,
  customer: Customer,
  at: Date,
  ratings: StoredRating[],
  fields: Pick<Insertable<FeedbackTable>, "kind" | "channel" | "text" | "language"> &
    Partial<Insertable<FeedbackTable>>,
): Insertable<FeedbackTable> {
  return {
    id: uuidv7(),
    workspace_id: workspaceId,
    source_key: null,
    survey_id: null,
    link_id: null,
    submission_id: null,
    received_at: at,
    customer_id: customer.id,
    customer: customerJson(customer),
    touchpoint_id: null,
    journey_id: null,
    step_id: null,
    ratings: JSON.stringify(ratings),
    score_band: scoreBand(ratings),
    answers: "{}",
    title: null,
    metadata: "{}",
    finished: true,
    finished_at: at,
    flagged: false,
    flag_reason: null,
    edit_token_hash: null,
    ip_hash: null,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}

const CHANNELS = [
  { channel: "app_review", weight: 0.22, rated: true },
  { channel: "web_review", weight: 0.12, rated: true },
  { channel: "chat", weight: 0.16, rated: true },
  { channel: "complaint_form", weight: 0.14, rated: false },
  { channel: "email", weight: 0.14, rated: false },
  { channel: "call_note", weight: 0.12, rated: false },
  { channel: "social", weight: 0.1, rated: false },
] as const;

function pickChannel(rng: Rng) {
  let r = rng.next();
  for (const c of CHANNELS) {
    r -= c.weight;
    if (r <= 0) return c;
  }
  return CHANNELS[0];
}

function unsolicited(
  rng: Rng,
  now: Date,
  customer: Customer,
  moment: Moment,
  journeyId: string,
  workspaceId: string,
): Insertable<FeedbackTable> {
  const { at, ageDays } = receivedAt(rng, now);
  const c = pickChannel(rng);
  // Complaints, e-mails, call notes and social posts skew negative: people write when something broke.
  const sat = satisfaction(rng, c.rated ? moment.quality : moment.quality - 1, ageDays, customer);
  const ratings: StoredRating[] = c.rated
    ? [{ metric: "csat", value: csatOf(rng, sat), min: 1, max: 5 }]
    : [];
  const language = c.channel === "call_note" ? "de" : customer.language;
  let text = comment(rng, moment.touchpointKey, sat, language);
  if (c.channel === "call_note") text = `Kunde ${customer.id} ruft an: ${text}`;
  return demoRow(workspaceId, customer, at, ratings, {
    kind: "unsolicited",
    channel: c.channel,
    touchpoint_id: moment.touchpointId,
    journey_id: journeyId,
    step_id: moment.stepId,
    text,
    language,
  });
}

const SURGE_ITEMS = 60;

/** App-login complaints of the last six days (DEMO_SURGE): the demo's emerging topic. */
function surge(
  rng: Rng,
  now: Date,
  customers: readonly Customer[],
  cases: readonly SeededCase[],
  workspaceId: string,
): Insertable<FeedbackTable>[] {
  const moments = cases.flatMap((c) => momentsOf(c).map((m) => ({ m, journeyId: c.journeyId })));
  const app = moments.find(({ m }) => (TOUCHPOINT_TOPICS[m.touchpointKey] ?? []).includes("digital"));
  if (!app) return [];
  return Array.from({ length: SURGE_ITEMS }, () => {
    const customer = rng.pick(customers);
    const at = new Date(now.getTime() - rng.next() * 6 * DAY);
    return demoRow(workspaceId, customer, at, [], {
      kind: "unsolicited",
      channel: rng.chance(0.6) ? "app_review" : "email",
      touchpoint_id: app.m.touchpointId,
      journey_id: app.journeyId,
      step_id: app.m.stepId,
      text: rng.pick(DEMO_SURGE[customer.language]),
      language: customer.language,
    });
  });
}
