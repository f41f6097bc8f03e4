/**
 * A test double of the ClickHouse HTTP interface — the protocol only, never the engine: every
 * statement runs in the real ClickHouse engine (chDB, in this process). It lets the facts store's
 * HTTP transport be tested where no modern ClickHouse server can be installed. Covered, as a
 * server does it, for the subset `@clickhouse/client` uses: `GET /ping`; the query in the `query`
 * URL parameter and/or the body (joined by a line break); `param_<name>` in text-escaped form,
 * in the URL or as multipart/form-data parts; every other URL parameter applied as a setting
 * (unknown ones fail as on a server); `database`, `default_format`, `query_id`, `session_id`;
 * GET queries are readonly; gzip/deflate/br bodies both ways; one statement per request;
 * `X-ClickHouse-{Query-Id,Format,Timezone,Summary,Exception-Code}` headers; errors as
 * `Code: N. DB::Exception: …` with the server's HTTP status for the code.
 * Not covered: native compression (`compress`/`decompress`, refused), external tables, binary
 * input formats, streaming and progress headers (responses are buffered), auth, session locks
 * and timeouts. Summary counters are chDB's (insert rows are counted from the body's lines).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { type ChdbResult, Session } from "chdb";
import { createChdbConnection } from "chdb/connection";

export interface ClickHouseHttp {
  url: string;
  close(): Promise<void>;
}

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** URL parameters the server's HTTP handler consumes itself; all others are settings or `param_*`. */
const RESERVED = words(`
  query database default_format query_id session_id session_timeout session_check close_session
  compress decompress user password quota_key role stacktrace buffer_size wait_end_of_query
  client_protocol_version`);

/** The server's `exceptionCodeToHTTPStatus`, keyed by the error name that ends the message. */
const BAD_REQUEST = words(`
  BAD_ARGUMENTS CANNOT_COMPILE_REGEXP CANNOT_PARSE_TEXT CANNOT_PARSE_ESCAPE_SEQUENCE
  CANNOT_PARSE_QUOTED_STRING CANNOT_PARSE_DATE CANNOT_PARSE_DATETIME CANNOT_PARSE_NUMBER
  CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING CANNOT_PARSE_IPV4 CANNOT_PARSE_IPV6
  CANNOT_PARSE_INPUT_ASSERTION_FAILED CANNOT_PARSE_UUID DUPLICATE_COLUMN ILLEGAL_COLUMN
  UNKNOWN_ELEMENT_IN_AST UNKNOWN_TYPE_OF_AST_NODE THERE_IS_NO_COLUMN TOO_DEEP_AST TOO_BIG_AST
  UNEXPECTED_AST_STRUCTURE SYNTAX_ERROR INCORRECT_DATA TYPE_MISMATCH VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE`);
const NOT_FOUND = words(`
  UNKNOWN_TABLE UNKNOWN_FUNCTION UNKNOWN_IDENTIFIER UNKNOWN_TYPE UNKNOWN_STORAGE UNKNOWN_DATABASE
  UNKNOWN_SETTING UNKNOWN_DIRECTION_OF_SORTING UNKNOWN_AGGREGATE_FUNCTION UNKNOWN_FORMAT
  UNKNOWN_DATABASE_ENGINE UNKNOWN_TYPE_OF_QUERY UNKNOWN_ROLE`);
// biome-ignore format: a table
const OTHER_STATUS: Record<string, number> = {
  REQUIRED_PASSWORD: 401, UNKNOWN_USER: 403, WRONG_PASSWORD: 403, AUTHENTICATION_FAILED: 403,
  SET_NON_GRANTED_ROLE: 403, ACCESS_DENIED: 403, QUERY_IS_TOO_LARGE: 413, NOT_IMPLEMENTED: 501,
  SOCKET_TIMEOUT: 503, CANNOT_OPEN_FILE: 503, CANNOT_SCHEDULE_TASK: 503, HTTP_LENGTH_REQUIRED: 411,
  TIMEOUT_EXCEEDED: 408, UNSUPPORTED_MEDIA_TYPE: 415,
};

const httpStatus = (name: string) =>
  BAD_REQUEST.has(name) ? 400 : NOT_FOUND.has(name) ? 404 : (OTHER_STATUS[name] ?? 500);

const chError = (code: number, message: string, name: string) =>
  new Error(`Code: ${code}. DB::Exception: ${message}. (${name})`);

type Codec = Record<string, (b: Buffer) => Promise<Buffer>>;
// biome-ignore format: a table
const DECODE: Codec = {
  gzip: promisify(zlib.gunzip), deflate: promisify(zlib.inflate), br: promisify(zlib.brotliDecompress),
};
// biome-ignore format: a table
const ENCODE: Codec = {
  gzip: promisify(zlib.gzip), deflate: promisify(zlib.deflate), br: promisify(zlib.brotliCompress),
};

// biome-ignore format: a table
const ESCAPES: Record<string, string> = {
  a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0",
};

/**
 * Undoes one level of ClickHouse text escaping, because chDB's binder escapes every value it is
 * given again. Inside a composite value (array, tuple, map) a quote must stay escaped within its
 * literal; doubling it is the one form the re-escaping leaves intact.
 */
function unescapeParam(raw: string, composite: boolean): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|[\s\S])/g, (_m, e: string) => {
    const c = e.length === 3 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e);
    return composite && c === "'" ? "''" : c;
  });
}

/** `{name:Type}` placeholders: a value's escaping depends on the type it is bound to. */
function placeholderTypes(sql: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const m of sql.matchAll(/\{\s*(\w+)\s*:\s*((?:[^{}'"]|'(?:[^'\\]|\\.)*')+?)\s*\}/g)) {
    if (m[1] && m[2] && !types.has(m[1])) types.set(m[1], m[2]);
  }
  return types;
}
const COMPOSITE = /^(?:(?:LowCardinality|Nullable)\s*\(\s*)*(?:Array|Tuple|Map|Nested)\s*\(/i;

const TOKENS =
  /'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S])*"|`(?:[^`\\]|\\[\s\S])*`|--[^\n]*|\/\*[\s\S]*?\*\//g;

/** Where a second statement starts, or -1. A server runs one per request; chDB would run them all. */
function secondStatementAt(sql: string): number {
  const head = /^\s*INSERT\b[\s\S]*?\bFORMAT\s+\w+/i.exec(sql)?.[0] ?? sql; // inline data is not SQL
  const blanked = head.replace(TOKENS, (t) => (/^['"`]/.test(t) ? "x" : " ").repeat(t.length));
  return /;\s*[^;\s]/.exec(blanked)?.index ?? -1;
}

/** Text fields of a multipart/form-data body (the client sends `query` and `param_*` this way). */
function multipartFields(body: string, contentType: string): [string, string][] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) return [];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((part): [string, string][] => {
      const at = part.indexOf("\r\n\r\n");
      const name = /name="([^"]*)"/.exec(part.slice(0, at))?.[1];
      return name && at >= 0 ? [[name, part.slice(at + 4).replace(/\r\n$/, "")]] : [];
    });
}

const contentType = (format: string) =>
  /^JSON/i.test(format)
    ? "application/json; charset=UTF-8"
    : /^(TSV|TabSeparated)/i.test(format)
      ? "text/tab-separated-values; charset=UTF-8"
      : "text/plain; charset=UTF-8";

export async function startClickHouseHttp(): Promise<ClickHouseHttp> {
  // A `:memory:` connection shares, and keeps alive, the directory this process's one engine is
  // bound to, so the shim coexists with `openFacts()`. A Session per request on that directory
  // isolates settings and `USE` the way a server's per-query context does.
  const anchor = createChdbConnection({ path: ":memory:" });
  const dataDir = anchor.chdb.session.path;
  const sessions = new Map<string, Session>(); // `session_id` → state kept across requests
  const probe = new Session(dataDir);
  const [timezone = "UTC", version = ""] = (
    await probe.queryAsync("SELECT timezone(), version()", { format: "TSV" })
  )
    .text()
    .trim()
    .split("\t");
  probe.close();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const params = new Map(url.searchParams);
    const header = (name: string) => req.headers[name]?.toString();
    const queryId = params.get("query_id") || header("x-clickhouse-query-id") || randomUUID();
    const defaultFormat = params.get("default_format") ?? header("x-clickhouse-format") ?? "TabSeparated";
    const headers: Record<string, string> = {
      "X-ClickHouse-Query-Id": queryId,
      "X-ClickHouse-Timezone": timezone,
    };
    try {
      if (
        url.pathname === "/ping" ||
        (url.pathname === "/" && req.method === "GET" && !params.has("query"))
      ) {
        res.writeHead(200, { "Content-Type": "text/html; charset=UTF-8" }).end("Ok.\n");
        return;
      }
      if (url.pathname !== "/") {
        res
          .writeHead(404, { "Content-Type": "text/plain; charset=UTF-8" })
          .end(`There is no handle ${url.pathname}\n`);
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const encoding = header("content-encoding");
      const decode = encoding ? DECODE[encoding] : undefined;
      if (encoding && !decode) throw chError(36, `Unknown compression method ${encoding}`, "BAD_ARGUMENTS");
      let body = (decode ? await decode(Buffer.concat(chunks)) : Buffer.concat(chunks)).toString("utf8");
      const type = header("content-type") ?? "";
      if (type.startsWith("multipart/form-data")) {
        for (const [k, v] of multipartFields(body, type)) params.set(k, v);
        body = "";
      }
      if (params.get("compress") === "1" || params.get("decompress") === "1") {
        throw chError(48, "native compression is not supported by this test server", "NOT_IMPLEMENTED");
      }
      const query = params.get("query") ?? "";
      const sql = query && body ? `${query}\n${body}` : query || body;
      if (!sql.trim()) throw chError(62, "Empty query", "SYNTAX_ERROR");
      const second = secondStatementAt(sql);
      if (second >= 0) {
        throw chError(
          62,
          `Syntax error (Multi-statements are not allowed): failed at position ${second + 1}`,
          "SYNTAX_ERROR",
        );
      }

      const settings = req.method === "GET" ? ["readonly = 2"] : []; // GET only reads, as on a server
      const bound: Record<string, string | null> = {};
      const types = placeholderTypes(sql);
      for (const [key, value] of params) {
        if (key.startsWith("param_")) {
          const name = key.slice(6);
          bound[name] = value === "\\N" ? null : unescapeParam(value, COMPOSITE.test(types.get(name) ?? ""));
        } else if (key && !RESERVED.has(key)) {
          if (!/^\w+$/.test(key)) throw chError(115, `Unknown setting '${key}'`, "UNKNOWN_SETTING");
          settings.push(`${key} = '${value.replace(/[\\']/g, "\\$&")}'`);
        }
      }

      const sessionId = params.get("session_id");
      let session = sessionId ? sessions.get(sessionId) : undefined;
      if (!session) {
        session = new Session(dataDir);
        if (sessionId) sessions.set(sessionId, session);
      }
      let result: ChdbResult;
      try {
        const database = params.get("database") ?? header("x-clickhouse-database");
        if (database) await session.queryAsync(`USE \`${database.replace(/[\\`]/g, "\\$&")}\``);
        if (settings.length > 0) await session.queryAsync(`SET ${settings.join(", ")}`);
        const options = { format: defaultFormat };
        result = Object.keys(bound).length
          ? await session.queryBindAsync(sql, bound, options)
          : await session.queryAsync(sql, options);
      } finally {
        if (!sessionId) session.close();
      }

      const isInsert = /^\s*INSERT\b/i.test(sql);
      const format = (!isInsert && /\bFORMAT\s+(\w+)\s*;?\s*$/i.exec(sql)?.[1]) || defaultFormat;
      const written = isInsert ? body.split("\n").filter((line) => line.trim()).length : 0;
      headers["X-ClickHouse-Format"] = format;
      headers["Content-Type"] = contentType(format);
      headers["X-ClickHouse-Summary"] = JSON.stringify({
        read_rows: String(isInsert ? written : result.rowsRead),
        read_bytes: String(isInsert ? Buffer.byteLength(body) : result.bytesRead),
        written_rows: String(written),
        written_bytes: String(isInsert ? Buffer.byteLength(body) : 0),
        total_rows_to_read: "0",
        result_rows: String(isInsert ? 0 : result.rowsRead),
        result_bytes: String(isInsert ? 0 : result.bytesRead),
        elapsed_ns: String(Math.round(result.elapsed * 1e9)),
      });
      let out: Buffer = Buffer.from(result.bytes());
      const accepted = header("accept-encoding") ?? "";
      const codec =
        params.get("enable_http_compression") === "1"
          ? Object.keys(ENCODE).find((c) => accepted.includes(c))
          : undefined;
      const encode = codec ? ENCODE[codec] : undefined;
      if (codec && encode) {
        out = await encode(out);
        headers["Content-Encoding"] = codec;
      }
      res.writeHead(200, headers).end(out);
    } catch (e) {
      const raw = e instanceof Error ? e.message : String(e);
      const message = /^Code: \d+\./.test(raw) ? raw : `Code: 1001. DB::Exception: ${raw}. (STD_EXCEPTION)`;
      const code = /^Code: (\d+)\./.exec(message)?.[1] ?? "1001";
      const name = /\(([A-Z][A-Z0-9_]+)\)(?:\s*\(version [^)]*\))*\s*$/.exec(message)?.[1] ?? "";
      const text = message.includes("(version ") ? message : `${message} (version ${version})`;
      res
        .writeHead(httpStatus(name), {
          ...headers,
          "Content-Type": "text/plain; charset=UTF-8",
          "X-ClickHouse-Exception-Code": code,
        })
        .end(`${text}\n`);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 10_000; // a server's default keep_alive_timeout, sent as `Keep-Alive: timeout=10`
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      for (const session of sessions.values()) session.close();
      await anchor.close();
    },
  };
}
