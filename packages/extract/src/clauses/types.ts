/** Shapes shared by the clause engine, open IE and the triple builder. */

export interface Span {
  /** Token range, end exclusive. */
  first: number;
  last: number;
}

export interface PrepArg {
  prep: Span;
  arg: Span;
}

export type SubjectVia =
  /** the noun phrase right before the verb (asides and time phrases skipped) */
  | "direct"
  /** the antecedent of "who/which/that" */
  | "relative"
  /** shared with a coordinated or participial verb: "attended X and met Y", "..., killing Z" */
  | "coordination"
  /** the subject of the clause an infinitive depends on: "relocated to Florida to become ..." */
  | "control"
  /** the main clause's subject, for a fronted participle: "Having returned ..., they gained" */
  | "fronted"
  | "passive-agent";

export interface Clause {
  /** One subject conjunct ("Mr Putin" of "Mr Putin and Mr Xi"). */
  subject: Span;
  /** The whole subject phrase, coordination included. */
  subjectGroup: Span;
  /** The verb group, with auxiliaries, negation, adverbs inside it, particles and infinitive chains. */
  verb: Span;
  /** Direct objects (several when coordinated). */
  objects: Span[];
  preps: PrepArg[];
  /** A "that"-clause or reported speech: "indicated that organic compounds could carry current". */
  complement?: { marker?: Span; body: Span };
  /** Tokens of the clause's argument region outside the objects: adverbs, prepositional phrases. */
  extras: Span[];
  /** Scene-setting phrases that scope over the clause: "In 1941 ,", "On 12 July 2006 ,". */
  adjuncts: Span[];
  passive: boolean;
  negated: boolean;
  subjectVia: SubjectVia;
  /** Inside another clause's complement ("Officials said that <clause>"): reported, not asserted. */
  embedded: boolean;
  /** The object is the antecedent of an object relative: "the match which Keibler lost". */
  objectViaRelative: boolean;
  /** Lemma chain of the verb group: "accuse", "pull_back", "refuse_to_provide". */
  lemma: string;
}
