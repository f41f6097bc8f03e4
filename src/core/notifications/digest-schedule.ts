import type { DigestFrequency } from "../db/schema.js";

export const DIGEST_TIME_ZONE = "Europe/Berlin";
export const DIGEST_HOUR = 7;

const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: DIGEST_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

function berlin(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

/** Offset of Berlin from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetMs(at: Date): number {
  const b = berlin(at);
  return Date.UTC(b.y, b.m - 1, b.d, b.h, b.min, b.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a Berlin wall-clock time (07:00 never falls into a DST gap or overlap). */
function berlinInstant(y: number, m: number, d: number, h: number): Date {
  const guess = Date.UTC(y, m - 1, d, h);
  const first = guess - offsetMs(new Date(guess));
  return new Date(guess - offsetMs(new Date(first)));
}

/**
 * The next digest time strictly after `after`: 07:00 Europe/Berlin every day (daily) or every
 * Monday (weekly); null for no digest.
 */
export function nextDigestAt(frequency: DigestFrequency, after: Date): Date | null {
  if (frequency === "none") return null;
  const b = berlin(after);
  for (let i = 0; i < 8; i++) {
    const day = new Date(Date.UTC(b.y, b.m - 1, b.d + i));
    const at = berlinInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), DIGEST_HOUR);
    if (at.getTime() <= after.getTime()) continue;
    if (frequency === "weekly" && day.getUTCDay() !== 1) continue;
    return at;
  }
  throw new Error("no digest time within 8 days");
}

/** The period a digest covers when there was none before: one day or one week. */
export const digestSpanMs = (frequency: "daily" | "weekly") => (frequency === "daily" ? 1 : 7) * 86_400_000;
