import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const pageCss = fileURLToPath(new URL("widget/page.css", import.meta.url));

/** The hosted page's own stylesheet, emitted beside the script under a stable name. */
function pageStylesheet(): Plugin {
  return {
    name: "journeylens-page-css",
    buildStart() {
      this.addWatchFile(pageCss);
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "widget.css", source: readFileSync(pageCss, "utf8") });
    },
  };
}

// Customers embed `/widget.js` by that name, so no hash; runs after the app build, which empties dist/web.
export default defineConfig({
  root: fileURLToPath(new URL("widget", import.meta.url)),
  publicDir: false,
  plugins: [pageStylesheet()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: false,
    target: "es2022",
    lib: {
      entry: fileURLToPath(new URL("widget/main.ts", import.meta.url)),
      formats: ["iife"],
      name: "JourneylensWidget",
      fileName: () => "widget.js",
    },
  },
});
