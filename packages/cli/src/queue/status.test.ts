import { describe, expect, test } from "vitest";
import { commitRate, formatStatus } from "./status.ts";

describe("kg queue status", () => {
  test("articles/s: articles committed after the window's first commit, over the time since it; it falls when workers stop", () => {
    const commits: [number, number][] = [[10_000, 100], [12_000, 100], [14_000, 100]];
    expect(commitRate(commits, 14_000)).toBe(50);
    expect(commitRate(commits, 24_000)).toBe(200 / 14);
    expect(commitRate([[10_000, 100]], 14_000)).toBeNull();
  });

  test("the lines for people name every failed article's record and error", () => {
    const text = formatStatus({
      queue: "kg",
      redis: "redis://127.0.0.1:6379",
      counts: { waiting: 1200, active: 40, delayed: 0, done: 5000, failed: 1 },
      workers: 3,
      rate: 62.5,
      window: 60,
      eta: 19.84,
      failed: [{ key: "k", id: "w-7", where: "wire.jsonl:7 (w-7)", error: "extraction took longer than 120 s, stopped", attempts: 3 }],
    });
    expect(text.split("\n")).toEqual([
      'queue "kg" on redis://127.0.0.1:6379, 3 worker(s) connected',
      "waiting 1,200  active 40  delayed 0  done 5,000  failed 1",
      "rate 62.5 articles/s over the last 60 s (all workers); ETA 20 s",
      "failed: (kg queue retry-failed puts them back)",
      "  wire.jsonl:7 (w-7): extraction took longer than 120 s, stopped (3 attempt(s))",
    ]);
  });
});
