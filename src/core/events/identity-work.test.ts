import { describe, expect, it } from "vitest";
import type { EventRow } from "./event-row.js";
import { identityWork } from "./identity-work.js";

const base = {
  user_id: "",
  anonymous_id: "",
  traits: "{}",
  previous_id: "",
  timestamp: "2026-11-23 10:00:00.000",
};
const row = (over: Partial<EventRow>) => ({ ...base, message_id: "m", type: "track", ...over }) as EventRow;

describe("identityWork", () => {
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

  it("keeps traits that are no JSON object out", () => {
    const [m] = identityWork([row({ type: "identify", user_id: "u", traits: "[1]" })]);
    expect(m?.identifies[0]?.traits).toEqual({});
  });
});
