/**
 * `pnpm bench:ner`: the entity recogniser beside Stanford CoreNLP's CRF
 * models, in one run, on
 *   1. our gold news dev set (gold/ner-news: 40 BBC articles annotated by hand),
 *   2. WikiGold (../shared/bench/ner/wikigold.conll),
 *   3. the held-out slice of the teacher-labelled news (the `test` split of
 *      scripts/ner/corpus.ts: documents never trained on), against the labels
 *      training would have given them (both teachers, corrected).
 * Ours runs as users run it (`pnpm kg ner`); CoreNLP from scripts/corenlp.
 * Scores are conlleval's: a name counts when its type and both boundaries
 * are right; the headline is the micro average over PER, ORG and LOC.
 *
 *   tsx scripts/ner/bench.ts [--no-corenlp] [--slice N]   (N: documents of the held-out slice, default 400)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchPath } from "../../packages/extract/src/bench/paths.ts";
import { runKg } from "../../packages/extract/src/bench/run-kg.ts";
import { loadNewsGold, scoreNews, type Span } from "../../packages/extract/src/bench/ner/news.ts";
import { HEADLINE_TYPES, scoreItems, scoreNer, type TypeScore } from "../../packages/extract/src/bench/ner/score.ts";
import { runCoreNlp, type CoreNlpModel } from "../corenlp/corenlp.ts";
import { corpusDocs } from "./corpus.ts";
import { combineTeachers, correctDocument, type TeacherSentence } from "./corrections.ts";
import { documentSentences, wordSpans } from "./data.ts";

type Scores = { headline: TypeScore; byType: Record<string, TypeScore> };
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (name: string, s: Scores) =>
  `  ${name.padEnd(26)} ${pct(s.headline.f1)}  (P ${pct(s.headline.precision)} R ${pct(s.headline.recall)})  ` +
  [...HEADLINE_TYPES, "MISC"].map((t) => `${t} ${s.byType[t] && s.byType[t]!.gold + s.byType[t]!.guessed > 0 ? pct(s.byType[t]!.f1) : "   - "}`).join("  ");

const argv = process.argv.slice(2);
const withCoreNlp = !argv.includes("--no-corenlp");
const sliceSize = Number(argv[argv.indexOf("--slice") + 1] || 400);
const coreModels: CoreNlpModel[] = ["conll4", "all3"];
const scratch = mkdtempSync(join(tmpdir(), "kg-bench-ner-"));

async function kgMentions(jsonl: string): Promise<Map<string, Span[]>> {
  const file = join(scratch, "articles.jsonl");
  writeFileSync(file, jsonl);
  const out = new Map<string, Span[]>();
  for (const line of (await runKg(["ner", file])).split("\n")) {
    if (!line) continue;
    const r = JSON.parse(line) as { article: string; mentions: { start: number; end: number; conll: string }[] };
    out.set(r.article, r.mentions.map((m) => [m.start, m.end, m.conll]));
  }
  return out;
}

async function coreSpans(model: CoreNlpModel, jsonl: string): Promise<Map<string, Span[]>> {
  const out = new Map<string, Span[]>();
  for (const line of (await runCoreNlp("spans", model, jsonl)).split("\n")) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; spans: Span[] };
    out.set(r.id, r.spans);
  }
  return out;
}

try {
  // 1. gold news
  const gold = loadNewsGold();
  const goldJsonl = gold.map((a) => JSON.stringify({ id: a.ref, text: a.text })).join("\n") + "\n";
  console.log(`Gold news dev set (gold/ner-news: ${gold.length} BBC articles, ${gold.reduce((n, a) => n + a.mentions.length, 0)} mentions)   PER/ORG/LOC F1`);
  console.log(row("ours (kg ner)", scoreNews(gold, await kgMentions(goldJsonl))));
  if (withCoreNlp) for (const m of coreModels) console.log(row(`CoreNLP ${m}`, scoreNews(gold, await coreSpans(m, goldJsonl))));

  // 2. WikiGold
  const wgPath = benchPath("ner", "wikigold.conll");
  const wg = readFileSync(wgPath, "utf8");
  console.log(`WikiGold (${wgPath})`);
  console.log(row("ours (kg ner --conll)", scoreNer(wg, await runKg(["ner", "--conll", wgPath]))));
  if (withCoreNlp) for (const m of coreModels) console.log(row(`CoreNLP ${m}`, scoreNer(wg, await runCoreNlp("conll", m, wg))));

  // 3. the held-out slice of teacher-labelled news
  if (withCoreNlp) {
    const docs = [...corpusDocs()].filter((d) => d.split === "test").slice(0, sliceSize);
    const jsonl = docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join("\n") + "\n";
    const [conll4, all3] = [await coreSpans("conll4", jsonl), await coreSpans("all3", jsonl)];
    const ours = await kgMentions(jsonl);
    const ref: { key: string; type: string }[] = [];
    const sys: { key: string; type: string }[] = [];
    for (const d of docs) {
      const spans = combineTeachers(conll4.get(d.id) ?? [], all3.get(d.id) ?? []);
      const doc: TeacherSentence[] = [];
      const covered: [number, number][] = [];
      for (const s of documentSentences(d.id, d.text)) {
        const ws = wordSpans(s.words, spans);
        if (!ws) continue;
        doc.push({ words: s.words, spans: ws });
        covered.push([s.words[0]!.start, s.words[s.words.length - 1]!.end]);
      }
      correctDocument(d.id, doc);
      for (const { words, spans: ws } of doc) for (const s of ws) ref.push({ key: `${d.id}:${words[s.first]!.start}:${words[s.last - 1]!.end}`, type: s.cls });
      // only the sentences the teacher's labels could be read on are compared
      for (const [start, end, type] of ours.get(d.id) ?? []) if (covered.some(([a, b]) => start >= a && end <= b)) sys.push({ key: `${d.id}:${start}:${end}`, type });
    }
    console.log(`Held-out teacher-labelled news (${docs.length} documents of the test split, BBC and Reuters; labels: both CoreNLP teachers, corrected)`);
    console.log(row("ours vs teacher labels", scoreItems(ref, sys)));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
