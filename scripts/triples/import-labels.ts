/**
 * Turns labellers' answers into stand-off labels in gold/triples/labels.jsonl.
 *
 *   tsx scripts/triples/import-labels.ts --sample <seed> <batch.jsonl> <answers.tsv> [...more pairs]
 *
 * `--sample`: the seed scripts/triples/sample.ts drew the batches with; every record lists the samples
 * that drew it (`samples`), so that a round's figures can be read off its own draw.
 *
 * answers.tsv: `id \t label \t reasons [\t class \t better]` a line; label is correct, partial or
 * wrong; reasons (for partial and wrong) a comma list of: entity, type, direction, relation, argument,
 * mode, pronoun, other. `class` judges the triple's relation class: right, wrong, or n/a (the sentence
 * states no relation between the two); `better`, for a wrong class, the class id that fits (optional).
 * A record keeps only offsets, the predicate, how the triple was put and the judgements, never article
 * text: {article, start, subject: [s, e], predicate, object: [s, e], polarity, modality, label, reasons,
 * relation, classJudgement, betterClass}. A triple labelled in an earlier round keeps its label and gains the class judgement.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../packages/extract/src/bench/paths.ts";

const LABELS = new Set(["correct", "partial", "wrong"]);
const REASONS = new Set(["entity", "type", "direction", "relation", "argument", "mode", "pronoun", "other"]);
const CLASS_JUDGEMENTS = new Set(["right", "wrong", "n/a"]);
const argv = process.argv.slice(2);
const sampleAt = argv.indexOf("--sample");
const sample = sampleAt >= 0 ? argv[sampleAt + 1] : undefined;
const args = argv.filter((_, k) => k !== sampleAt && k !== sampleAt + 1);
if (!sample || args.length < 2 || args.length % 2) {
  console.error("usage: tsx scripts/triples/import-labels.ts --sample <seed> <batch.jsonl> <answers.tsv> [...]");
  process.exit(2);
}
const file = join(repoRoot(), "gold", "triples", "labels.jsonl");
const keyOf = (r: { article: string; start: number; subject: unknown; predicate: string; object: unknown }) =>
  JSON.stringify([r.article, r.start, r.subject, r.predicate, r.object]);
const records: Record<string, unknown>[] = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
const labelled = new Map(records.map((r) => [keyOf(r as never), r]));
let repeated = 0;
let written = 0;
let failed = 0;
for (let k = 0; k < args.length; k += 2) {
  const batch = new Map<number, { article: string; polarity: string; modality: string; relation?: string; key: { start: number; subject: number[]; predicate: string; object: number[] } }>();
  for (const line of readFileSync(args[k]!, "utf8").split("\n")) if (line.trim()) {
    const r = JSON.parse(line);
    batch.set(r.id, r);
  }
  const lines: string[] = [];
  readFileSync(args[k + 1]!, "utf8").split("\n").forEach((line, n) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [id, label, reasons = "", judgement = "", better = ""] = line.split("\t").map((x) => x.trim());
    const where = `${args[k + 1]}:${n + 1}`;
    const r = batch.get(Number(id));
    const rs = reasons.split(",").map((x) => x.trim()).filter(Boolean);
    if (!r) return void (failed++, console.error(`${where}: no triple ${id} in ${args[k]}`));
    if (!LABELS.has(label!)) return void (failed++, console.error(`${where}: label ${label}`));
    if (rs.some((x) => !REASONS.has(x))) return void (failed++, console.error(`${where}: reasons ${reasons}`));
    if (judgement && !CLASS_JUDGEMENTS.has(judgement)) return void (failed++, console.error(`${where}: class judgement ${judgement}`));
    const record = { article: r.article, start: r.key.start, subject: r.key.subject, predicate: r.key.predicate, object: r.key.object };
    const earlier = labelled.get(keyOf(record));
    if (earlier) {
      // labelled in an earlier round: its label stands; a class judgement it lacks is added
      repeated++;
      const samples = (earlier.samples ?? []) as string[];
      if (!samples.includes(sample)) earlier.samples = [...samples, sample];
      if (judgement && !earlier.classJudgement) Object.assign(earlier, { relation: r.relation, classJudgement: judgement, ...(judgement === "wrong" && better ? { betterClass: better } : {}) });
      return;
    }
    lines.push(
      JSON.stringify({
        ...record,
        polarity: r.polarity,
        modality: r.modality,
        label,
        ...(rs.length ? { reasons: rs } : {}),
        ...(judgement ? { relation: r.relation, classJudgement: judgement } : {}),
        ...(judgement === "wrong" && better ? { betterClass: better } : {}),
        samples: [sample],
      }),
    );
  });
  if (failed) break;
  for (const line of lines) {
    const r = JSON.parse(line);
    records.push(r);
    labelled.set(keyOf(r), r);
  }
  written += lines.length;
}
if (failed) {
  console.error(`${failed} answer(s) could not be read; nothing written.`);
  process.exit(1);
}
writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
// (records keep their key order: article, offsets, predicate, mode, judgements, samples)
console.log(`${written} labels added to ${file}${repeated ? ` (${repeated} triple(s) labelled before keep their label and gain the class judgement)` : ""}`);
