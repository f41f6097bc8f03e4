import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import { fileError } from "../../files/read-table.js";
import type { LogRecord } from "./read-event-log.js";

const ATTRIBUTE = new Set(["string", "date", "int", "float", "boolean", "id"]);

/**
 * Events of an XES log (IEEE 1849), streamed through a SAX parser: a trace's own attributes become
 * `case:<key>` cells of each of its events (as the CSV exports name them), an event's attributes
 * `<key>`. Nested attributes and lists are skipped (their parent is an attribute, not the event). Row numbers count events from 1.
 */
export async function* readXesEvents(bytes: Readable): AsyncGenerator<LogRecord> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: LogRecord[] = [];
  const stack: string[] = [];
  let traceCells: Record<string, string> = {};
  let event: Record<string, string> | undefined;
  let events = 0;
  let sawLog = false;
  let failure: Error | undefined;

  parser.on("opentag", (tag) => {
    const name = tag.name.replace(/^.*:/, "");
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (name === "log") sawLog = true;
    else if (name === "trace" && parent === "log") traceCells = {};
    else if (name === "event" && (parent === "trace" || parent === "log")) {
      // A flat log (events straight under <log>) has no case attributes.
      event = parent === "trace" ? { ...traceCells } : {};
    } else if (ATTRIBUTE.has(name)) {
      const key = tag.attributes.key;
      const value = tag.attributes.value;
      if (typeof key !== "string" || typeof value !== "string") return;
      if (parent === "event" && event) event[key] = value;
      else if (parent === "trace") traceCells[`case:${key}`] = value;
    }
  });
  parser.on("closetag", () => {
    const name = stack.pop();
    if (name === "event" && event) {
      events += 1;
      ready.push({ row: events, cells: event });
      event = undefined;
    }
  });
  parser.on("error", (e) => {
    failure ??= e;
  });

  const fail = (e: Error) =>
    fileError([{ pointer: "/body", code: "invalid_xes", message: `not a readable XES file: ${e.message}` }]);
  bytes.setEncoding("utf8");
  for await (const chunk of bytes as AsyncIterable<string>) {
    parser.write(chunk);
    if (failure) throw fail(failure);
    yield* ready;
    ready.length = 0;
  }
  parser.close();
  if (failure) throw fail(failure);
  yield* ready;
  if (!sawLog) throw fail(new Error("no <log> element"));
}
