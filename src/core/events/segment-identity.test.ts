import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventLogAt } from "../../testing/event-log.js";
import { insertWorkspace } from "../../testing/outbox.js";
import { storeVariants } from "../../testing/stores.js";
import type { Stores } from "../stores.js";
import { chTime, type EventRow, eventLine, TRACK_ONLY_COLUMNS } from "./event-row.js";
import { type IdentityWork, IdentityWorkSet } from "./identity-work.js";
import { identityOnLoad } from "./segment-identity.js";

const at = (iso: string) => chTime(new Date(iso));
const row = (ws: string, id: string, over: Partial<EventRow> = {}): EventRow => ({
  ...TRACK_ONLY_COLUMNS,
  workspace_id: ws,
  message_id: id,
  type: "track",
  event: "Order Completed",
  customer_id: "",
  user_id: "u1",
  anonymous_id: "a1",
  timestamp: at("2026-11-23T10:00:00Z"),
  received_at: at("2026-11-23T10:00:01Z"),
  properties: "{}",
  context: "{}",
  version: 1,
  payload_hash: `h-${id}`,
  source: "http",
  historical: 0,
  ...over,
});
const lines = (rows: EventRow[]) => `${rows.map(eventLine).join("\n")}\n`;

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "identity work of the ingestion log's segments on %s",
  (_name, variant) => {
    let stores: Stores;
    const dirs: string[] = [];
    beforeAll(async () => {
      stores = await variant.open();
    });
    afterAll(async () => {
      await stores.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    const logAt = () => {
      const dir = mkdtempSync(join(tmpdir(), "jl-segment-identity-"));
      dirs.push(dir);
      const log = eventLogAt(stores, dir, { maxAgeMs: 60_000 });
      log.onLoaded(identityOnLoad(stores.sor.db));
      return { log, dir };
    };
    const work = async (ws: string) =>
      (
        await stores.sor.db
          .selectFrom("outbox")
          .select("payload")
          .where("workspace_id", "=", ws)
          .where("topic", "=", "events.identity")
          .orderBy("id")
          .execute()
      ).map((m) => (typeof m.payload === "string" ? JSON.parse(m.payload) : m.payload) as IdentityWork);

    it("reads the work of a segment a dead process left from its file: pairs, identifies with traits and consent, aliases", async () => {
      const ws = await insertWorkspace(stores.sor.db);
      const other = await insertWorkspace(stores.sor.db);
      const { log, dir } = logAt();
      writeFileSync(
        join(dir, "seg-000000000001.jsonl"),
        lines([
          row(ws, "t1"),
          row(ws, "i1", {
            type: "identify",
            timestamp: at("2026-11-23T11:00:00Z"),
            traits: '{"plan":"pro","city":"Köln"}',
            consent: '{"analytics":false}',
          }),
          row(ws, "al", { type: "alias", anonymous_id: "", previous_id: "old" }),
          row(other, "o1", { user_id: "", anonymous_id: "x9" }),
        ]),
      );
      await log.open();
      expect(await work(ws)).toEqual([
        {
          ids: [
            {
              userId: "u1",
              anonymousId: "a1",
              firstSeen: "2026-11-23 10:00:00.000",
              lastSeen: "2026-11-23 11:00:00.000",
            },
            { userId: "u1", firstSeen: "2026-11-23 10:00:00.000", lastSeen: "2026-11-23 10:00:00.000" },
          ],
          identifies: [
            {
              messageId: "i1",
              userId: "u1",
              anonymousId: "a1",
              traits: { city: "Köln", plan: "pro" },
              timestamp: "2026-11-23 11:00:00.000",
              consent: { analytics: false },
            },
          ],
          aliases: [
            { messageId: "al", previousId: "old", userId: "u1", timestamp: "2026-11-23 10:00:00.000" },
          ],
        },
      ]);
      expect(await work(other)).toEqual([
        {
          ids: [
            { anonymousId: "x9", firstSeen: "2026-11-23 10:00:00.000", lastSeen: "2026-11-23 10:00:00.000" },
          ],
          identifies: [],
          aliases: [],
        },
      ]);
      await log.close();
    });

    it("merges the notes of a segment's appends, and sends a pair again only beyond its sent range plus a minute", async () => {
      const ws = await insertWorkspace(stores.sor.db);
      const { log } = logAt();
      const append = (rows: EventRow[]) =>
        log.append(lines(rows), rows.length, new IdentityWorkSet().addRows(rows));
      await append([row(ws, "a")]);
      await append([row(ws, "b", { timestamp: at("2026-11-23T10:05:00Z") })]);
      await log.barrier();
      expect(await work(ws)).toEqual([
        {
          ids: [
            {
              userId: "u1",
              anonymousId: "a1",
              firstSeen: "2026-11-23 10:00:00.000",
              lastSeen: "2026-11-23 10:05:00.000",
            },
          ],
          identifies: [],
          aliases: [],
        },
      ]);
      // Within the sent range plus less than a minute: an empty message (it still schedules the
      // workspace's refreshes); beyond it: the pair again.
      await append([row(ws, "c", { timestamp: at("2026-11-23T10:05:59Z") })]);
      await log.barrier();
      await append([row(ws, "d", { timestamp: at("2026-11-23T10:06:00Z") })]);
      await log.barrier();
      expect((await work(ws)).slice(1)).toEqual([
        { ids: [], identifies: [], aliases: [] },
        {
          ids: [
            {
              userId: "u1",
              anonymousId: "a1",
              firstSeen: "2026-11-23 10:06:00.000",
              lastSeen: "2026-11-23 10:06:00.000",
            },
          ],
          identifies: [],
          aliases: [],
        },
      ]);
      await log.close();
    });
  },
);
