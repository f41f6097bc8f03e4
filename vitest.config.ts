import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "web/src/**/*.test.ts",
      "web/widget/**/*.test.ts",
      "web/e2e/**/*.e2e.test.ts",
    ],
    globalSetup: ["src/testing/global-setup.ts"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single file at a time on the 2-core CI
    // machine. Most files wait on the stores, the browser or timers, so two run side by side.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    outputFile: { junit: "test-output/junit.xml" },
  },
});
