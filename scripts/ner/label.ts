/**
 * Labels the training corpus (scripts/ner/corpus.ts) with CoreNLP's CRF
 * models, the teachers of the entity model. Writes
 * .cache/ner/teacher-<model>.jsonl ({id, spans: [[start, end, type]]}); an
 * existing file is kept unless --force. About 10,000 words/s on 2 cores.
 *
 *   tsx scripts/ner/label.ts [--force] [--model conll4|all3]...
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { runCoreNlp, type CoreNlpModel } from "../corenlp/corenlp.ts";
import { corpusDocs } from "./corpus.ts";

export const teacherFile = (model: CoreNlpModel) => join(repoRoot(), ".cache", "ner", `teacher-${model}.jsonl`);

export async function labelCorpus(models: CoreNlpModel[], force: boolean): Promise<void> {
  mkdirSync(join(repoRoot(), ".cache", "ner"), { recursive: true });
  const input = [...corpusDocs()].map((d) => JSON.stringify({ id: d.id, text: d.text })).join("\n") + "\n";
  for (const model of models) {
    const file = teacherFile(model);
    if (existsSync(file) && !force) {
      console.error(`${file}: kept (--force to label again)`);
      continue;
    }
    const t0 = Date.now();
    console.error(`labelling with CoreNLP ${model}…`);
    const out = await runCoreNlp("spans", model, input, 2);
    writeFileSync(file, out);
    console.error(`${file}: ${out.split("\n").filter(Boolean).length} documents in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const models = argv.flatMap((a, k) => (argv[k - 1] === "--model" ? [a as CoreNlpModel] : []));
  await labelCorpus(models.length ? models : ["conll4"], argv.includes("--force"));
}
