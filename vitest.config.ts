import { defineConfig } from "vitest/config";

// One test run for the whole workspace: unit tests beside the code,
// cross-package tests under test/, browser tests under packages/viewer/e2e/.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/server/**/*.test.ts", "packages/viewer/e2e/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/setup/neo4j-global.ts", "test/setup/redis-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
