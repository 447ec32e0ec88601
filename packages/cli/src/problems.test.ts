import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { articleFailed, ProblemLog, skippedParts, where } from "./problems.ts";

const scratch = mkdtempSync(join(tmpdir(), "kg-problems-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => void vi.restoreAllMocks());

const stack = "TypeError: Cannot read properties of undefined (reading 'pos')\n    at isNounlikeVerb (retag.ts:54:9)";
const skippedSentence = { part: "sentence" as const, start: 1207, end: 1263, text: "They protected the record as to their own\npositions on this", message: "Cannot read properties of undefined (reading 'pos')", stack };

/** What the log writes to standard error while `fn` runs. */
async function stderrOf(fn: () => Promise<void>): Promise<string> {
  let out = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  await fn();
  return out;
}

describe("problem messages", () => {
  it("name a JSON Lines record by file, line and id, and a file by its path", () => {
    expect(where({ file: "wire/articles.jsonl", line: 28, id: "reut-28" })).toBe("wire/articles.jsonl:28 (reut-28)");
    expect(where({ file: "bbc/sport/199.txt", id: "sport/199.txt" })).toBe("bbc/sport/199.txt");
  });

  it("say which sentence was skipped: offsets, its first words, the error", () => {
    const [p] = skippedParts({ file: "articles.jsonl", line: 28 }, "reut-28", [skippedSentence]);
    expect(p).toEqual(expect.objectContaining({ severity: "error", file: "articles.jsonl", line: 28, id: "reut-28", start: 1207, end: 1263, stack }));
    expect(p!.message).toBe(`sentence at 1207-1263 skipped ("They protected the record as to their own positions on this"): Cannot read properties of undefined (reading 'pos')`);
    const long = skippedParts({ file: "a.txt" }, "a.txt", [{ ...skippedSentence, text: "word ".repeat(40) }])[0]!;
    expect(long.message).toMatch(/^sentence at 1207-1263 skipped \("(word ){11}word…"\): /);
  });

  it("go to standard error one line each, with the stack only under --verbose, and all of them to the --errors file", async () => {
    const errorsFile = join(scratch, "triage", "errors.jsonl");
    const problems = [...skippedParts({ file: "a.jsonl", line: 3 }, "a-3", [skippedSentence]), articleFailed({ file: "b.txt" }, "b.txt", { message: "boom", stack: "Error: boom\n    at f (x.ts:1:1)" })];
    const quiet = await stderrOf(async () => {
      const log = await ProblemLog.open({ errorsFile });
      for (const p of problems) log.report(p);
      await log.close();
      expect(log.problems).toBe(2);
    });
    expect(quiet.split("\n").filter(Boolean)).toEqual([`kg: a.jsonl:3 (a-3): ${problems[0]!.message}`, "kg: b.txt: extraction failed: boom"]);
    expect(readFileSync(errorsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))).toEqual(problems);

    const verbose = await stderrOf(async () => {
      const log = await ProblemLog.open({ verbose: true });
      for (const p of problems) log.report(p);
      await log.close();
    });
    expect(verbose).toContain("at isNounlikeVerb (retag.ts:54:9)");
    expect(verbose).toContain("at f (x.ts:1:1)");
  });

  it("do not count a note (a README skipped) as a problem", async () => {
    await stderrOf(async () => {
      const log = await ProblemLog.open();
      log.report({ severity: "note", file: "bbc/README.TXT", message: "skipped: a README file, not an article" });
      expect(log.problems).toBe(0);
    });
  });
});
