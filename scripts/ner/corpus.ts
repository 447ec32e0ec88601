/**
 * The raw news the entity model learns from: every BBC article and every
 * Reuters record in ../shared/bench/news, except the articles of our gold sets
 * (gold/ner-news, gold/facts), which are never trained on. Each document is
 * assigned, by a hash of its id, to `train` (90 %), `dev` (5 %) or `test`
 * (5 %, the held-out slice `pnpm bench:ner` scores against the teacher).
 *
 * Reuters bodies are hard-wrapped at about 70 characters; a line break inside
 * a paragraph is replaced by a space (same length, so offsets stand) and a
 * line that opens a paragraph (indented) keeps its break. Reuters titles are
 * all capitals; they are documents of their own (`reut-N#title`), so the
 * model sees headlines as the wire writes them.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { benchPath, repoRoot } from "../../packages/extract/src/bench/paths.ts";

export type Split = "train" | "dev" | "test";

export interface CorpusDoc {
  id: string;
  text: string;
  split: Split;
  source: "bbc" | "reuters";
}

const SECTIONS = ["business", "entertainment", "politics", "sport", "tech"];

export function splitOf(id: string): Split {
  const h = createHash("sha1").update(id).digest().readUInt32BE(0) % 100;
  return h < 5 ? "test" : h < 10 ? "dev" : "train";
}

function goldRefs(): Set<string> {
  const refs = new Set<string>();
  for (const file of ["gold/ner-news/articles.json", "gold/facts/articles.json"]) {
    for (const { article } of JSON.parse(readFileSync(join(repoRoot(), file), "utf8")) as { article: string }[]) refs.add(article);
  }
  return refs;
}

/** Single line breaks inside a paragraph become spaces; offsets do not move. */
export function unwrap(text: string): string {
  return text.replace(/\n(?=[^\s])/g, " ");
}

export function* corpusDocs(): Generator<CorpusDoc> {
  const gold = goldRefs();
  for (const section of SECTIONS) {
    for (const f of readdirSync(benchPath("news", "bbc", section)).filter((n) => n.endsWith(".txt")).sort()) {
      const ref = `bbc/${section}/${f}`;
      if (gold.has(ref)) continue;
      // sport/199.txt holds one Latin-1 byte; read as latin1 where UTF-8 fails, as the CLI does
      const bytes = readFileSync(benchPath("news", ref));
      const utf8 = bytes.toString("utf8");
      const text = utf8.includes("\uFFFD") ? bytes.toString("latin1") : utf8;
      yield { id: ref, text, split: splitOf(ref), source: "bbc" };
    }
  }
  for (const line of readFileSync(benchPath("news", "reuters21578", "articles.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title?: string; text: string };
    const ref = `reuters21578/${r.id}`;
    if (gold.has(ref)) continue;
    const split = splitOf(ref);
    if (r.title && /[A-Za-z]/.test(r.title)) yield { id: `${ref}#title`, text: r.title, split, source: "reuters" };
    yield { id: ref, text: unwrap(r.text), split, source: "reuters" };
  }
}
