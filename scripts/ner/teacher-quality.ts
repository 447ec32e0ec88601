/**
 * How good are the labels the student learns from? Runs the teacher on the
 * gold news dev set, applies the corrections (scripts/ner/corrections.ts) as
 * training does, and scores both against the gold. Development aid.
 *   tsx scripts/ner/teacher-quality.ts [--mode=combined|conll4|all3|union|retype] [--errors]
 */
import { loadNewsGold, scoreNews, type Span } from "../../packages/extract/src/bench/ner/news.ts";
import { runCoreNlp } from "../corenlp/corenlp.ts";
import { combineTeachers, correctDocument, type TeacherSentence } from "./corrections.ts";
import { documentSentences, wordSpans } from "./data.ts";

const gold = loadNewsGold();
async function teacher(model: "conll4" | "all3"): Promise<Map<string, Span[]>> {
  const out = await runCoreNlp("spans", model, gold.map((a) => JSON.stringify({ id: a.ref, text: a.text })).join("\n") + "\n");
  const m = new Map<string, Span[]>();
  for (const l of out.split("\n").filter(Boolean)) {
    const r = JSON.parse(l) as { id: string; spans: Span[] };
    m.set(r.id, r.spans);
  }
  return m;
}
const conll4 = await teacher("conll4");
const all3 = await teacher("all3");
const mode = process.argv.find((a) => a.startsWith("--mode="))?.slice(7) ?? "combined";
const raw = new Map<string, Span[]>();
for (const a of gold) {
  const c = conll4.get(a.ref)!;
  const b = all3.get(a.ref)!;
  const overlaps = (x: Span, list: Span[]) => list.some((y) => y[0] < x[1] && y[1] > x[0]);
  if (mode === "conll4") raw.set(a.ref, c);
  else if (mode === "all3") raw.set(a.ref, b);
  // all3's names, conll4's MISC and the names only conll4 found
  else if (mode === "union") raw.set(a.ref, [...b, ...c.filter((x) => !overlaps(x, b))].sort((x, y) => x[0] - y[0]));
  else if (mode === "combined") raw.set(a.ref, combineTeachers(c, b).map(([s, e, t]): Span => [s, e, t]));
  // conll4's spans, typed by all3 where both have the same span
  else if (mode === "retype") raw.set(a.ref, c.map((x): Span => { const y = b.find((y) => y[0] === x[0] && y[1] === x[1]); return y ? [x[0], x[1], y[2]] : x; }));
}
const corrected = new Map<string, Span[]>();
let lost = 0;
for (const a of gold) {
  const doc: TeacherSentence[] = [];
  for (const s of documentSentences(a.ref, a.text)) {
    const spans = wordSpans(s.words, mode === "combined" ? combineTeachers(conll4.get(a.ref)!, all3.get(a.ref)!) : raw.get(a.ref)!);
    if (!spans) {
      lost++;
      continue;
    }
    doc.push({ words: s.words, spans });
  }
  correctDocument(a.ref, doc);
  corrected.set(a.ref, doc.flatMap(({ words, spans }) => spans.map((s): Span => [words[s.first]!.start, words[s.last - 1]!.end, s.cls])));
}
const pct = (x: number) => (100 * x).toFixed(1);
for (const [name, sys] of [["teacher", raw], ["corrected", corrected]] as const) {
  const s = scoreNews(gold, sys);
  console.log(`${name}: PER/ORG/LOC F1 ${pct(s.headline.f1)} (P ${pct(s.headline.precision)} R ${pct(s.headline.recall)}); ` + Object.entries(s.byType).map(([t, v]) => `${t} ${pct(v.f1)}`).join(", "));
}
console.log(`${lost} sentences unusable`);
if (process.argv.includes("--errors")) {
  for (const a of gold) {
    const sys = corrected.get(a.ref)!;
    const sset = new Set(sys.map((m) => m.join(":")));
    const show = ([st, e, t]: Span) => `${t} ${JSON.stringify(a.text.slice(st, e))}`;
    for (const m of a.mentions) if (!sset.has(m.join(":"))) {
      const over = sys.filter(([st, e]) => st < m[1] && e > m[0]);
      console.log(`${a.ref}\tMISS ${show(m)}${over.length ? "  got " + over.map(show).join(" ") : ""}`);
    }
    const g = new Set(a.mentions.map((m) => m.join(":")));
    for (const m of sys) if (!g.has(m.join(":")) && !a.mentions.some(([st, e]) => st < m[1] && e > m[0])) console.log(`${a.ref}\tFALSE ${show(m)}`);
  }
}
