/**
 * The Redis of the global setup (test/setup/redis-global.ts), and queue names
 * of their own for each test so test files never share a queue.
 */
import { inject } from "vitest";

export function redisUrl(): string {
  const url = inject("redisUrl");
  if (!url) throw new Error("No Redis: run the tests with the root vitest.config.ts (globalSetup test/setup/redis-global.ts)");
  return url;
}

let queues = 0;
/** A queue name no other test file or run uses. */
export function testQueue(label: string): string {
  return `kg-test-${label}-${process.pid}-${Date.now().toString(36)}-${queues++}`;
}
