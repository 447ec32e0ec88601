import { describe, expect, it } from "vitest";
import { availableParallelism } from "node:os";
import { IN_PROCESS_BELOW, workersFor } from "./pool.ts";

describe("workersFor", () => {
  it("obeys --workers whatever the number of articles", () => {
    expect(workersFor(3, 4)).toBe(4);
    expect(workersFor(undefined, 1)).toBe(1);
  });

  it("by default extracts a few articles in this thread and a corpus with a worker a core", () => {
    expect(workersFor(3, undefined)).toBe(1);
    expect(workersFor(IN_PROCESS_BELOW - 1, undefined)).toBe(1);
    expect(workersFor(IN_PROCESS_BELOW, undefined)).toBe(availableParallelism());
    // JSON Lines and standard input: the count is not known before reading, so workers are started
    expect(workersFor(undefined, undefined)).toBe(availableParallelism());
  });
});
