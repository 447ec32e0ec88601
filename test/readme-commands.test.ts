/**
 * The README's shell commands leave the checkout clean: everything they write
 * goes under out/, which git ignores (a Quick start once wrote t.jsonl into
 * the repository root).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "./helpers/kg.ts";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const commands = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split("\n")).filter((l) => /\bpnpm (kg|demo)\b/.test(l));

test("every file a README command writes is under out/, and git ignores out/", () => {
  const outputs = commands.flatMap((l) => [...l.matchAll(/(?:-o|--output|--site)\s+(\S+)/g)].map((m) => m[1]!));
  expect(outputs.length).toBeGreaterThanOrEqual(4);
  for (const path of outputs) expect(path, path).toMatch(/^out\//);
  const ignored = execFileSync("git", ["check-ignore", "out/graph.json", "out/triples.jsonl"], { cwd: repoRoot, encoding: "utf8" });
  expect(ignored.trim().split("\n")).toEqual(["out/graph.json", "out/triples.jsonl"]);
});
