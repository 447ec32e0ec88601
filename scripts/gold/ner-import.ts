/**
 * Turns an annotator's list of entity mentions into the stand-off gold file.
 *
 *   tsx scripts/gold/ner-import.ts <article ref> <mentions.tsv>
 *   tsx scripts/gold/ner-import.ts --check            (every file under gold/ner-news/annotations)
 *
 * mentions.tsv (kept outside the repo: it holds article text): one mention a line,
 * `surface<TAB>TYPE`, in reading order. Each surface is looked for after the end of
 * the previous one, at word boundaries; `surface<TAB>TYPE<TAB>N` skips N-1 further
 * matches first. Prints every mention in context, writes
 * gold/ner-news/annotations/<section>-<file>.json, and fails on a mention it
 * cannot place.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { readGoldArticle, sha256 } from "../../packages/extract/src/bench/gold/articles.ts";

const TYPES = new Set(["PER", "ORG", "LOC", "MISC"]);
const WORD = /[\p{L}\p{N}]/u;
const dir = () => join(repoRoot(), "gold", "ner-news", "annotations");
export const annotationFile = (ref: string) => join(dir(), ref.replace(/^bbc\//, "").replace(/\//g, "-").replace(/\.txt$/, ".json"));

function findAfter(text: string, surface: string, from: number, nth: number): number {
  let at = from;
  let seen = 0;
  for (;;) {
    const k = text.indexOf(surface, at);
    if (k < 0) return -1;
    const before = k > 0 ? text[k - 1]! : " ";
    const after = k + surface.length < text.length ? text[k + surface.length]! : " ";
    const bounded = !(WORD.test(before) && WORD.test(surface[0]!)) && !(WORD.test(after) && WORD.test(surface[surface.length - 1]!));
    if (bounded && ++seen === nth) return k;
    at = k + 1;
  }
}

function importList(ref: string, listFile: string): void {
  const { text } = readGoldArticle(ref);
  const mentions: [number, number, string][] = [];
  let cursor = 0;
  let failed = 0;
  readFileSync(listFile, "utf8").split("\n").forEach((line, n) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [surface, type, nth] = line.split("\t");
    if (!surface || !type || !TYPES.has(type.trim())) {
      console.error(`${listFile}:${n + 1}: want "surface<TAB>PER|ORG|LOC|MISC", got ${JSON.stringify(line)}`);
      failed++;
      return;
    }
    const k = findAfter(text, surface, cursor, nth ? Number(nth) : 1);
    if (k < 0) {
      console.error(`${listFile}:${n + 1}: "${surface}" not found after offset ${cursor} (near: ${JSON.stringify(text.slice(cursor, cursor + 60))})`);
      failed++;
      return;
    }
    mentions.push([k, k + surface.length, type.trim()]);
    cursor = k + surface.length;
    const context = (text.slice(Math.max(0, k - 30), k) + "[" + surface + "]" + text.slice(k + surface.length, k + surface.length + 30)).replace(/\s+/g, " ");
    console.log(`${type.trim().padEnd(4)} ${context}`);
  });
  if (failed) {
    console.error(`${failed} line(s) could not be placed; nothing written.`);
    process.exit(1);
  }
  const file = annotationFile(ref);
  writeFileSync(file, JSON.stringify({ article: ref, sha256: sha256(text), mentions }) + "\n");
  console.log(`${mentions.length} mentions -> ${file}`);
}

function check(): void {
  let problems = 0;
  let total = 0;
  const files = readdirSync(dir()).filter((f) => f.endsWith(".json"));
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(dir(), f), "utf8")) as { article: string; sha256: string; mentions: [number, number, string][] };
    const { text } = readGoldArticle(gold.article);
    const say = (msg: string) => (problems++, console.error(`${f}: ${msg}`));
    if (sha256(text) !== gold.sha256) say("the article's text changed since it was annotated (sha256 differs)");
    let last = -1;
    for (const [s, e, t] of gold.mentions) {
      if (!TYPES.has(t)) say(`mention ${s}-${e}: type ${t}`);
      if (!(s >= 0 && e > s && e <= text.length)) say(`mention ${s}-${e}: outside the text`);
      if (s < last) say(`mention ${s}-${e}: overlaps or is out of order`);
      last = e;
    }
    total += gold.mentions.length;
  }
  console.log(`${files.length} files, ${total} mentions, ${problems} problems`);
  if (problems) process.exit(1);
}

const args = process.argv.slice(2);
if (args[0] === "--check") check();
else if (args.length === 2) importList(args[0]!, args[1]!);
else {
  console.error("usage: tsx scripts/gold/ner-import.ts <article ref> <mentions.tsv> | --check");
  process.exit(2);
}
