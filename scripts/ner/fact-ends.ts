/**
 * How many gold facts (gold/facts) have an end the recogniser does not find: no mention overlaps the
 * span of the end's name (EXACT=1: no mention has exactly that span). Names are printed (to the
 * console only) with any argument: `tsx scripts/ner/fact-ends.ts names`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readGoldArticle } from "../../packages/extract/src/bench/gold/articles.ts";
import { articleMentions } from "../../packages/extract/src/ner/mentions.ts";
const dir = join(import.meta.dirname, "../../gold/facts/annotations");
let facts = 0, missing = 0;
const missed = new Map<string, number>();
for (const f of readdirSync(dir)) {
  const g = JSON.parse(readFileSync(join(dir, f), "utf8"));
  const a = readGoldArticle(g.article);
  const ms = articleMentions({ id: a.ref, text: a.text }).filter((m) => m.type !== "Demonym" && m.type !== "Affiliation");
  const exact = process.env.EXACT === "1";
  const found = (s: number, e: number) => (exact ? ms.some((m) => m.start === s && m.end === e) : ms.some((m) => m.start < e && s < m.end)) || ms.some((m) => m.text === a.text.slice(s, e));
  for (const fact of g.facts) {
    facts++;
    let miss = false;
    for (const end of [fact.subject, fact.object]) {
      const [s, e] = end.name;
      if (!found(s, e)) { miss = true; const t = a.text.slice(s, e); missed.set(t, (missed.get(t) ?? 0) + 1); }
    }
    if (miss) missing++;
  }
}
console.log(`${facts} facts, ${missing} (${((100 * missing) / facts).toFixed(1)} %) with an end no mention finds`);
if (process.argv[2]) console.log([...missed].sort((x, y) => y[1] - x[1]).map(([t, n]) => `${t}:${n}`).join("; "));
