import {
  type ClickHouseClient,
  ClickHouseError,
  ClickHouseLogLevel,
  type ClickHouseSettings,
  createClient,
} from "@clickhouse/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClickHouseHttp, startClickHouseHttp } from "./clickhouse-http.js";

describe("ClickHouse HTTP test server", () => {
  let server: ClickHouseHttp;
  let client: ClickHouseClient;
  beforeAll(async () => {
    server = await startClickHouseHttp();
    // The errors below are expected; the client would log each one.
    client = createClient({ url: server.url, log: { level: ClickHouseLogLevel.OFF } });
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it("answers ping, both the /ping endpoint and the SELECT form", async () => {
    expect(await client.ping()).toEqual({ success: true });
    expect((await client.ping({ select: true })).success).toBe(true);
    const res = await fetch(`${server.url}/ping`);
    expect(await res.text()).toBe("Ok.\n");
  });

  it("rejects a bad query with the engine's message and code, as a server does", async () => {
    const failure = await client
      .query({ query: "SELECT no_such_fn()", format: "JSONEachRow" })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(ClickHouseError);
    expect(failure).toMatchObject({ code: "46", type: "UNKNOWN_FUNCTION" });
    expect((failure as ClickHouseError).message).toMatch(/Function with name `no_such_fn` does not exist/);

    const res = await fetch(server.url, { method: "POST", body: "SELEC 1" });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-clickhouse-exception-code")).toBe("62");
    expect(await res.text()).toMatch(/^Code: 62\. DB::Exception: Syntax error.*\(SYNTAX_ERROR\)/s);
  });

  it("refuses what a server refuses: unknown settings, several statements, writes over GET", async () => {
    const unknown = client.command({
      query: "SELECT 1",
      clickhouse_settings: { no_such_setting: 1 } as ClickHouseSettings,
    });
    await expect(unknown).rejects.toMatchObject({ code: "115", type: "UNKNOWN_SETTING" });
    await expect(client.command({ query: "SELECT 1; SELECT 2" })).rejects.toMatchObject({
      type: "SYNTAX_ERROR",
    });
    const get = await fetch(`${server.url}/?query=${encodeURIComponent("CREATE DATABASE never_made")}`);
    expect(get.headers.get("x-clickhouse-exception-code")).toBe("164");
  });

  it("binds text-escaped parameters, nested quotes and backslashes included", async () => {
    const tricky = "O'Brien\\ \t; DROP";
    const rs = await client.query({
      query:
        "SELECT {s:String} AS s, {a:Array(String)} AS a, {m:Map(String, UInt8)} AS m, {n:Nullable(String)} AS n",
      query_params: { s: tricky, a: [tricky, "x"], m: { [tricky]: 1 }, n: null },
      format: "JSONEachRow",
    });
    expect(await rs.json()).toEqual([{ s: tricky, a: [tricky, "x"], m: { [tricky]: 1 }, n: null }]);
  });

  it("sends the headers a server sends and compresses when asked", async () => {
    const gz = createClient({ url: server.url, compression: { request: true, response: true } });
    try {
      const rs = await gz.query({ query: "SELECT 1 AS one", format: "JSONEachRow", query_id: "q-1" });
      expect(rs.query_id).toBe("q-1");
      expect(rs.response_headers["x-clickhouse-format"]).toBe("JSONEachRow");
      expect(rs.response_headers["content-encoding"]).toBe("gzip");
      expect(await rs.json()).toEqual([{ one: 1 }]);
      await gz.command({ query: "CREATE TABLE IF NOT EXISTS default.shim_t (a String) ENGINE = Memory" });
      const { summary } = await gz.insert({
        table: "default.shim_t",
        values: [{ a: "x" }, { a: "y" }],
        format: "JSONEachRow",
      });
      expect(summary?.written_rows).toBe("2");
    } finally {
      await gz.command({ query: "DROP TABLE IF EXISTS default.shim_t" });
      await gz.close();
    }
  });
});
