import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import type { Stores } from "../stores.js";
import { emailId, phoneId } from "./distinct-ids.js";
import { emailIdSql, phoneIdSql } from "./erase-feedback.js";

// The erasure finds feedback by hashing stored addresses and numbers in SQL: the SQL must give exactly
// the ids TypeScript gives, whatever the spelling.
describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "distinct ids in SQL on %s",
  (_n, variant) => {
    let stores: Stores;
    beforeAll(async () => {
      stores = await variant.open();
    });
    afterAll(() => stores?.close());

    const inSql = async (
      make: (v: ReturnType<typeof sql>) => ReturnType<typeof sql<string>>,
      value: string,
    ) =>
      (await sql<{ id: string }>`select ${make(sql`${value}::text`)} as id`.execute(stores.sor.db)).rows[0]
        ?.id;

    it("hash phone numbers as phoneId does", async () => {
      const phone = fc
        .array(fc.constantFrom("+", " ", "\t", "-", "/", "(", ")", "0", "1", "4", "9", "x", "ä", "٣"), {
          minLength: 1,
          maxLength: 16,
        })
        .map((cs) => cs.join(""))
        .filter((s) => /[0-9]/.test(s));
      await fc.assert(
        fc.asyncProperty(phone, async (p) => {
          // Stored numbers are trimmed by the feedback schema; leading white space is covered anyway.
          expect(await inSql(phoneIdSql, p)).toBe(phoneId(p));
        }),
        { numRuns: 150 },
      );
      expect(await inSql(phoneIdSql, " +49 30 1234-567")).toBe(phoneId("+49301234567"));
    });

    it("hash e-mail addresses as emailId does", async () => {
      for (const address of ["Lena@Example.com", " lena@example.com ", "ÄRGER@beispiel.de"])
        expect(await inSql(emailIdSql, address)).toBe(emailId(address));
    });
  },
);
