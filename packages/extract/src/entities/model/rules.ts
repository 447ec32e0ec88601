/**
 * The hand-written recogniser's opinion (entities/recognize.ts), as features
 * of the model: per word, the BILOU part and type the rules give it and how
 * sure they are ("B-Organization:h"). The rules carry what the teacher does
 * not know (gazetteers, cue words, titles, equipment); trained beside the
 * teacher's labels, the model learns how far to trust them.
 */
import type { Token } from "../../nlp/index.ts";
import { recogniseEntities, type EntitySpan, type Unit } from "../recognize.ts";

const sureness = (c: number) => (c >= 0.8 ? "h" : c >= 0.6 ? "m" : "l");

/**
 * The rules' entities of a sentence, and one tag per unit: "O", "B-Person:h", "U-Location:m", "D" (a
 * demonym), "A" (an affiliation). `units`: toUnits(tokens).
 */
export function ruleTags(tokens: Token[], units: Unit[]): { tags: string[]; entities: EntitySpan[] } {
  const { entities, demonyms, affiliations } = recogniseEntities(tokens, units);
  const byToken: string[] = new Array(tokens.length).fill("O");
  for (const e of entities) {
    const s = sureness(e.typeConfidence);
    for (let t = e.first; t < e.last; t++) {
      const part = e.last - e.first === 1 ? "U" : t === e.first ? "B" : t === e.last - 1 ? "L" : "I";
      byToken[t] = `${part}-${e.type}:${s}`;
    }
  }
  for (const d of demonyms) byToken[d.index] = "D";
  for (const a of affiliations) for (let t = a.first; t < a.last; t++) byToken[t] = "A";
  // a unit takes its first token's tag
  return { tags: units.map((u) => byToken[u.first]!), entities };
}
