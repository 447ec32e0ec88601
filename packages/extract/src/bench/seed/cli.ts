/** `pnpm bench:seed`: recall of the knowledge-graph triples against our gold annotation of the seed articles. */
import { seedRecall } from "../../testing/seed-gold.ts";
import { seedExtractions } from "../../testing/seed.ts";

const triples = seedExtractions().flatMap((x) => x.triples);
const r = seedRecall(triples);
console.log(`seed articles: ${triples.length} triples`);
console.log(`recall        ${r.found}/${r.total} = ${r.recall.toFixed(3)}`);
console.log(`dates right   ${r.datesRight}/${r.datesTotal}`);
console.log("missed:");
for (const g of r.missed) console.log(`  ${g.article}  ${g.subject} –${g.predicates.join("|")}→ ${g.object}${g.polarity || g.modality ? ` [${g.polarity ?? "positive"}, ${g.modality ?? "asserted"}]` : ""}${r.wrongMode.includes(g) ? "  (found, but put otherwise)" : ""}`);
