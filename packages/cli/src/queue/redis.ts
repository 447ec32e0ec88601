/**
 * Where Redis is (REDIS_URL, credentials included, from the environment only)
 * and the one-line errors for when it cannot be used. The URL is never printed
 * with its credentials.
 */
import { Redis } from "ioredis";

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export interface RedisTarget {
  url: string;
  /** The URL without user:password@, safe to print. */
  display: string;
}

export function redisTarget(env: NodeJS.ProcessEnv = process.env): RedisTarget {
  const url = env.REDIS_URL || DEFAULT_REDIS_URL;
  return { url, display: url.replace(/^([a-z]+:\/\/)[^@/]*@/i, "$1") };
}

/** A failure to reach or use Redis or Neo4j, as one line a user can act on. */
export class QueueError extends Error {
  override readonly name = "QueueError";
}

const REASONS: [RegExp, string][] = [
  [/ECONNREFUSED/, "connection refused"],
  [/ENOTFOUND|EAI_AGAIN/, "host not found"],
  [/ETIMEDOUT|timed? ?out/i, "connection timed out"],
  [/ECONNRESET|EPIPE|Connection is closed/i, "connection lost"],
  [/EHOSTUNREACH|ENETUNREACH/, "host unreachable"],
];

/** Whatever ioredis threw, as one line naming Redis and where it is. */
export function redisError(error: unknown, target: RedisTarget): QueueError {
  if (error instanceof QueueError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(message)) {
    return new QueueError(`Redis at ${target.display} rejected the login (${message.split("\n")[0]}): check the user and password in REDIS_URL`);
  }
  const reason = REASONS.find(([re]) => re.test(message))?.[1];
  if (reason) return new QueueError(`Cannot reach Redis at ${target.display}: ${reason}. Is it running? (Debian: apt-get install redis-server; or set REDIS_URL)`);
  return new QueueError(`Redis at ${target.display}: ${message.split("\n")[0]}`);
}

/** Whether an error is the connection to Redis failing (as opposed to a command failing). */
export function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return REASONS.some(([re]) => re.test(message));
}

/**
 * Connects once and pings, without retrying: a Redis that is not there is one clear error at once, not
 * ioredis retrying for ever.
 */
export async function checkRedis(target: RedisTarget): Promise<void> {
  const probe = new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: 5000 });
  // connect() rejects with "Connection is closed."; the socket's own error (ECONNREFUSED, ...) comes as an event.
  let cause: unknown;
  probe.on("error", (error: unknown) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw redisError(cause ?? error, target);
  } finally {
    probe.disconnect();
  }
}

/**
 * The connection BullMQ and our bookkeeping share. `maxRetriesPerRequest: null` is what BullMQ's workers
 * need (their blocking commands wait for jobs); `onLost` hears the first connection error after start.
 */
export function openRedis(target: RedisTarget, onLost?: (error: QueueError) => void): Redis {
  const redis = new Redis(target.url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  let lost = false;
  redis.on("error", (error: unknown) => {
    if (lost || !isConnectionError(error)) return;
    lost = true;
    onLost?.(redisError(error, target));
  });
  return redis;
}
