import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "../errors.js";
import { parseJourneyDocument, toStoredDocument } from "./document.js";
import { ZJourneyDocument } from "./document.schema.js";
import { createDocumentMigrator, journeyDocuments, migrateDocument } from "./document-migrations.js";

/** Frozen: a v1 document exactly as v1 stored it. Never edit; add a new fixture per version. */
const FIXTURE_V1: unknown = JSON.parse(
  readFileSync(new URL("./fixtures/journey-v1.json", import.meta.url), "utf8"),
);

const errorsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e.errors.map((x) => ({ pointer: x.pointer, code: x.code }));
    throw e;
  }
  throw new Error("expected an error");
};

describe("journey document schema", () => {
  it("fills defaults and generates lower-case ids for a minimal document", () => {
    const doc = toStoredDocument(
      parseJourneyDocument({
        title: "  Kündigung  ",
        stages: [{ id: "0193B6F0-1C2D-7A00-8B00-00000000C001", name: "Phase", steps: [{ title: "Anruf" }] }],
      }),
    );
    expect(doc).toMatchObject({
      schemaVersion: 1,
      title: "Kündigung",
      scenario: "",
      personaId: null,
      ownerId: null,
      status: "draft",
      goals: [],
      kpis: { performance: [], brand: [] },
    });
    expect(doc.stages[0]?.id).toBe("0193b6f0-1c2d-7a00-8b00-00000000c001");
    expect(doc.stages[0]?.steps[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: "Anruf",
      touchpointId: null,
      customerAction: "",
      expectation: "",
      thoughts: "",
      emotion: null,
      customerRating: null,
      painPoints: [],
      insights: [],
      ideas: [],
      momentOfTruth: false,
      signature: false,
    });
    expect(ZJourneyDocument.parse(doc)).toEqual(doc);
  });

  it("names each invalid field with a pointer into the request", () => {
    const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `S${i}` }));
    const errors = errorsOf(() =>
      parseJourneyDocument({
        schemaVersion: 2,
        title: "",
        status: "done",
        goals: Array.from({ length: 51 }, () => "Ziel"),
        stages: [
          {
            name: "A",
            steps: [
              { title: "x", emotion: 4 },
              { title: "y", emotion: 1.5, customerRating: 0 },
            ],
          },
          { name: "B", steps: steps(61) },
          {
            name: "C",
            description: "d".repeat(4001),
            steps: [{ title: "z", touchpointId: "tp-1", extra: 1 }],
          },
        ],
      }),
    );
    expect(errors.map((e) => e.pointer).sort()).toEqual(
      [
        "/body/document/schemaVersion",
        "/body/document/title",
        "/body/document/status",
        "/body/document/goals",
        "/body/document/stages/0/steps/0/emotion",
        "/body/document/stages/0/steps/1/emotion",
        "/body/document/stages/0/steps/1/customerRating",
        "/body/document/stages/1/steps",
        "/body/document/stages/2/description",
        "/body/document/stages/2/steps/0/touchpointId",
        "/body/document/stages/2/steps/0",
      ].sort(),
    );
    expect(errors.find((e) => e.pointer === "/body/document/stages/2/steps/0")?.code).toBe(
      "unrecognized_keys",
    );
  });

  it("enforces the limits: title 200, 30 stages, texts 4000", () => {
    const errors = errorsOf(() =>
      parseJourneyDocument(
        {
          title: "t".repeat(201),
          stages: Array.from({ length: 31 }, (_, i) => ({ name: `P${i}` })),
          kpis: { performance: [{ name: "NPS", target: "hoch", unit: "" }] },
        },
        "/body",
      ),
    );
    expect(errors.map((e) => e.pointer).sort()).toEqual(
      ["/body/kpis/performance/0/target", "/body/stages", "/body/title"].sort(),
    );
    expect(() =>
      parseJourneyDocument({ title: "t".repeat(200), description: "d".repeat(4000) }),
    ).not.toThrow();
  });
});

describe("journey document migrations", () => {
  it("loads the frozen v1 fixture unchanged", () => {
    const migrated = migrateDocument(FIXTURE_V1);
    expect(migrated).toEqual(FIXTURE_V1);
    expect(journeyDocuments.current).toBe(1);
  });

  it("refuses future, unknown and missing versions with a clear error", () => {
    const fixture = FIXTURE_V1 as Record<string, unknown>;
    expect(() => migrateDocument({ ...fixture, schemaVersion: 2 })).toThrow(
      "schemaVersion 2 is newer than this server supports (1); upgrade Journeylens",
    );
    expect(errorsOf(() => migrateDocument({ ...fixture, schemaVersion: 0 }, "/body"))).toEqual([
      { pointer: "/body/schemaVersion", code: "unknown_version" },
    ]);
    expect(errorsOf(() => migrateDocument({ title: "x" }))).toEqual([
      { pointer: "/schemaVersion", code: "invalid_version" },
    ]);
    expect(errorsOf(() => migrateDocument([1, 2]))).toEqual([{ pointer: "/", code: "invalid_type" }]);
  });

  // The product has no v2 yet; a test-only v2 proves the machinery, not just the identity.
  const ZStageV2 = z.object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    steps: z.array(z.unknown()),
  });
  const ZDocV2 = z.object({ schemaVersion: z.literal(2), title: z.string(), stages: z.array(ZStageV2) });
  const toV2 = {
    from: 1,
    description: "stages get a colour; the description moves into the journey's",
    up: (doc: Record<string, unknown>) => {
      const stages = doc.stages as { description: string }[];
      return {
        ...doc,
        description: [doc.description, ...stages.map((s) => s.description)].filter(Boolean).join("\n"),
        stages: stages.map(({ description: _, ...s }) => ({ ...s, color: "#4f46e5" })),
      };
    },
  };

  it("runs a v1 document through a v1→v2 step and validates the result", () => {
    const v2 = createDocumentMigrator({ first: 1, current: 2, migrations: [toV2], schema: ZDocV2 });
    const migrated = v2.upgrade(FIXTURE_V1);
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.description).toBe(
      "Eine Privatkundin zieht innerhalb der Stadt um und nimmt Strom- und Gasvertrag mit.\n" +
        "Die Kundin erfährt, was beim Umzug zu tun ist.\nSchlussrechnung für die alte Wohnung.",
    );
    const parsed = v2.migrate(FIXTURE_V1);
    expect(parsed.stages.map((s) => [s.name, s.color])).toEqual([
      ["Information", "#4f46e5"],
      ["Meldung", "#4f46e5"],
      ["Abrechnung", "#4f46e5"],
    ]);
    // A v2 document passes through untouched, and the input is never mutated.
    expect(v2.upgrade(migrated)).toEqual(migrated);
    expect((FIXTURE_V1 as { schemaVersion: number }).schemaVersion).toBe(1);
    expect(() => v2.migrate({ ...migrated, schemaVersion: 3 })).toThrow(
      "newer than this server supports (2)",
    );
  });

  it("stamps schemaVersion itself and refuses a sequence with gaps", () => {
    const forgetful = {
      from: 1,
      description: "forgets the stamp",
      up: (d: Record<string, unknown>) => ({ ...d }),
    };
    const v2 = createDocumentMigrator({ first: 1, current: 2, migrations: [forgetful], schema: z.unknown() });
    expect(v2.upgrade({ schemaVersion: 1 })).toEqual({ schemaVersion: 2 });
    expect(() =>
      createDocumentMigrator({
        first: 1,
        current: 3,
        migrations: [toV2, { ...toV2, from: 3 }],
        schema: z.unknown(),
      }),
    ).toThrow("Migration 1 lifts version 3, expected 2");
    expect(() =>
      createDocumentMigrator({ first: 1, current: 3, migrations: [toV2], schema: z.unknown() }),
    ).toThrow("Migrations lead from 1 to 2, not to 3");
  });
});
