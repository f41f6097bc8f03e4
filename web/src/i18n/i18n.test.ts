import { describe, expect, it } from "vitest";
import de from "./de.json";
import en from "./en.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const deLeaves = leaves(de);
  const enLeaves = leaves(en);

  it("have the same keys in German and English", () => {
    expect([...deLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it("have no empty values", () => {
    for (const [key, value] of [...deLeaves, ...enLeaves]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("use the same interpolation variables in both languages", () => {
    for (const [key, value] of deLeaves) {
      expect(placeholders(value), key).toEqual(placeholders(enLeaves.get(key) ?? ""));
    }
  });
});
