/**
 * Entity mentions from the trained model (entities/model/): the model finds
 * and classes the names (PER, ORG, LOC, MISC, as CoNLL does); the rules here
 * only refine what it found, with knowledge the model does not carry:
 * - MISC becomes Equipment (designations: "Tu-22M3"), Event ("Winter
 *   Olympics"), a demonym ("Russian": MISC in CoNLL, a country for roles, no
 *   node of the graph), an affiliation ("Catholic") or Other;
 * - gazetteer spellings give canonical names ("Kiev" -> "Kyiv", "Nato" -> "NATO");
 * - titles before a person ("Prime Minister", "Mr") are remembered for alias resolution;
 * - a designation the model left alone is still equipment.
 */
import type { Token } from "../nlp/index.ts";
import type { EntityType } from "../types.ts";
import { AFFILIATIONS, DEMONYMS, EQUIPMENT_TOKEN, EVENT_WORDS, ORG_SPELLINGS, PLACES } from "./gazetteer.ts";
import { entityModel, tagWords } from "./model/model.ts";
import { documentContext, type DocumentContext } from "./model/features.ts";
import { ruleTags } from "./model/rules.ts";
import type { EntityClass } from "./model/labels.ts";
import { isTitle, joinUnits, TITLE_MODIFIERS, toUnits, type EntitySpan, type SentenceEntities, type Unit } from "./recognize.ts";

const TYPE_OF: Record<Exclude<EntityClass, "MISC">, EntityType> = { PER: "Person", ORG: "Organization", LOC: "Location" };

/** The title words right before a name: "Prime Minister", "Mr", "Russian President". */
function titleBefore(units: Unit[], first: number): string | undefined {
  let k = first;
  let core = false;
  while (k > 0) {
    const lower = units[k - 1]!.lower.replace(/\.$/, "");
    if (!/^\p{Lu}/u.test(units[k - 1]!.text)) break;
    if (isTitle(lower)) core = true;
    else if (!TITLE_MODIFIERS.has(lower) && !DEMONYMS.has(lower)) break;
    k--;
  }
  if (!core) return undefined;
  return units
    .slice(k, first)
    .map((u) => u.text)
    .join(" ");
}

function miscType(span: Unit[], lower: string): EntityType {
  if (span.some((u) => EQUIPMENT_TOKEN.test(u.text))) return "Equipment";
  const known = PLACES.get(lower);
  if (known?.type === "Event") return "Event";
  if (EVENT_WORDS.has(span[span.length - 1]!.lower)) return "Event";
  return "Other";
}

/** A sentence's entities, or why it could not be read (the rest of the document still is). */
export type SentenceResult = SentenceEntities & { error?: unknown };

/**
 * The entities of a document's sentences, read in order: the model sees the article around each
 * sentence (a sports report; how a name was labelled before), as it was trained to.
 */
export function recogniseDocument(sentences: Token[][]): SentenceResult[] {
  const units = sentences.map(toUnits);
  const doc = documentContext(units);
  return sentences.map((tokens, k) => {
    try {
      return entitiesOf(tokens, units[k]!, doc);
    } catch (error) {
      return { entities: [], demonyms: [], affiliations: [], error };
    }
  });
}

/** The entities of one sentence read alone. */
export function recogniseEntities(tokens: Token[]): SentenceEntities {
  const { error, ...found } = recogniseDocument([tokens])[0]!;
  if (error !== undefined) throw error;
  return found;
}

function entitiesOf(tokens: Token[], units: Unit[], doc: DocumentContext): SentenceEntities {
  const out: SentenceEntities = { entities: [], demonyms: [], affiliations: [] };
  if (units.length === 0) return out;
  const covered = new Uint8Array(units.length);
  const rules = ruleTags(tokens, units);
  // equipment and events the rules name with a cue ("exercises named United Resolve", "Pantsir-S
  // systems") are what they are, whatever the model cut: its classes have no such type
  const cued = rules.entities.filter((e) => (e.type === "Equipment" || e.type === "Event") && e.typeConfidence >= 0.8);
  for (const e of cued) {
    const first = units.findIndex((u) => u.first === e.first);
    const last = units.findIndex((u) => u.last === e.last);
    if (first < 0 || last < 0) continue;
    for (let k = first; k <= last; k++) covered[k] = 1;
    out.entities.push({ ...e });
  }
  for (const s of tagWords(entityModel(), units, rules.tags, doc)) {
    if (covered.subarray(s.first, s.last).some((c) => c)) continue;
    const span = units.slice(s.first, s.last);
    // "Sir", "Dr", "Mr" alone name no one
    if (span.every((u) => isTitle(u.lower))) continue;
    for (let k = s.first; k < s.last; k++) covered[k] = 1;
    const lower = span.map((u) => u.lower).join(" ");
    let type: EntityType;
    if (s.cls === "MISC") {
      if (span.length === 1 && DEMONYMS.has(lower)) {
        out.demonyms.push({ index: span[0]!.first, country: DEMONYMS.get(lower)! });
        continue;
      }
      if (span.length === 1 && (AFFILIATIONS.has(lower) || (lower.includes("-") && DEMONYMS.has(lower.slice(lower.lastIndexOf("-") + 1))))) {
        out.affiliations.push({ first: span[0]!.first, last: span[0]!.last });
        continue;
      }
      type = miscType(span, lower);
    } else type = TYPE_OF[s.cls];
    // the gazetteer spells the name ("Kiev" -> "Kyiv", "Nato" -> "NATO"); the type stays the model's
    // ("Ireland" the rugby side is an organisation), unless the gazetteer knows a place the model took
    // for a person ("Georgia"): then the name is not the place's
    const place = PLACES.get(lower);
    const canonical = place && (place.type === type || type === "Organization") ? place.name : type === "Organization" ? ORG_SPELLINGS.get(lower) : undefined;
    out.entities.push({
      first: span[0]!.first,
      last: span[span.length - 1]!.last,
      text: joinUnits(tokens, span),
      start: span[0]!.start,
      end: span[span.length - 1]!.end,
      type,
      canonical,
      title: type === "Person" ? titleBefore(units, s.first) : undefined,
      typeConfidence: canonical ? Math.max(0.9, s.confidence) : s.confidence,
      words: span.map((u) => u.text),
    });
  }
  // an organisation the model left alone that the rules name by its head word ("Moscow's National
  // Nuclear Risk Reduction Centre", "Defence Ministry"), with nothing of it tagged
  for (const e of rules.entities) {
    if (e.type !== "Organization" || e.typeConfidence < 0.8 || e.words.length < 2) continue;
    const first = units.findIndex((u) => u.first === e.first);
    const last = units.findIndex((u) => u.last === e.last);
    if (first < 0 || last < 0 || covered.subarray(first, last + 1).some((c) => c)) continue;
    for (let k = first; k <= last; k++) covered[k] = 1;
    out.entities.push({ ...e });
  }
  // "Tu-22M3", "S-400": designations are equipment wherever they stand
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (covered[k] || !EQUIPMENT_TOKEN.test(u.text)) continue;
    out.entities.push({ first: u.first, last: u.last, text: joinUnits(tokens, [u]), start: u.start, end: u.end, type: "Equipment", canonical: undefined, title: undefined, typeConfidence: 0.8, words: [u.text] });
  }
  out.entities.sort((a, b) => a.first - b.first);
  return out;
}
