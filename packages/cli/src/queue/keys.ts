/**
 * Queue names and the Redis keys we keep beside BullMQ's own (under the same
 * `bull:<queue>:` prefix, so one queue's data is found and removed together).
 */
import { InvalidArgumentError } from "commander";

/** BullMQ's prefix: its keys are bull:<queue>:<what>. */
export const PREFIX = "bull";

/** --queue NAME: letters, digits, `_`, `-`, `.` (BullMQ forbids `:` in names). */
export function queueName(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(value)) throw new InvalidArgumentError("a queue name is 1 to 100 letters, digits, '_', '-' or '.'");
  return value;
}

export interface QueueKeys {
  /** SET of the keys of articles a worker has written to its sinks. */
  done: string;
  /** ZSET of sink commits (score: time in ms; member: `<time>:<worker>:<articles>`), for articles/s and ETA. */
  commits: string;
}

export function queueKeys(queue: string): QueueKeys {
  return { done: `${PREFIX}:${queue}:kg:done`, commits: `${PREFIX}:${queue}:kg:commits` };
}

/** Commits older than this are dropped from the rate record. */
export const COMMITS_KEPT_MS = 15 * 60 * 1000;
