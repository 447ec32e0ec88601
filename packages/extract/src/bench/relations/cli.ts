/**
 * `pnpm bench:relations`: how the relation schema classes what `kg extract` writes.
 *
 *   tsx packages/extract/src/bench/relations/cli.ts [--quiet] [--errors]
 *
 * --errors lists the labelled triples the classifier now gets wrong (predicate, types, class now, class judged).
 *
 * 1. Coverage: `kg extract` over the BBC corpus and the seed articles; the share of triples in a class other
 *    than the catch-all (and other than a generic prepositional class), and the number of classes used (the
 *    relationship types a Neo4j export of them has).
 * 2. Accuracy on the labelled sample (gold/triples/labels.jsonl, the records with a class judgement): a
 *    triple's class is right when it is the class the labeller judged right, or the better class the labeller
 *    named for a wrong one. The labelled sentence is extracted again and the triple between the same two
 *    mentions is classed as it comes out now (its predicate, polarity and modality may have changed since it
 *    was labelled; the class judged right is the sentence's, so it still holds), so the figure follows both
 *    the extractor and the schema. Reported in total and per CAMEO root (per class for classes without a
 *    code), and beside it the figure for the predicates as labelled (the classifier alone).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { benchPath, readNewsArticle, repoRoot } from "../paths.ts";
import { forKg, runKg } from "../run-kg.ts";
import { runMain } from "../cli-main.ts";
import { classify } from "../../relations/classify.ts";
import { extractArticle } from "../../extract.ts";
import { defaultSchema } from "../../relations/schema.ts";
import type { Modality, Polarity, Triple } from "../../types.ts";

interface ClassLabel {
  article: string;
  predicate: string;
  polarity: Polarity;
  modality: Modality;
  relation?: string;
  classJudgement?: "right" | "wrong" | "n/a";
  betterClass?: string;
  subject: [number, number];
  object: [number, number];
  start: number;
  /** The labelling rounds (sample seeds) that drew it. */
  samples?: string[];
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "-");

/** The triples between a labelled triple's two mentions now, from the article extracted again (as scripts/triples/sample.ts read it). */
function triplesOfLabelled(labels: ClassLabel[]): Map<string, Triple[]> {
  const now = new Map<string, Triple[]>();
  for (const article of new Set(labels.map((l) => l.article))) {
    for (const t of extractArticle({ id: article, text: readNewsArticle(article) }).triples) {
      const e = t.evidence;
      const key = JSON.stringify([article, e.subject!.start, e.subject!.end, e.object!.start, e.object!.end]);
      now.set(key, [...(now.get(key) ?? []), t]);
    }
  }
  return now;
}

async function main(argv: string[]): Promise<number> {
  const quiet = argv.includes("--quiet");
  const showErrors = argv.includes("--errors");
  const errors: string[] = [];
  const schema = defaultSchema();
  const byId = new Map(schema.classes.map((c) => [c.id, c]));

  // 1. coverage
  const out = await runKg(["extract", forKg(benchPath("news", "bbc")), forKg(join(benchPath(), "..", "articles")), "--no-cache", "-q", "--min-confidence", "0"]);
  const triples = out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Triple);
  const counts = new Map<string, number>();
  for (const t of triples) counts.set(t.relation!, (counts.get(t.relation!) ?? 0) + 1);
  const catchAll = counts.get(schema.catchAll) ?? 0;
  const generic = [...counts].filter(([id]) => byId.get(id)?.id.startsWith("ACTS_")).reduce((n, [, c]) => n + c, 0);
  console.log(`Coverage: kg extract on BBC and the seed articles: ${triples.length} triples`);
  console.log(`  in a class other than the catch-all (${schema.catchAll})   ${pct(triples.length - catchAll, triples.length)}`);
  console.log(`  in a specific class (neither the catch-all nor ACTS_WITH) ${pct(triples.length - catchAll - generic, triples.length)}`);
  console.log(`  classes used (Neo4j relationship types)                   ${counts.size} of ${schema.classes.length}`);
  if (!quiet) {
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`  most used: ${top.map(([id, n]) => `${id} ${n}`).join(", ")}`);
  }

  // 2. accuracy on the labelled sample
  const labels = readFileSync(join(repoRoot(), "gold", "triples", "labels.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ClassLabel)
    .filter((l) => l.classJudgement === "right" || l.classJudgement === "wrong");
  const current = triplesOfLabelled(labels);
  const byRoot = new Map<string, { right: number; judged: number; unknown: number }>();
  let right = 0;
  let rightAsLabelled = 0;
  const byRound = new Map<string, { right: number; judged: number }>();
  let judged = 0;
  let unknown = 0;
  for (const l of labels) {
    const key = JSON.stringify([l.article, l.subject[0], l.subject[1], l.object[0], l.object[1]]);
    const between = current.get(key) ?? [];
    // a triple no longer extracted: nothing to score
    if (!between.length) {
      unknown++;
      continue;
    }
    // the triple as it comes out now: the one with the labelled predicate if it is still there
    const t = between.find((x) => x.predicate === l.predicate) ?? between[0]!;
    const [subjectType, objectType] = [t.subject.type, t.object.type];
    const now = classify({ predicate: t.predicate, subjectType, objectType, polarity: t.polarity, modality: t.modality }, schema)!.relation;
    const asLabelled = classify({ predicate: l.predicate, subjectType, objectType, polarity: l.polarity, modality: l.modality }, schema)!.relation;
    // a class judged wrong with no better one named: still wrong if the classifier still gives it, unknown if not
    const truth = l.classJudgement === "right" ? l.relation : (l.betterClass ?? (now === l.relation ? "(unnamed)" : undefined));
    if (!truth) {
      unknown++;
      continue;
    }
    const cls = byId.get(truth);
    const root = cls?.cameo ? `CAMEO ${cls.cameo.slice(0, 2)}` : truth;
    const r = byRoot.get(root) ?? { right: 0, judged: 0, unknown: 0 };
    r.judged++;
    judged++;
    if (asLabelled === truth) rightAsLabelled++;
    for (const round of l.samples ?? []) {
      const c = byRound.get(round) ?? { right: 0, judged: 0 };
      c.judged++;
      if (now === truth) c.right++;
      byRound.set(round, c);
    }
    if (now === truth) {
      r.right++;
      right++;
    } else errors.push(`    ${t.predicate} (${subjectType} → ${objectType}, ${t.polarity} ${t.modality}): ${now}, judged ${truth}${t.predicate === l.predicate ? "" : `  [labelled as ${l.predicate}]`}  (${l.article}, round ${(l.samples ?? []).join(" ")})`);
    byRoot.set(root, r);
  }
  console.log(`\nAccuracy on the labelled sample (gold/triples/labels.jsonl, ${labels.length} triples with a class judged right or wrong):`);
  console.log(`  classes right ${right} of ${judged} = ${pct(right, judged)}   as extracted now (${unknown} left out: no longer extracted, or judged wrong with no better class named and classed otherwise now)`);
  console.log(`  with the predicates as labelled (the classifier alone): ${rightAsLabelled} of ${judged} = ${pct(rightAsLabelled, judged)}`);
  console.log(`  by labelling round (sample seed): ${[...byRound].sort().map(([k, c]) => `${k} ${c.right}/${c.judged} ${pct(c.right, c.judged)}`).join(", ")}`);
  console.log(`  by the true class's CAMEO root, or the class where it has none:`);
  for (const [root, r] of [...byRoot].sort((a, b) => b[1].judged - a[1].judged)) console.log(`    ${root.padEnd(28)} ${String(r.right).padStart(3)} of ${String(r.judged).padStart(3)}  ${pct(r.right, r.judged)}`);
  if (showErrors) console.log(`\nClassed wrong now:\n${errors.sort().join("\n")}`);
  return 0;
}

runMain(main);
