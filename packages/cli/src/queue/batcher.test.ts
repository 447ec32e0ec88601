import { describe, expect, test } from "vitest";
import { Batcher } from "./batcher.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("Batcher", () => {
  test("an article is settled only when its batch has committed; batches are at most `size` and one commits at a time", async () => {
    const commits: number[][] = [];
    let release!: () => void;
    let extracting = 5;
    const batcher = new Batcher<number>({
      size: 2,
      maxWaitMs: 60_000,
      idle: () => extracting === 0,
      commit: async (items) => {
        commits.push(items);
        await new Promise<void>((resolve) => (release = resolve));
        return items.map(() => undefined);
      },
    });
    const settled: number[] = [];
    const add = (n: number) => void batcher.add(n).then(() => settled.push(n));
    add(1);
    await tick();
    expect(commits).toEqual([]); // not full, and more is being extracted
    add(2);
    add(3);
    add(4);
    await tick();
    expect(commits).toEqual([[1, 2]]); // full; the next waits for this commit
    expect(settled).toEqual([]);
    release();
    await tick();
    expect(settled).toEqual([1, 2]);
    expect(commits).toEqual([[1, 2], [3, 4]]);
    release();
    await tick();
    extracting = 0;
    add(5); // nothing else in extraction: committed alone at once
    await tick();
    expect(commits.at(-1)).toEqual([5]);
    release();
    await tick();
    expect(settled).toEqual([1, 2, 3, 4, 5]);
  });

  test("a batch is committed maxWaitMs after its first article, and an article the commit refused fails alone", async () => {
    const batcher = new Batcher<string>({
      size: 10,
      maxWaitMs: 20,
      idle: () => false,
      commit: async (items) => items.map((item) => (item === "bad" ? new Error("refused") : undefined)),
    });
    const outcomes = await Promise.allSettled([batcher.add("good"), batcher.add("bad")]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
  });
});
