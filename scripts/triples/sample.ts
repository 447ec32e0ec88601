/**
 * Draws triples for labelling by hand, at random with a fixed seed, from what
 * `kg extract` gives on the BBC corpus (the articles of the gold fact set
 * left out: they measure, they do not fit). Writes the working lists the
 * labellers read (they quote the articles, so they stay outside the repo):
 *
 *   tsx scripts/triples/sample.ts <out dir> [--count 400] [--batches 4] [--seed 2026120704]
 *
 * Each line also gives the triple's relation class (schema label, group,
 * CAMEO code), judged in the same reading. Labels come back through
 * scripts/triples/import-labels.ts as stand-off records in
 * gold/triples/labels.jsonl.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchPath, readNewsArticle, repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { extractArticle } from "../../packages/extract/src/extract.ts";
import type { Triple } from "../../packages/extract/src/types.ts";
import { defaultSchema } from "../../packages/extract/src/relations/schema.ts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const out = argv.find((a, k) => !a.startsWith("--") && !argv[k - 1]?.startsWith("--"));
if (!out) throw new Error("usage: tsx scripts/triples/sample.ts <out dir> [--count N] [--batches K] [--seed S]");
const COUNT = flag("--count", 400);
const BATCHES = flag("--batches", 4);
const SEED = flag("--seed", 2026120704);

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

const factsArticles = new Set((JSON.parse(readFileSync(join(repoRoot(), "gold", "facts", "articles.json"), "utf8")) as { article: string }[]).map((a) => a.article));
const all: { ref: string; t: Triple }[] = [];
for (const section of ["business", "entertainment", "politics", "sport", "tech"]) {
  for (const f of readdirSync(benchPath("news", "bbc", section)).filter((n) => n.endsWith(".txt")).sort()) {
    const ref = `bbc/${section}/${f}`;
    if (factsArticles.has(ref)) continue;
    const text = readNewsArticle(ref);
    for (const t of extractArticle({ id: ref, text }).triples) all.push({ ref, t });
  }
}
const classes = new Map(defaultSchema().classes.map((c) => [c.id, c]));
const next = random(SEED);
const pool = [...all];
const picked: typeof all = [];
while (picked.length < COUNT && pool.length) picked.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
mkdirSync(out, { recursive: true });
for (let b = 0; b < BATCHES; b++) {
  const lines = picked
    .map((p, k) => ({ p, k }))
    .filter(({ k }) => k % BATCHES === b)
    .map(({ p, k }) => {
      const t = p.t;
      return JSON.stringify({
        id: k + 1,
        article: p.ref,
        triple: `${t.subject.name} [${t.subject.type}] -${t.predicate}-> ${t.object.name} [${t.object.type}]`,
        polarity: t.polarity,
        modality: t.modality,
        relation: t.relation,
        relationLabel: classes.get(t.relation ?? "")?.label,
        relationGroup: t.relationGroup,
        cameo: t.cameo,
        subjectMention: t.evidence.subject?.text,
        objectMention: t.evidence.object?.text,
        sentence: t.evidence.text,
        key: { start: t.evidence.start, subject: [t.evidence.subject?.start, t.evidence.subject?.end], predicate: t.predicate, object: [t.evidence.object?.start, t.evidence.object?.end] },
      });
    });
  writeFileSync(join(out, `batch-${b}.jsonl`), lines.join("\n") + "\n");
}
console.log(`${all.length} triples on BBC; ${picked.length} drawn into ${BATCHES} batches in ${out}`);
