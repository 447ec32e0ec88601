/**
 * vitest globalSetup: a Redis for the queue tests.
 * - REDIS_URL set: that server is used; the tests add queues to it (named
 *   kg-test-*) and remove them, so it must be empty unless REDIS_TEST_ALLOW_WIPE=1.
 * - otherwise Debian's redis-server is started on 127.0.0.1 on a free port
 *   (it starts in milliseconds, so unlike Neo4j it is not started lazily).
 * Test files find it with inject("redisUrl") (test/helpers/redis.ts).
 */
import type { TestProject } from "vitest/node";
import { Redis } from "ioredis";
import { startRedis, type StartedRedis } from "./redis.ts";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let started: StartedRedis | undefined;
  const external = process.env.REDIS_URL;
  if (external) {
    if (process.env.REDIS_TEST_ALLOW_WIPE !== "1") {
      const client = new Redis(external, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await client.connect();
        if ((await client.dbsize()) > 0) {
          throw new Error(`REDIS_URL=${external.replace(/\/\/[^@/]*@/, "//")} holds data; point it at a scratch Redis, unset it to let the tests start their own, or set REDIS_TEST_ALLOW_WIPE=1.`);
        }
      } finally {
        client.disconnect();
      }
    }
    project.provide("redisUrl", external);
  } else {
    started = await startRedis();
    project.provide("redisUrl", started.url);
  }
  return async () => {
    await started?.stop();
  };
}
