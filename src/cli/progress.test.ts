import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 120, write: (s: string) => chunks.push(s) } };
}

describe("progress", () => {
  it("writes plain lines at most once per interval when not a terminal, and the final state on finish", () => {
    let t = 0;
    const { chunks, stream } = fakeStream(false);
    const p = createProgress({ total: 1000, label: "rows sent", stream, intervalMs: 1000, now: () => t });
    p.update(0);
    p.update(500, "accepted 400");
    t = 999;
    p.update(600, "accepted 500");
    t = 1000;
    p.update(700, "accepted 600");
    p.update(1000, "accepted 900, duplicates 100");
    p.finish();
    p.finish();
    expect(chunks).toEqual([
      "  0% rows sent 0/1000\n",
      " 70% rows sent 700/1000, accepted 600\n",
      "100% rows sent 1000/1000, accepted 900, duplicates 100\n",
    ]);
  });

  it("redraws one line with a bar on a terminal and ends it on finish", () => {
    let t = 0;
    const { chunks, stream } = fakeStream(true);
    const p = createProgress({ total: 4, label: "rows sent", stream, now: () => t });
    p.update(1);
    t += 100;
    p.update(4, "accepted 4");
    p.finish();
    expect(chunks).toEqual([
      "\r[######------------------]  25% rows sent 1/4",
      "\r[########################] 100% rows sent 4/4, accepted 4",
      "\n",
    ]);
    expect(chunks.join("")).not.toContain("\n\r");
  });

  it("copes with nothing to do", () => {
    const { chunks, stream } = fakeStream(false);
    createProgress({ total: 0, label: "rows sent", stream }).finish();
    expect(chunks).toEqual(["100% rows sent 0/0\n"]);
  });
});
