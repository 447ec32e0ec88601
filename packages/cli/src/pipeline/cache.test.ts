import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ArticleExtraction } from "newskg-extract";
import { ExtractionCache, fingerprintFiles } from "./cache.ts";

const extraction = (id: string): ArticleExtraction => ({ article: { id, sha256: "0", mentions: {}, entities: [] }, triples: [] });
const scratch = mkdtempSync(join(tmpdir(), "kg-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const key = (k: number) => k.toString(16).padStart(64, "0");

describe("ExtractionCache.writer", () => {
  it("stores every entry written in the background, the worker's JSON text as it came", async () => {
    const cache = new ExtractionCache(mkdtempSync(join(scratch, "t-")));
    const writer = cache.writer();
    for (let k = 0; k < 100; k++) await writer.set(key(k), extraction(`a${k}`), k === 7 ? JSON.stringify(extraction("from the worker")) : undefined);
    await writer.flush();
    for (let k = 0; k < 100; k++) expect(cache.getSync(key(k))?.article.id).toBe(k === 7 ? "from the worker" : `a${k}`);
  });

  it("fails the run when the disk refuses a write, instead of losing the entry quietly", async () => {
    const dir = mkdtempSync(join(scratch, "t-"));
    const blocked = join(dir, "not-a-folder");
    writeFileSync(blocked, "a file where the cache folder should be");
    const writer = new ExtractionCache(blocked).writer();
    const run = async () => {
      for (let k = 0; k < 100; k++) await writer.set(key(k), extraction(`a${k}`));
      await writer.flush();
    };
    await expect(run()).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});

describe("fingerprintFiles (what invalidates cached extractions)", () => {
  it("changes with the code, with the JSON data the code imports and with the model, not with tests", async () => {
    const dir = mkdtempSync(join(scratch, "pkg-"));
    mkdirSync(join(dir, "src", "relations"), { recursive: true });
    mkdirSync(join(dir, "models"));
    const file = (p: string, text: string) => writeFileSync(join(dir, p), text);
    file("src/extract.ts", "export const x = 1;");
    file("src/relations/schema.json", '{"classes": []}');
    file("src/extract.test.ts", "test");
    file("models/meta.json", '{"version": "a"}');
    const print = () => fingerprintFiles(join(dir, "src"), [join(dir, "models", "meta.json")]);
    const before = await print();
    expect(await print()).toBe(before);

    file("src/extract.test.ts", "another test");
    expect(await print()).toBe(before);

    file("src/relations/schema.json", '{"classes": ["MEET"]}');
    const schemaChanged = await print();
    expect(schemaChanged).not.toBe(before);

    file("models/meta.json", '{"version": "b"}');
    const modelChanged = await print();
    expect(modelChanged).not.toBe(schemaChanged);

    file("src/extract.ts", "export const x = 2;");
    expect(await print()).not.toBe(modelChanged);
  });
});
