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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    outputFile: { junit: "test-output/junit.xml" },
  },
});
