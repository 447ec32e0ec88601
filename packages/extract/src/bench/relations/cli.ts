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
 *    named for a wrong one; the current classifier re-classes each labelled triple, so the figure follows the
 *    schema as it changes. Reported in total and per CAMEO root (per class for classes without a code).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { benchPath, readNewsArticle, repoRoot } from "../paths.ts";
import { forKg, runKg } from "../run-kg.ts";
import { runMain } from "../cli-main.ts";
import { classify } from "../../relations/classify.ts";
import { extractArticle } from "../../extract.ts";
import { defaultSchema } from "../../relations/schema.ts";
import type { EntityType, Modality, Polarity, Triple } from "../../types.ts";

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
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "-");

/** The entity types a labelled triple has now, from the article extracted again (as scripts/triples/sample.ts read it). */
function typesOfLabelled(labels: ClassLabel[]): Map<string, [EntityType, EntityType]> {
  const types = new Map<string, [EntityType, EntityType]>();
  for (const article of new Set(labels.map((l) => l.article))) {
    for (const t of extractArticle({ id: article, text: readNewsArticle(article) }).triples) {
      const e = t.evidence;
      types.set(JSON.stringify([article, e.subject!.start, e.subject!.end, e.object!.start, e.object!.end]), [t.subject.type, t.object.type]);
    }
  }
  return types;
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
  const types = typesOfLabelled(labels);
  const byRoot = new Map<string, { right: number; judged: number; unknown: number }>();
  let right = 0;
  let judged = 0;
  let unknown = 0;
  for (const l of labels) {
    const key = JSON.stringify([l.article, l.subject[0], l.subject[1], l.object[0], l.object[1]]);
    const [subjectType, objectType] = types.get(key) ?? [];
    // a triple no longer extracted: nothing to score
    if (!subjectType || !objectType) {
      unknown++;
      continue;
    }
    const now = classify({ predicate: l.predicate, subjectType, objectType, polarity: l.polarity, modality: l.modality }, schema)!.relation;
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
    if (now === truth) {
      r.right++;
      right++;
    } else errors.push(`    ${l.predicate} (${subjectType} → ${objectType}, ${l.polarity} ${l.modality}): ${now}, judged ${truth}`);
    byRoot.set(root, r);
  }
  console.log(`\nAccuracy on the labelled sample (gold/triples/labels.jsonl, ${labels.length} triples with a class judged right or wrong):`);
  console.log(`  classes right ${right} of ${judged} = ${pct(right, judged)}   (${unknown} left out: no longer extracted, or judged wrong with no better class named and classed otherwise now)`);
  console.log(`  by the true class's CAMEO root, or the class where it has none:`);
  for (const [root, r] of [...byRoot].sort((a, b) => b[1].judged - a[1].judged)) console.log(`    ${root.padEnd(28)} ${String(r.right).padStart(3)} of ${String(r.judged).padStart(3)}  ${pct(r.right, r.judged)}`);
  if (showErrors) console.log(`\nClassed wrong now:\n${errors.sort().join("\n")}`);
  return 0;
}

runMain(main);
