import { describe, expect, it } from "vitest";
import { deriveKey, KEY_PATTERN } from "./keys.js";
import { slugify } from "./workspaces/slug.js";

describe("keys and slugs", () => {
  it("transliterates German the same way for keys and workspace slugs", () => {
    expect(deriveKey("Warten auf Rückruf", "x")).toBe("warten-auf-rueckruf");
    expect(deriveKey("Straße & Größe", "x")).toBe("strasse-groesse");
    expect(slugify("Stadtwerke Süd")).toBe("stadtwerke-sued");
    expect(slugify("!!!")).toBe("workspace");
    const long = slugify("Überregionale Versorgungsgesellschaft für Wasser und Wärme mbH");
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(KEY_PATTERN);
  });
});
