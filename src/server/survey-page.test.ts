import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../core/ids.js";
import type { Stores } from "../core/stores.js";
import { testApp } from "../testing/app.js";
import { storeVariants } from "../testing/stores.js";
import type { AppEnv } from "./env.js";
import { pageLanguage } from "./survey-page.js";

describe("pageLanguage", () => {
  it("takes ?lang= first, then the highest-weighted de/en of Accept-Language, else German", () => {
    expect(pageLanguage("en", "de-DE")).toBe("en");
    expect(pageLanguage("DE-at", "en")).toBe("de");
    expect(pageLanguage("fr", "en-GB,en;q=0.9")).toBe("en");
    expect(pageLanguage(undefined, "fr-FR, en;q=0.5, de;q=0.8")).toBe("de");
    expect(pageLanguage(undefined, "fr-FR, de;q=0, en;q=0.1")).toBe("en");
    expect(pageLanguage(undefined, "fr-FR")).toBe("de");
    expect(pageLanguage(undefined, undefined)).toBe("de");
  });

  it("always answers de or en, whatever the headers say", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (lang, accept) => {
        expect(["de", "en"]).toContain(pageLanguage(lang ?? undefined, accept ?? undefined));
      }),
    );
  });
});

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "hosted survey page on %s",
  (_name, variant) => {
    let stores: Stores;
    let app: OpenAPIHono<AppEnv>;
    const webDir = mkdtempSync(join(tmpdir(), "jl-survey-page-"));

    beforeAll(async () => {
      writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Journeylens</title>");
      writeFileSync(join(webDir, "widget.js"), "console.log('widget');");
      writeFileSync(join(webDir, "widget.css"), "body{margin:0}");
      stores = await variant.open();
      app = testApp(stores, { webDir });
    });
    afterAll(async () => {
      await stores.close();
      rmSync(webDir, { recursive: true, force: true });
    });

    it("serves the page in page mode under a strict CSP, uncached, in the asked language", async () => {
      const surveyId = uuidv7();
      const res = await app.request(`/s/${surveyId}?t=secret-token&lang=en`, {
        headers: { "accept-language": "de-DE" },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      const html = await res.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain("<title>Survey</title>");
      expect(html).toContain('<link rel="stylesheet" href="/widget.css" />');
      expect(html).toContain('<main id="journeylens-survey"></main>');
      expect(html).toContain(
        `<script src="/widget.js" data-survey="${surveyId}" data-mode="page" defer></script>`,
      );
      // The token stays in the URL for the script; the page never repeats it.
      expect(html).not.toContain("secret-token");
      // No inline script or style for the CSP to block.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    });

    it("follows Accept-Language without ?lang=", async () => {
      const res = await app.request(`/s/${uuidv7()}`, { headers: { "accept-language": "de-AT,en;q=0.5" } });
      const html = await res.text();
      expect(html).toContain('<html lang="de">');
      expect(html).toContain("<title>Umfrage</title>");
    });

    it("answers 404 with a page for an id that is not a UUID, echoing nothing", async () => {
      const res = await app.request("/s/%3Cscript%3Ealert(1)%3C%2Fscript%3E?lang=en");
      expect(res.status).toBe(404);
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toContain("This survey does not exist.");
      expect(html).not.toContain("alert(1)");
      expect(html).not.toContain("/widget.js");
    });

    it("serves widget.js and widget.css for other origins with a short cache", async () => {
      for (const [path, type] of [
        ["/widget.js", "javascript"],
        ["/widget.css", "text/css"],
      ] as const) {
        const res = await app.request(path, { headers: { origin: "https://shop.example" } });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain(type);
        expect(res.headers.get("access-control-allow-origin")).toBe("*");
        expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
        expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      }
    });

    it("answers 404 for widget files that were not built, not the web app", async () => {
      const bare = mkdtempSync(join(tmpdir(), "jl-survey-page-bare-"));
      try {
        writeFileSync(join(bare, "index.html"), "<!doctype html><title>Journeylens</title>");
        const res = await testApp(stores, { webDir: bare }).request("/widget.js");
        expect(res.status).toBe(404);
        expect(res.headers.get("access-control-allow-origin")).toBeNull();
        const html = await testApp(stores, { webDir: bare }).request(`/s/${uuidv7()}`);
        expect(await html.text()).not.toContain("widget.css");
      } finally {
        rmSync(bare, { recursive: true, force: true });
      }
    });
  },
);
