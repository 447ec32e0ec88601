/**
 * A triple's confidence: the chance a reader would accept it as stated (right
 * entities and types, direction, relation, polarity and modality), from a
 * small logistic regression over what extraction already knows of it. The
 * weights are data (confidence.json), fitted by `pnpm fit:confidence` on
 * triples labelled by hand (gold/triples); the README shows how well a score
 * matches the share of correct triples.
 */
import type { EntityType, Modality, Polarity } from "../types.ts";
import fitted from "./confidence.json" with { type: "json" };

/** What extraction knows of a triple when it makes it. */
export interface TripleCues {
  /** How the triple was found: a title or apposition, a verb's object, a prepositional argument, a passive's agent, a copula ("is a member of"), a purpose ("on patrol over"), a noun phrase with no verb ("Germany's TUI", "Lucerne, Switzerland", "Hearts 2-1 Livingston"; triples/nominal.ts). */
  kind: "role" | "object" | "prep" | "passive" | "copula" | "purpose" | "nominal";
  /** The graded score of the rules that made it (0.05 to 0.95). */
  rule: number;
  viaPronoun: boolean;
  subjectType: EntityType;
  objectType: EntityType;
  /** The lower of the two entities' type confidences. */
  typeConfidence: number;
  polarity: Polarity;
  modality: Modality;
  /** The preposition that introduced the object, if any. */
  preposition?: string;
  /** Tokens between the two mentions. */
  distance: number;
  sentenceTokens: number;
  entitiesInSentence: number;
  quoted: boolean;
  /** The sentence has no closing punctuation: a headline, a caption. */
  headline: boolean;
  /** The relation class's group (relations/schema.json), and whether the class is only a generic one (ACTS_ON, RELATED…). */
  relationGroup: string;
  genericRelation: boolean;
  /** Words in the predicate: "beat" 1, "hold_talks_with" 3. */
  predicateWords: number;
}

/** The features of a triple, by name: the regression's inputs. */
export function features(c: TripleCues): Map<string, number> {
  const f = new Map<string, number>();
  const on = (name: string, value = 1) => f.set(name, value);
  on("bias");
  on("rule", c.rule);
  on(`kind=${c.kind}`);
  if (c.viaPronoun) on("pronoun");
  // No feature for the entity types or their pair: fitted on the BBC, they learnt its mistyped clubs
  // ("England [Location] beat Wales") and marked down every state acting elsewhere ("Russia sent
  // troops to Belarus", "Poland is a member of NATO"). The type's own confidence stays.
  on("typeConfidence", c.typeConfidence);
  if (c.polarity === "negative") on("negative");
  on(`modality=${c.modality}`);
  if (c.preposition) on(`prep=${c.preposition}`);
  on("distance", Math.log1p(c.distance) / 3);
  on("length", Math.min(c.sentenceTokens, 80) / 40);
  on("entities", Math.min(c.entitiesInSentence, 12) / 6);
  if (c.quoted) on("quoted");
  if (c.headline) on("headline");
  on(`group=${c.relationGroup}`);
  if (c.genericRelation) on("generic");
  on("predicateWords", Math.min(c.predicateWords, 6) / 3);
  return f;
}

export interface ConfidenceModel {
  weights: Record<string, number>;
}

/** The chance the triple is right, in (0, 1), rounded to two places. */
export function confidenceOf(c: TripleCues, model: ConfidenceModel = fitted): number {
  let z = 0;
  for (const [name, value] of features(c)) z += (model.weights[name] ?? 0) * value;
  return Math.round(100 / (1 + Math.exp(-z))) / 100;
}

/** The confidence below which `kg build` leaves a triple out of the graph (`kg extract` writes all). */
export const DEFAULT_MIN_CONFIDENCE: number = fitted.threshold;
