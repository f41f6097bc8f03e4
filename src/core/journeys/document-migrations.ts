import type { z } from "zod";
import { AppError } from "../errors.js";
import { issuesToErrors } from "./document.js";
import { CURRENT_SCHEMA_VERSION, type TJourneyDocument, ZJourneyDocument } from "./document.schema.js";

/** One step of the sequence: turns a document of version `from` into version `from + 1`. */
export interface DocumentMigration {
  from: number;
  /** Why the shape changed, for the reader of the sequence. */
  description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export interface DocumentMigrator<T> {
  /** The version documents end up in. */
  readonly current: number;
  /** Applies the migrations from the document's `schemaVersion` to `current`, without validating. */
  upgrade(raw: unknown, pointer?: string): Record<string, unknown>;
  /** Upgrades, then validates against the current schema. */
  migrate(raw: unknown, pointer?: string): T;
}

const versionError = (pointer: string, message: string, code: string) =>
  new AppError("validation_failed", message, {
    errors: [{ pointer: `${pointer}/schemaVersion`, code, message }],
  });

/**
 * A migration sequence in the manner of tldraw: versions are consecutive integers from `first`,
 * each migration lifts one version, and the machinery (not the migration) stamps `schemaVersion`.
 */
export function createDocumentMigrator<T>(options: {
  first: number;
  current: number;
  migrations: readonly DocumentMigration[];
  schema: z.ZodType<T>;
}): DocumentMigrator<T> {
  const { first, current, migrations, schema } = options;
  migrations.forEach((m, i) => {
    if (m.from !== first + i)
      throw new Error(`Migration ${i} lifts version ${m.from}, expected ${first + i}`);
  });
  if (first + migrations.length !== current)
    throw new Error(`Migrations lead from ${first} to ${first + migrations.length}, not to ${current}`);

  const upgrade = (raw: unknown, pointer = ""): Record<string, unknown> => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw new AppError("validation_failed", "A journey document must be a JSON object", {
        errors: [{ pointer: pointer || "/", code: "invalid_type", message: "expected an object" }],
      });
    const version = (raw as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version !== "number" || !Number.isInteger(version))
      throw versionError(pointer, "schemaVersion is missing or not an integer", "invalid_version");
    if (version > current)
      throw versionError(
        pointer,
        `schemaVersion ${version} is newer than this server supports (${current}); upgrade Journeylens`,
        "unsupported_version",
      );
    if (version < first)
      throw versionError(
        pointer,
        `schemaVersion ${version} is unknown; the first is ${first}`,
        "unknown_version",
      );
    let doc = structuredClone(raw) as Record<string, unknown>;
    for (const m of migrations.slice(version - first)) doc = { ...m.up(doc), schemaVersion: m.from + 1 };
    return doc;
  };

  return {
    current,
    upgrade,
    migrate(raw, pointer = "") {
      const result = schema.safeParse(upgrade(raw, pointer));
      if (result.success) return result.data;
      const errors = issuesToErrors(pointer, result.error.issues);
      throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
        errors,
      });
    },
  };
}

/** Released document migrations, oldest first. Append only; v1 is the first released version. */
export const JOURNEY_DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = [];

export const journeyDocuments = createDocumentMigrator<TJourneyDocument>({
  first: 1,
  current: CURRENT_SCHEMA_VERSION,
  migrations: JOURNEY_DOCUMENT_MIGRATIONS,
  schema: ZJourneyDocument,
});

/** Any stored or exported document → the current `JourneyDocument`, or a 400 naming the field. */
export const migrateDocument = (raw: unknown, pointer = ""): TJourneyDocument =>
  journeyDocuments.migrate(raw, pointer);

/** A stored document that fails to load is a server fault, not the caller's: report it as one. */
export function readStoredDocument(raw: unknown, journeyId: string): TJourneyDocument {
  try {
    return migrateDocument(typeof raw === "string" ? JSON.parse(raw) : raw);
  } catch (e) {
    throw new Error(`Stored document of journey ${journeyId} cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
