import { describe, expect, it } from "vitest";
import type { EventRow } from "./event-row.js";
import { IdentityWorkSet, SentRanges } from "./identity-work.js";

const base = {
  workspace_id: "w",
  user_id: "",
  anonymous_id: "",
  traits: "{}",
  consent: "",
  previous_id: "",
  timestamp: "2026-11-23 10:00:00.000",
};
const row = (over: Partial<EventRow>) => ({ ...base, message_id: "m", type: "track", ...over }) as EventRow;

/** One workspace's rows as messages of at most `n` items. */
const identityWork = (rows: EventRow[], n?: number) => new IdentityWorkSet().addRows(rows).messages("w", n);

describe("IdentityWorkSet", () => {
  it("splits into messages of at most n items, aliases and identifies first", () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => row({ anonymous_id: `a${i}` })),
      row({ type: "identify", user_id: "u", message_id: "i", traits: '{"x":1}' }),
      row({ type: "alias", user_id: "u", previous_id: "p", message_id: "al" }),
    ];
    const messages = identityWork(rows, 3);
    expect(messages.map((m) => [m.aliases.length, m.identifies.length, m.ids.length])).toEqual([
      [1, 1, 1],
      [0, 0, 3],
      [0, 0, 2],
    ]);
    expect(messages.flatMap((m) => m.ids).map((i) => i.anonymousId ?? i.userId)).toEqual([
      "a0",
      "a1",
      "a2",
      "a3",
      "a4",
      "u",
    ]);
    expect(identityWork([])).toEqual([]);
  });

  it("keeps traits that are no JSON object out, and passes an identify's consent on", () => {
    const [m] = identityWork([
      row({ type: "identify", user_id: "u", traits: "[1]" }),
      row({ type: "identify", user_id: "u", consent: '{"analytics":false}' }),
    ]);
    expect(m?.identifies.map((i) => [i.traits, i.consent])).toEqual([
      [{}, undefined],
      [{}, { analytics: false }],
    ]);
  });
});

describe("SentRanges", () => {
  const id = (firstSeen: string, lastSeen: string) => ({ userId: "u", firstSeen, lastSeen });
  it("covers ranges inside the sent one extended by less than the slack, per workspace", () => {
    const sent = new SentRanges(10, 60_000);
    sent.note("w", id("2026-11-23 10:00:00.000", "2026-11-23 10:05:00.000"));
    expect(sent.covers("w", id("2026-11-23 10:01:00.000", "2026-11-23 10:05:59.000"))).toBe(true);
    expect(sent.covers("w", id("2026-11-23 10:01:00.000", "2026-11-23 10:06:00.000"))).toBe(false);
    expect(sent.covers("w", id("2026-11-23 09:59:59.999", "2026-11-23 10:00:00.000"))).toBe(false);
    expect(sent.covers("other", id("2026-11-23 10:01:00.000", "2026-11-23 10:01:00.000"))).toBe(false);
  });

  it("forgets the oldest pair beyond its capacity", () => {
    const sent = new SentRanges(2);
    const t = "2026-11-23 10:00:00.000";
    for (const userId of ["a", "b", "c"]) sent.note("w", { userId, firstSeen: t, lastSeen: t });
    expect(["a", "b", "c"].map((userId) => sent.covers("w", { userId, firstSeen: t, lastSeen: t }))).toEqual([
      false,
      true,
      true,
    ]);
  });
});
