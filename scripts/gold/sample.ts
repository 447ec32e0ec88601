/**
 * Draws the articles of our gold sets, at random with fixed seeds, and writes
 * the lists the annotations follow. Run once; rerunning gives the same lists.
 *
 *   tsx scripts/gold/sample.ts
 *
 * - gold/ner-news/articles.json: 40 BBC articles, 8 from each of the five sections (seed 2026120701).
 * - gold/facts/articles.json: 20 BBC articles, 4 a section, none of the NER ones (seed 2026120702),
 *   and 20 Reuters records with a body of at least 80 words (seed 2026120703).
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchPath, repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { allReutersIds, readGoldArticle, sha256 } from "../../packages/extract/src/bench/gold/articles.ts";

const SECTIONS = ["business", "entertainment", "politics", "sport", "tech"];

/** mulberry32: a small seeded generator, so the draw is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw<T>(items: T[], n: number, next: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

const bbc = (section: string) => readdirSync(benchPath("news", "bbc", section)).filter((f) => f.endsWith(".txt")).sort().map((f) => `bbc/${section}/${f}`);

function write(path: string, refs: string[]) {
  const list = refs.map((ref) => ({ article: ref, sha256: sha256(readGoldArticle(ref).text) }));
  writeFileSync(join(repoRoot(), path), JSON.stringify(list, null, 1) + "\n");
  console.log(`${path}: ${list.length} articles`);
}

const nerNext = random(2026120701);
const ner = SECTIONS.flatMap((s) => draw(bbc(s), 8, nerNext));
write("gold/ner-news/articles.json", ner);

const factsNext = random(2026120702);
const taken = new Set(ner);
const factsBbc = SECTIONS.flatMap((s) => draw(bbc(s).filter((r) => !taken.has(r)), 4, factsNext));
const words = (ref: string) => readGoldArticle(ref).text.split(/\s+/).filter(Boolean).length;
const reutersNext = random(2026120703);
const factsReuters = draw(allReutersIds().map((id) => `reuters21578/${id}`).filter((r) => words(r) >= 80), 20, reutersNext);
write("gold/facts/articles.json", [...factsBbc, ...factsReuters]);
