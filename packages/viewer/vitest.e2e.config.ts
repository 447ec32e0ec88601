import { defineConfig } from "vitest/config";

// The viewer's own test run: unit tests and browser tests, without the
// workspace's Neo4j global setup. Run from the repository root:
//   pnpm vitest run --config packages/viewer/vitest.e2e.config.ts
export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    include: ["src/**/*.test.ts", "server/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
