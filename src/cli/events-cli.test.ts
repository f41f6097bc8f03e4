import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/cli.js";
import { sharedDataFile } from "../testing/shared-data.js";

const HELPDESK = sharedDataFile("eventlogs/helpdesk.csv");

describe("journeylens events import", () => {
  let env: Record<string, string>;
  let dir: string;
  const w = ["--workspace", "versand"];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jl-cli-events-"));
    env = { JOURNEYLENS_DATA: join(dir, "data") };
    expect((await runCli(["workspace", "create", "--name", "Versand"], env)).code).toBe(0);
  }, 120_000);

  it("imports a mapped, gzipped CSV, lists skipped rows, and adds nothing the second time", async () => {
    const file = join(dir, "sendungen.csv.gz");
    writeFileSync(
      file,
      gzipSync(
        "Sendung;Status;Zeit;Depot\nS1;Angenommen;2026-06-01T08:00:00+02:00;Nord\nS1;Zugestellt;2026-06-02T12:00:00+02:00;Nord\nS2;Angenommen;morgen;Süd\n",
      ),
    );
    const map = ["caseId=Sendung", "activity=Status", "timestamp=Zeit", "properties=Depot"].flatMap((m) => [
      "--map",
      m,
    ]);
    const unknown = await runCli(
      [
        "events",
        "import",
        file,
        ...w,
        "--map",
        "caseId=Paket",
        "--map",
        "activity=Status",
        "--map",
        "timestamp=Zeit",
      ],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--map/caseId: the file has no column "Paket"');

    const first = await runCli(["events", "import", file, ...w, ...map], env);
    expect(first.stderr).toContain('row 4, Zeit: "morgen" is not a date');
    expect(first.stdout).toContain("3 rows, accepted 2, duplicates 0, rejected 1");
    expect(first.code).toBe(0);
    const again = await runCli(["events", "import", file, ...w, ...map], env);
    expect(again.stdout).toContain("3 rows, accepted 0, duplicates 2, rejected 1");
  }, 120_000);

  it.skipIf(!existsSync(HELPDESK))(
    "imports the help-desk log with the XES preset",
    async () => {
      const r = await runCli(["events", "import", HELPDESK, ...w, "--preset", "xes"], env, 240_000);
      expect(r.stdout).toContain("21348 rows, accepted 21348, duplicates 0, rejected 0");
    },
    240_000,
  );
});
