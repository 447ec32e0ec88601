import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchPath } from "./bench/paths.ts";
import { extractArticle } from "./extract.ts";

// The tagger learns words as it reads; without isolation, an article read after
// others came out differently (BBC business/428.txt after the 427 before it:
// "Poor's" became one token). Workers, caches and reruns rely on this never happening.
describe("an article's triples do not depend on the articles read before it", () => {
  it("gives the same triples read first or after hundreds of others", () => {
    const dir = benchPath("news", "bbc", "business");
    const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
    const target = files[427]!;
    const read = (f: string) => new TextDecoder("latin1").decode(readFileSync(join(dir, f)));
    const run = () => JSON.stringify(extractArticle({ id: target, text: read(target) }));
    const first = run();
    for (const f of files.slice(0, 427)) extractArticle({ id: f, text: read(f) });
    expect(run()).toBe(first);
  });
});
