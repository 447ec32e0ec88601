/**
 * `pnpm bench:facts`: what `kg extract` gets of the facts in our gold fact set
 * (gold/facts: 20 BBC and 20 Reuters articles, every fact between two named
 * entities annotated by hand). Precision, recall and F1 per article and in
 * total, at the confidence `kg build` keeps by default and over all triples,
 * then every miss and every false hit with its sentence.
 *
 *   tsx packages/extract/src/bench/facts/cli.ts [--quiet] [--min-confidence X]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runKg } from "../run-kg.ts";
import { runMain } from "../cli-main.ts";
import { loadFactsGold, scoreArticle, totals, type ArticleScore, type GoldFact } from "./score.ts";
import { DEFAULT_MIN_CONFIDENCE } from "../../triples/confidence.ts";
import type { Triple } from "../../types.ts";

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

async function main(argv: string[]): Promise<number> {
  const quiet = argv.includes("--quiet");
  const k = argv.indexOf("--min-confidence");
  const threshold = k >= 0 ? Number(argv[k + 1]) : DEFAULT_MIN_CONFIDENCE;
  const gold = loadFactsGold();
  const scratch = mkdtempSync(join(tmpdir(), "kg-bench-facts-"));
  let out: string;
  try {
    const file = join(scratch, "articles.jsonl");
    // one JSON Lines file, ids = the gold's references, so BBC files of two sections never share an id
    writeFileSync(file, gold.map((a) => JSON.stringify({ id: a.ref, text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.date ? { date: a.date } : {}) })).join("\n") + "\n");
    out = await runKg(["extract", file, "--no-cache", "-q", "--min-confidence", "0"]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const byArticle = new Map<string, Triple[]>();
  for (const line of out.split("\n")) {
    if (!line) continue;
    const t = JSON.parse(line) as Triple;
    const list = byArticle.get(t.evidence.article) ?? [];
    list.push(t);
    byArticle.set(t.evidence.article, list);
  }
  const at = (min: number) => gold.map((a) => scoreArticle(a, (byArticle.get(a.ref) ?? []).filter((t) => t.confidence >= min)));
  const kept = at(threshold);
  const all = at(0);

  console.log(`Gold facts (gold/facts: ${gold.length} articles, ${gold.reduce((n, a) => n + a.facts.length, 0)} facts)`);
  console.log(`  ${"article".padEnd(28)} facts  triples  right  recalled`);
  for (const s of kept) console.log(`  ${s.article.ref.padEnd(28)} ${String(s.article.facts.length).padStart(5)}  ${String(s.triples.length).padStart(7)}  ${String(s.triples.filter((v) => v.fact).length).padStart(5)}  ${String(s.recalled.size).padStart(8)}`);
  for (const [name, scores] of [[`confidence >= ${threshold}${threshold === DEFAULT_MIN_CONFIDENCE ? " (kg build's default)" : ""}`, kept], ["all triples (kg extract --min-confidence 0)", all]] as const) {
    const t = totals(scores);
    console.log(`${name}: precision ${pct(t.precision)}  recall ${pct(t.recall)}  F1 ${pct(t.f1)}   (${t.correct} of ${t.triples} triples right, ${t.recalled} of ${t.facts} facts found; ${t.wrongMode} negated, denied, intended or hypothetical facts stated otherwise)`);
  }
  if (!quiet) listErrors(kept);
  return 0;
}

function listErrors(scores: ArticleScore[]): void {
  const clip = (s: string) => JSON.stringify(s.replace(/\s+/g, " ").slice(0, 200));
  for (const s of scores) {
    const text = s.article.text;
    const name = (r: [number, number]) => text.slice(r[0], r[1]);
    const fact = (f: GoldFact) => `${name(f.subject.name)} -${f.relation}-> ${name(f.object.name)} [${f.polarity}, ${f.modality}]`;
    for (const f of s.article.facts) if (!s.recalled.has(f)) console.log(`MISS  ${s.article.ref}  ${fact(f)}\n      ${clip(name(f.sentence))}`);
    for (const v of s.triples) {
      if (v.fact) continue;
      const t = v.triple;
      const why = v.wrongMode ? `  (gold: ${fact(v.wrongMode)})` : "";
      console.log(`FALSE ${s.article.ref}  ${t.subject.name} -${t.predicate}-> ${t.object.name} [${t.polarity ?? "positive"}, ${t.modality ?? "asserted"}] ${t.confidence}${why}\n      ${clip(t.evidence.text)}`);
    }
  }
}

runMain(main);
