import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";
import { digestStores } from "../../testing/tenant-isolation.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TYPES = { csv: "text/csv", xlsx: XLSX, json: "application/json" } as const;

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "touchpoint files on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let app: ReturnType<typeof testApp>;
    let memberEmail: string;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Dateien");
      app = testApp(stores);
      const m = await ws.member("agent");
      memberEmail = (
        await stores.sor.db
          .selectFrom("users")
          .select("email")
          .where("id", "=", m.userId)
          .executeTakeFirstOrThrow()
      ).email;
    });
    afterAll(() => stores.close());

    const base = () => `/api/v1/workspaces/${ws.workspaceId}/touchpoints`;
    async function upload(format: keyof typeof TYPES, data: string | Uint8Array, qs = "") {
      const res = await app.request(`${base()}/import?format=${format}${qs}`, {
        method: "POST",
        headers: { cookie: ws.ownerCookie, "content-type": TYPES[format] },
        body: typeof data === "string" ? data : new Uint8Array(data),
      });
      return { status: res.status, body: await res.json() };
    }
    async function download(format: keyof typeof TYPES) {
      const res = await app.request(`${base()}/export?format=${format}`, {
        headers: { cookie: ws.ownerCookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="touchpoints.${format}"`);
      return new Uint8Array(await res.arrayBuffer());
    }
    const byKey = async (key: string) =>
      (
        await client(app)("GET", `${base()}?q=${encodeURIComponent(key)}`, { cookie: ws.ownerCookie })
      ).body.items.find((t: { key: string }) => t.key === key);

    it("imports a German CSV (; and German headers), dry run first, then for real", async () => {
      const csv = [
        "Name;Beschreibung;Kanal;Art;Abteilung;Verantwortlich;Tags;Signature;Interne Bewertung;Ereignis-Matcher",
        `Techniker-Termin;Techniker kommt zum Termin;Außendienst;direkt;Service;${memberEmail};Installation, Vor Ort;ja;4,5;"[{""event"":""Appointment *"",""where"":""properties.type = \\""install\\""""}]"`,
        "",
        "Warten auf Rückruf;Kunde wartet;Telefon;versteckt;Kundenservice;Team Hotline;Wartezeit;nein;2;",
      ].join("\r\n");
      const before = await digestStores(stores);
      const dry = await upload("csv", `\uFEFF${csv}`, "&dryRun=true");
      expect(dry).toEqual({ status: 200, body: { dryRun: true, created: 2, updated: 0, unchanged: 0 } });
      expect(await digestStores(stores)).toBe(before);
      const done = await upload("csv", csv);
      expect(done.body).toEqual({ dryRun: false, created: 2, updated: 0, unchanged: 0 });
      const termin = await byKey("techniker-termin");
      expect(termin).toMatchObject({
        name: "Techniker-Termin",
        channel: "field_service",
        kind: "direct",
        department: "Service",
        owner: { type: "user", name: "agent" },
        tags: ["Installation", "Vor Ort"],
        signature: true,
        internalRating: { value: 4.5, assessedBy: { userId: ws.ownerId } },
        eventMatchers: [{ event: "Appointment *", where: 'properties.type = "install"' }],
      });
      expect(await byKey("warten-auf-rueckruf")).toMatchObject({
        channel: "phone",
        kind: "hidden",
        owner: { type: "team", name: "Team Hotline" },
        internalRating: { value: 2 },
        eventMatchers: [],
      });
      expect((await upload("csv", csv)).body).toEqual({
        dryRun: false,
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      const changed = csv.replace("Kunde wartet;", "Kunde wartet lange;");
      expect((await upload("csv", changed)).body).toEqual({
        dryRun: false,
        created: 0,
        updated: 1,
        unchanged: 1,
      });
      const audit = await stores.sor.db
        .selectFrom("audit_log")
        .select("details")
        .where("workspace_id", "=", ws.workspaceId)
        .where("action", "=", "touchpoint.import")
        .execute();
      expect(audit).toHaveLength(3);
    });

    it("reports every bad row by number and column, and stores nothing", async () => {
      const csv = [
        "key,name,channel,kind,owner,signature,internal_rating,event_matchers",
        "ok-row,Gute Zeile,web,direct,,no,,",
        "bad-channel,Kanal,Web Shop!,direct,,no,,",
        '"multi',
        'line",Zeile,web,sometimes,,maybe,6,',
        "who,Wer,web,direct,nobody@example.com,no,,",
        'cond,Bedingung,web,direct,,no,,"[{""event"":""Order *"",""where"":""total >""}]"',
        "ok-row,Doppelt,web,direct,,no,,",
        ",,,,,,,",
      ].join("\n");
      const before = await digestStores(stores);
      const res = await upload("csv", csv);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
        "/rows/3/channel",
        "/rows/4/key",
        "/rows/4/kind",
        "/rows/4/signature",
        "/rows/4/internal_rating",
        "/rows/5/owner",
        "/rows/6/event_matchers",
        "/rows/7/key",
      ]);
      expect(res.body.errors[5].message).toBe(
        "row 5, owner: no member of this workspace has the e-mail nobody@example.com",
      );
      expect(res.body.errors[6].message).toContain("0/where: unexpected end of expression at column 8");
      expect(res.body.errors[7].message).toContain('"ok-row" is also in row 2');
      expect(await digestStores(stores)).toBe(before);

      const unknown = await upload("csv", "Name;Farbe\nA;rot\n");
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ pointer: "/rows/1/Farbe", code: "unknown_column" }),
      ]);
      const noName = await upload("csv", "key\nabc\n");
      expect(noName.body.errors[0].pointer).toBe("/rows/1/name");
      const json = await upload("json", JSON.stringify([{ name: "A" }, { name: "", colour: "red" }]));
      expect(json.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/rows/1/colour"]);
      const jsonName = await upload(
        "json",
        JSON.stringify({ touchpoints: [{ name: "A" }, { name: "", kind: "x" }] }),
      );
      expect(jsonName.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
        "/rows/1/name",
        "/rows/1/kind",
      ]);
      expect((await upload("xlsx", "not a zip")).body.errors[0]).toMatchObject({
        pointer: "/body",
        code: "invalid_xlsx",
      });
      expect((await upload("json", "{")).body.errors[0]).toMatchObject({
        pointer: "/body",
        code: "invalid_json",
      });
      expect(await digestStores(stores)).toBe(before);
    });

    it("escapes formula-like cells on export and round-trips CSV, XLSX and JSON unchanged", async () => {
      const call = client(app);
      const made = await call("POST", base(), {
        cookie: ws.ownerCookie,
        body: {
          name: "-Rabatt Aktion",
          key: "rabatt",
          description: '=HYPERLINK("http://evil.example","klick")',
          tags: ["@home", "+plus", "'=schon"],
          internalRating: 3.7,
          eventMatchers: [{ event: "Coupon Redeemed", where: 'properties.code startsWith "=X"' }],
        },
      });
      expect(made.status).toBe(201);
      const tab = await call("POST", base(), {
        cookie: ws.ownerCookie,
        body: { name: "Tab", description: "\teingerückt" },
      });
      expect(tab.body.description).toBe("\teingerückt");
      const csv = Buffer.from(await download("csv")).toString("utf8");
      expect(
        csv.startsWith(
          "\uFEFFkey,name,description,channel,kind,department,owner,tags,signature,internal_rating,event_matchers",
        ),
      ).toBe(true);
      const line = csv.split("\n").find((l) => l.startsWith("rabatt,")) ?? "";
      expect(line).toContain(`'-Rabatt Aktion,"'=HYPERLINK(""http://evil.example"",""klick"")"`);
      expect(line).toContain(`"'@home, +plus, '=schon"`);
      expect(csv).toContain(`tab,Tab,'\teingerückt,`);

      const xlsx = await download("xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet?.getRow(1).getCell(1).value).toBe("key");
      expect(sheet?.getRow(1).font?.bold).toBe(true);
      let rabatt: ExcelJS.Row | undefined;
      sheet?.eachRow((row) => {
        if (row.getCell(1).value === "rabatt") rabatt = row;
      });
      expect(rabatt?.getCell(2).value).toBe("'-Rabatt Aktion");
      expect(rabatt?.getCell(3).value).toBe(`'=HYPERLINK("http://evil.example","klick")`);
      expect(rabatt?.getCell(10).value).toBe(3.7);

      const json = await download("json");
      const count = JSON.parse(Buffer.from(json).toString()).length;
      const stored = () =>
        stores.sor.db
          .selectFrom("touchpoints")
          .selectAll()
          .where("workspace_id", "=", ws.workspaceId)
          .orderBy("id")
          .execute();
      const before = await stored();
      for (const [format, file] of [
        ["csv", Buffer.from(csv)],
        ["xlsx", xlsx],
        ["json", json],
      ] as const) {
        const res = await upload(format, file);
        expect(res.body, format).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: count });
      }
      expect(await stored()).toEqual(before);
      expect(await byKey("rabatt")).toMatchObject({
        name: "-Rabatt Aktion",
        description: '=HYPERLINK("http://evil.example","klick")',
        tags: ["@home", "+plus", "'=schon"],
      });
      expect((await byKey("tab")).description).toBe("\teingerückt");
    });

    it("imports an XLSX with German headers and Excel's linked e-mail cells into a fresh workspace", async () => {
      const fresh = await seedWorkspace(stores, "Frisch");
      const ownerEmail = (
        await stores.sor.db
          .selectFrom("users")
          .select("email")
          .where("id", "=", fresh.ownerId)
          .executeTakeFirstOrThrow()
      ).email;
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet("Kontaktpunkte");
      sheet.addRow([
        "Schlüssel",
        "Name",
        "Kanal",
        "Art",
        "Verantwortlich",
        "Tags",
        "Signature",
        "Interne Bewertung",
      ]);
      sheet.addRow([
        "kuendigung",
        "Kündigung",
        "Brief",
        "Direkt",
        { text: ownerEmail, hyperlink: `mailto:${ownerEmail}` },
        "Churn",
        "Ja",
        1.5,
      ]);
      sheet.addRow([]);
      sheet.addRow(["", "Zählerablesung", "app", "indirekt", "", "", false, null]);
      const res = await app.request(`/api/v1/workspaces/${fresh.workspaceId}/touchpoints/import`, {
        method: "POST",
        headers: { cookie: fresh.ownerCookie, "content-type": XLSX },
        body: new Uint8Array(await wb.xlsx.writeBuffer()),
      });
      expect(await res.json()).toEqual({ dryRun: false, created: 2, updated: 0, unchanged: 0 });
      const list = await client(app)("GET", `/api/v1/workspaces/${fresh.workspaceId}/touchpoints`, {
        cookie: fresh.ownerCookie,
      });
      expect(list.body.items).toEqual([
        expect.objectContaining({
          key: "kuendigung",
          channel: "letter",
          owner: { type: "user", userId: fresh.ownerId, name: "Owner" },
          signature: true,
          internalRating: expect.objectContaining({ value: 1.5 }),
        }),
        expect.objectContaining({
          key: "zaehlerablesung",
          kind: "indirect",
          signature: false,
          internalRating: null,
        }),
      ]);
    });
  },
);
