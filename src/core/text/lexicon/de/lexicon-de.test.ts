import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../tokenize.js";
import { DE_WORD_LISTS } from "./words-all.js";

// Format checks for the hand-written word lists; the parser (index.ts) trusts them.
const ENTRY = /^(\S+(?: \S+)*) (-?\d\.\d)$/u;
const MIN_STEM_LETTERS = 4;

/** The key of an entry line, or why the line is malformed. Comment and blank lines give null. */
function checkLine(raw: string): { key: string } | { error: string } | null {
  const line = raw.trim();
  if (line === "" || line.startsWith("#")) return null;
  if (line !== raw) return { error: "surrounding whitespace" };
  const m = ENTRY.exec(line);
  if (!m) return { error: "not `<words> <valence with one decimal>`" };
  const [, key = "", value = ""] = m;
  if (Math.abs(Number(value)) > 4) return { error: "valence outside [-4, 4]" };
  for (const token of key.split(" ")) {
    if (token !== token.toLowerCase()) return { error: `not lower case: ${token}` };
    const isStem = token.endsWith("*");
    const word = isStem ? token.slice(0, -1) : token;
    if (word.includes("*")) return { error: `* only at the end: ${token}` };
    // Each word must be exactly one tokenizer word, or the entry could never match.
    const tokens = tokenize(word);
    if (tokens.length !== 1 || tokens[0]?.kind !== "word" || tokens[0].text !== word)
      return { error: `not a single word token: ${token}` };
    if (isStem && (word.match(/\p{L}/gu)?.length ?? 0) < MIN_STEM_LETTERS)
      return { error: `stem shorter than ${MIN_STEM_LETTERS} letters: ${token}` };
  }
  return { key };
}

function entries(list: string): { key: string; line: string }[] {
  const out: { key: string; line: string }[] = [];
  for (const line of list.split("\n")) {
    const r = checkLine(line);
    if (r && "key" in r) out.push({ key: r.key, line });
  }
  return out;
}

describe("German lexicon word lists", () => {
  it("the line checker rejects malformed lines", () => {
    for (const bad of [
      "Gut 1.9",
      "gut",
      "gut 2",
      "gut 4.5",
      "gut  1.9",
      " gut 1.9",
      "gu* 1.0",
      "g*ut 1.0",
      "super-! 1.0",
      "zwei worte -2.0x",
    ])
      expect(checkLine(bad), bad).toHaveProperty("error");
    expect(checkLine("# comment")).toBeNull();
    expect(checkLine("hat ewig* gedauert -2.5")).toEqual({ key: "hat ewig* gedauert" });
  });

  it("every line is a comment or `<1+ lower-case words/stems> <valence>`", () => {
    const bad = DE_WORD_LISTS.flatMap((list) =>
      list.split("\n").flatMap((line) => {
        const r = checkLine(line);
        return r && "error" in r ? [`${line} → ${r.error}`] : [];
      }),
    );
    expect(bad).toEqual([]);
  });

  it("no key appears twice, within or across lists", () => {
    const seen = new Map<string, number>();
    for (const list of DE_WORD_LISTS)
      for (const { key } of entries(list)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it("every words-*.ts list is registered in words-all.ts", async () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(dir).filter((f) => /^words-.+\.ts$/.test(f) && f !== "words-all.ts");
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const mod: Record<string, unknown> = await import(
        /* @vite-ignore */ pathToFileURL(join(dir, file)).href
      );
      for (const [name, value] of Object.entries(mod)) {
        expect(typeof value, `${file} ${name}`).toBe("string");
        expect(DE_WORD_LISTS, `${file} ${name}`).toContain(value);
        expect(entries(value as string).length, `${file} ${name}`).toBeGreaterThan(20);
      }
    }
  });

  it("every entry with ä, ö, ü or ß also exists spelled with ae, oe, ue, ss", () => {
    const keys = new Set(DE_WORD_LISTS.flatMap((list) => entries(list).map((e) => e.key)));
    const fold = (s: string) =>
      s.replaceAll("ä", "ae").replaceAll("ö", "oe").replaceAll("ü", "ue").replaceAll("ß", "ss");
    expect([...keys].filter((k) => /[äöüß]/.test(k) && !keys.has(fold(k)))).toEqual([]);
  });

  it("holds at least 3,000 entries", () => {
    const total = DE_WORD_LISTS.reduce((n, list) => n + entries(list).length, 0);
    expect(total).toBeGreaterThanOrEqual(3000);
  });
});
