import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/cli.js";
import { sharedDataFile } from "../testing/shared-data.js";

const REVIEWS = sharedDataFile("feedback_en/womens_clothing_ecommerce_reviews_subset.csv");
const HAVE_REVIEWS = existsSync(REVIEWS);

describe("journeylens feedback", () => {
  let env: Record<string, string>;
  let dir: string;
  const w = ["--workspace", "modehaus"];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jl-cli-feedback-"));
    env = { JOURNEYLENS_DATA: join(dir, "data") };
    expect((await runCli(["workspace", "create", "--name", "Modehaus"], env)).code).toBe(0);
  }, 120_000);

  it("checks the mapping and every row locally and sends nothing on an error", async () => {
    const file = join(dir, "beschwerden.csv");
    writeFileSync(
      file,
      "Nr;Datum;Note;Kommentar\n1;31.5.2026 14:30;2;Paket kam zu spät\n2;32.5.2026;9;Falsche Größe\n",
    );
    const unknown = await runCli(
      ["feedback", "import", file, ...w, "--channel", "email", "--map", "text=Comment"],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--map text: the file has no column "Comment"; it has "Nr", "Datum"');
    const rows = await runCli(
      ["feedback", "import", file, ...w, "--channel", "email"].concat(
        ["externalId=Nr", "receivedAt=Datum", "rating:csat=Note", "text=Kommentar"].flatMap((m) => [
          "--map",
          m,
        ]),
      ),
      env,
    );
    expect(rows.code).toBe(1);
    expect(rows.stderr).toContain("2 error(s) in the file; nothing was sent");
    expect(rows.stderr).toContain('\n  row 3, Datum: "32.5.2026" is not a date');
    expect(rows.stderr).toContain("\n  row 3, Note: csat must be between 1 and 5");
    const dry = await runCli(
      ["feedback", "import", file, ...w, "--channel", "email", "--dry-run", "--map", "text=Kommentar"],
      env,
    );
    expect(dry.stdout).toContain("Dry run: 2 rows are valid; nothing was sent");
    const listed = await runCli(["feedback", "list", ...w, "--json"], env);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  }, 240_000);

  it.skipIf(!HAVE_REVIEWS)(
    `imports the 1,499 clothing reviews once; a re-import adds nothing (skipped when ${REVIEWS} is missing)`,
    async () => {
      const args = ["feedback", "import", REVIEWS, ...w, "--channel", "web_review"].concat(
        [
          "externalId=column_1",
          "title=Title",
          "text=ReviewText",
          "rating:csat=Rating",
          "metadata=ClothingID",
        ].flatMap((m) => ["--map", m]),
      );
      const first = await runCli(args, env, 180_000);
      expect(first.stderr).toContain("100% rows sent 1499/1499, accepted 1499, duplicates 0");
      expect(first.stdout).toContain("1499 rows, accepted 1499, duplicates 0");
      const again = await runCli(args, env, 180_000);
      expect(again.stdout).toContain("1499 rows, accepted 0, duplicates 1499");

      const found = await runCli(["feedback", "list", ...w, "--q", '"zipper broke"', "--json"], env);
      const items = JSON.parse(found.stdout) as {
        channel: string;
        text: string;
        ratings: unknown[];
        language: string;
      }[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.text.toLowerCase()).toContain("zipper broke");
        expect(item).toMatchObject({ channel: "web_review", language: "en" });
      }
      const negative = await runCli(
        ["feedback", "list", ...w, "--band", "negative", "--limit", "500", "--json"],
        env,
      );
      // Ratings 1★ 45 and 2★ 121 in this subset (see ../shared/data/README.md).
      expect(JSON.parse(negative.stdout)).toHaveLength(166);
    },
    600_000,
  );
});
