/**
 * The data that flows out of extraction. Every other package imports these
 * types from here; nothing else defines them.
 */

export type EntityType =
  | "Person"
  | "Organization"
  | "Location"
  | "Equipment"
  | "Event"
  | "Group"
  | "Other";

/** A span of the original article file (UTF-16 offsets, as JavaScript strings index). */
export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface EntityRef {
  /** Stable id derived from type + canonical name: same thing, same id, on every machine. */
  id: string;
  name: string;
  type: EntityType;
  /** Every surface form seen for this entity (including `name`). */
  aliases?: string[];
  /**
   * How sure the type is, 0 to 1, on the entities an article lists (not on triples' refs). A gazetteer or a
   * title gives 0.9 and more; below 0.7 the type is a guess from the words around the name, which the
   * corpus may overrule (resolveAcrossArticles).
   */
  typeConfidence?: number;
}

export interface Evidence {
  /** The article's id: its file name, or the `id` of a JSONL record. */
  article: string;
  /** The sentence the triple comes from, exactly as it stands in the article. */
  text: string;
  /** Offsets of `text` in the article as read. */
  start: number;
  end: number;
  subject?: Mention;
  object?: Mention;
}

/** Whether the sentence says it happened (or holds), or says it did not. */
export type Polarity = "positive" | "negative";

/**
 * How the sentence puts it: `asserted` (stated as fact), `reported` (someone's claim the article does
 * not itself make), `intended` (planned, wanted, expected, about to), `hypothetical` (possible,
 * conditional), `denied` (someone denies it).
 */
export type Modality = "asserted" | "reported" | "intended" | "hypothetical" | "denied";

export interface Triple {
  subject: EntityRef;
  /** Normalised predicate: lemma, lower case, words joined by `_` (`meet`, `leader_of`). */
  predicate: string;
  /** The predicate as written (`has accused`, `met`). */
  surface?: string;
  object: EntityRef;
  evidence: Evidence;
  /** Event date (ISO YYYY-MM-DD) when the sentence gives one, else the article date. */
  date?: string;
  /** The article's own date, when known. */
  articleDate?: string;
  /** In [0,1]; higher means more likely correct. */
  confidence: number;
  polarity?: Polarity;
  modality?: Modality;
  /**
   * The relation class (relations/schema.json, or a user's --schema): `CONSULT`, `LEADER_OF`, `ASSAULT`,
   * `RELATED` for the rest. Events CAMEO codes carry their code and Goldstein score (-10 conflict to
   * +10 cooperation).
   */
  relation?: string;
  /** The class's group: cooperation, conflict (CAMEO's two halves), standing, other, catch-all. */
  relationGroup?: "cooperation" | "conflict" | "standing" | "other" | "catch-all";
  cameo?: string;
  goldstein?: number;
}

/** One article as handed to the extractor. */
export interface ArticleInput {
  id: string;
  text: string;
  title?: string;
  /** ISO date if known from outside the text (JSONL input); a `date` header in the text also sets it. */
  date?: string;
  source?: string;
  /** The wire's dateline when the record gives it apart from the text (Reuters-21578's `dateline`); one opening the text wins. */
  dateline?: string;
}

/**
 * The dateline a wire story opens with ("MOSCOW, Feb 26 (Reuters) -"): where and when it was filed.
 * Found at the start of the story, or given by a JSON Lines record's `dateline` field.
 */
export interface Dateline {
  /** As written, up to its dash. */
  text: string;
  /** The place, in ordinary capitals ("New York"); the gazetteer's name when it knows the place. */
  place: string;
  /** ISO YYYY-MM-DD, when the article's date gives the year the dateline leaves out. */
  date?: string;
}

/** What extraction reports about one article besides its triples. */
export interface ArticleMeta {
  id: string;
  title?: string;
  date?: string;
  source?: string;
  sha256?: string;
  dateline?: Dateline;
  /** Entity ids mentioned in the article, with how often. */
  mentions: Record<string, number>;
  entities: EntityRef[];
}

/**
 * A part of an article that extraction skipped because processing it threw. The rest of the article
 * is kept; extraction stays pure, so this comes back as data and the CLI reports it.
 */
export interface ExtractionProblem {
  /** What was skipped: one sentence, or a block of text the tagger could not read. */
  part: "sentence" | "block";
  /** Offsets of that part in the article as read. */
  start: number;
  end: number;
  /** The part as written (its first 200 characters), so a report needs no copy of the article. */
  text: string;
  message: string;
  stack?: string;
}

export interface ArticleExtraction {
  article: ArticleMeta;
  triples: Triple[];
  /** What was skipped, and why; extractArticle always sets it (empty when nothing was). */
  problems?: ExtractionProblem[];
}
