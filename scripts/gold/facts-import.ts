/**
 * Turns an annotator's list of facts into the stand-off gold file.
 *
 *   tsx scripts/gold/facts-import.ts <article ref> <facts.jsonl>
 *   tsx scripts/gold/facts-import.ts --check        (every file under gold/facts/annotations)
 *   tsx scripts/gold/facts-import.ts --show <article ref>   (the article, one sentence-ish line a paragraph, with offsets)
 *
 * facts.jsonl (kept outside the repo: it quotes the article), one fact a line:
 *   {"sentence": "<the sentence's opening words, enough to be unique>",
 *    "subject": "<mention as written in that sentence>", "subjectName": "<fullest name in the article>",
 *    "relation": "meet", "also": ["hold_talks_with"], "object": "...", "objectName": "...",
 *    "symmetric": false, "polarity": "positive", "modality": "asserted", "source": "<name>",
 *    "subjectNth": 1, "objectNth": 1, "sentenceEnd": "<closing words, if the sentence is not found whole>"}
 * An article without facts: an empty file. Prints each fact with its sentence for a last read.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { readGoldArticle, sha256 } from "../../packages/extract/src/bench/gold/articles.ts";

type Range = [number, number];
export interface GoldFact {
  sentence: Range;
  subject: { mention: Range; name: Range };
  relation: string;
  also?: string[];
  object: { mention: Range; name: Range };
  symmetric?: boolean;
  polarity: "positive" | "negative";
  modality: "asserted" | "reported" | "intended" | "hypothetical" | "denied";
  source?: Range;
}

const MODALITIES = new Set(["asserted", "reported", "intended", "hypothetical", "denied"]);
const RELATION = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const WORD = /[\p{L}\p{N}]/u;
const dir = () => join(repoRoot(), "gold", "facts", "annotations");
const fileOf = (ref: string) => join(dir(), ref.replace(/^bbc\//, "").replace(/^reuters21578\//, "").replace(/\//g, "-").replace(/\.txt$/, "") + ".json");

function bounded(text: string, k: number, surface: string): boolean {
  const before = k > 0 ? text[k - 1]! : " ";
  const after = k + surface.length < text.length ? text[k + surface.length]! : " ";
  return !(WORD.test(before) && WORD.test(surface[0]!)) && !(WORD.test(after) && WORD.test(surface[surface.length - 1]!));
}

function find(text: string, surface: string, from: number, to: number, nth = 1): number {
  let seen = 0;
  for (let k = text.indexOf(surface, from); k >= 0 && k + surface.length <= to; k = text.indexOf(surface, k + 1)) {
    if (bounded(text, k, surface) && ++seen === nth) return k;
  }
  return -1;
}

/** Where a sentence that opens with `opening` ends: its closing punctuation, a blank line, or the end of a headline line. */
function sentenceEnd(text: string, start: number, openingEnd: number, closing: string | undefined, headline: boolean): number {
  if (closing) {
    const k = text.indexOf(closing, openingEnd - 1);
    if (k >= 0) return k + closing.length;
  }
  const rest = text.slice(openingEnd);
  const m = /[.!?]["'”’)\]]*(?=\s|$)|\n[ \t]*\n/.exec(rest);
  let end = m ? openingEnd + m.index + (m[0].startsWith("\n") ? 0 : m[0].length) : text.length;
  // a headline: a BBC file's first line, without closing punctuation (a Reuters record's title is not in its text)
  const nl = text.indexOf("\n", start);
  if (headline && start === text.search(/\S/) && nl >= 0 && nl < end) end = nl;
  return end;
}

function importList(ref: string, listFile: string): void {
  const { text } = readGoldArticle(ref);
  const facts: GoldFact[] = [];
  let failed = 0;
  const lines = readFileSync(listFile, "utf8").split("\n");
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    const where = `${listFile}:${n + 1}`;
    const fail = (msg: string) => (failed++, console.error(`${where}: ${msg}`));
    let f: Record<string, unknown>;
    try {
      f = JSON.parse(line);
    } catch (e) {
      return fail(`not JSON: ${(e as Error).message}`);
    }
    const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
    const opening = str("sentence");
    if (!opening) return fail("no sentence");
    const at = text.indexOf(opening);
    if (at < 0) return fail(`sentence opening not found: ${JSON.stringify(opening)}`);
    if (text.indexOf(opening, at + 1) >= 0) return fail(`sentence opening not unique, quote more of it: ${JSON.stringify(opening)}`);
    const end = sentenceEnd(text, at, at + opening.length, str("sentenceEnd"), ref.startsWith("bbc/"));
    const sentence: Range = [at, end];
    const mention = (k: "subject" | "object"): { mention: Range; name: Range } | undefined => {
      const surface = str(k);
      const name = str(`${k}Name`) ?? surface;
      if (!surface || !name) return void fail(`no ${k}`);
      const m = find(text, surface, at, end, Number(f[`${k}Nth`] ?? 1));
      if (m < 0) return void fail(`${k} ${JSON.stringify(surface)} not found in the sentence ${JSON.stringify(text.slice(at, end))}`);
      const nm = find(text, name, 0, text.length);
      if (nm < 0) return void fail(`${k}Name ${JSON.stringify(name)} not found in the article`);
      return { mention: [m, m + surface.length], name: [nm, nm + name.length] };
    };
    const subject = mention("subject");
    const object = mention("object");
    const relation = str("relation");
    if (!relation || !RELATION.test(relation)) return fail(`relation must be lower_case_words, got ${JSON.stringify(relation)}`);
    const also = Array.isArray(f.also) ? (f.also as unknown[]).map(String) : [];
    for (const a of also) if (!RELATION.test(a)) return fail(`also: ${JSON.stringify(a)} must be lower_case_words`);
    const polarity = str("polarity") ?? "positive";
    const modality = str("modality") ?? "asserted";
    if (polarity !== "positive" && polarity !== "negative") return fail(`polarity ${polarity}`);
    if (!MODALITIES.has(modality)) return fail(`modality ${modality}`);
    let source: Range | undefined;
    const src = str("source");
    if (src) {
      const k = find(text, src, 0, text.length);
      if (k < 0) return fail(`source ${JSON.stringify(src)} not found in the article`);
      source = [k, k + src.length];
    }
    if (!subject || !object) return;
    const fact: GoldFact = { sentence, subject, relation, ...(also.length ? { also } : {}), object, ...(f.symmetric === true ? { symmetric: true } : {}), polarity: polarity as GoldFact["polarity"], modality: modality as GoldFact["modality"], ...(source ? { source } : {}) };
    facts.push(fact);
    const s = (r: Range) => text.slice(r[0], r[1]);
    console.log(`${s(subject.name)} -${relation}${fact.symmetric ? "-" : "->"} ${s(object.name)}  [${polarity}, ${modality}${source ? ", by " + s(source) : ""}]\n    ${JSON.stringify(text.slice(at, end).replace(/\s+/g, " "))}`);
  });
  if (failed) {
    console.error(`${failed} fact(s) could not be placed; nothing written.`);
    process.exit(1);
  }
  writeFileSync(fileOf(ref), JSON.stringify({ article: ref, sha256: sha256(text), facts }) + "\n");
  console.log(`${facts.length} facts -> ${fileOf(ref)}`);
}

function check(): void {
  let problems = 0;
  let total = 0;
  const files = readdirSync(dir()).filter((f) => f.endsWith(".json"));
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(dir(), f), "utf8")) as { article: string; sha256: string; facts: GoldFact[] };
    const { text } = readGoldArticle(gold.article);
    const say = (msg: string) => (problems++, console.error(`${f}: ${msg}`));
    if (sha256(text) !== gold.sha256) say("the article's text changed since it was annotated (sha256 differs)");
    for (const x of gold.facts) {
      for (const r of [x.sentence, x.subject.mention, x.subject.name, x.object.mention, x.object.name]) if (!(r[0] >= 0 && r[1] > r[0] && r[1] <= text.length)) say(`range ${r} outside the text`);
      if (!RELATION.test(x.relation)) say(`relation ${x.relation}`);
      if (!MODALITIES.has(x.modality)) say(`modality ${x.modality}`);
    }
    total += gold.facts.length;
  }
  console.log(`${files.length} files, ${total} facts, ${problems} problems`);
  if (problems) process.exit(1);
}

function show(ref: string): void {
  const { text, title, date } = readGoldArticle(ref);
  if (title) console.log(`(title, not part of the text: ${title}; date ${date})`);
  console.log(text);
}

const args = process.argv.slice(2);
if (args[0] === "--check") check();
else if (args[0] === "--show" && args[1]) show(args[1]);
else if (args.length === 2) importList(args[0]!, args[1]!);
else {
  console.error("usage: tsx scripts/gold/facts-import.ts <article ref> <facts.jsonl> | --check | --show <article ref>");
  process.exit(2);
}
