/**
 * Quick in-process check of the entity stage while developing (`pnpm bench:ner`
 * is the benchmark of record): gold news dev set and WikiGold, ours only.
 *   tsx scripts/ner/eval.ts [--errors]
 */
import { readFileSync } from "node:fs";
import { articleMentions } from "../../packages/extract/src/ner/mentions.ts";
import { tagConll } from "../../packages/extract/src/ner/conll.ts";
import { loadNewsGold, scoreNews, type Span } from "../../packages/extract/src/bench/ner/news.ts";
import { scoreNer } from "../../packages/extract/src/bench/ner/score.ts";
import { benchPath } from "../../packages/extract/src/bench/paths.ts";

const gold = loadNewsGold();
const system = new Map<string, Span[]>();
for (const a of gold) system.set(a.ref, articleMentions({ id: a.kgId, text: a.text }).map((m) => [m.start, m.end, m.conll]));
const s = scoreNews(gold, system);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`news gold: PER/ORG/LOC F1 ${pct(s.headline.f1)} (P ${pct(s.headline.precision)} R ${pct(s.headline.recall)}); ` + Object.entries(s.byType).map(([t, v]) => `${t} ${pct(v.f1)}`).join(", "));
if (process.argv.includes("--wikigold")) {
  const wg = readFileSync(benchPath("ner", "wikigold.conll"), "utf8");
  const w = scoreNer(wg, tagConll(wg));
  console.log(`WikiGold: PER/ORG/LOC F1 ${pct(w.headline.f1)} (P ${pct(w.headline.precision)} R ${pct(w.headline.recall)}); ` + Object.entries(w.byType).map(([t, v]) => `${t} ${pct(v.f1)}`).join(", "));
}
if (process.argv.includes("--errors")) {
  for (const a of gold) {
    const g = new Set(a.mentions.map((m) => m.join(":")));
    const sys = system.get(a.ref)!;
    const sset = new Set(sys.map((m) => m.join(":")));
    const show = ([st, e, t]: Span) => `${t} ${JSON.stringify(a.text.slice(st, e))}`;
    for (const m of a.mentions) if (!sset.has(m.join(":"))) {
      const over = sys.filter(([st, e]) => st < m[1] && e > m[0]);
      console.log(`${a.ref}\tMISS ${show(m)}${over.length ? "  got " + over.map(show).join(" ") : ""}`);
    }
    for (const m of sys) if (!g.has(m.join(":")) && !a.mentions.some(([st, e]) => st < m[1] && e > m[0])) console.log(`${a.ref}\tFALSE ${show(m)}`);
  }
}
