/**
 * The relation schema: classes of relations, each with the predicates (as
 * globs) and entity types it takes, its CAMEO code and Goldstein score where
 * it is an event CAMEO codes, the rule that re-classes an event the sentence
 * only places somewhere, and the rules that re-class a statement that does
 * not say the event happened. Ours is schema.json; a user's file in the
 * same format replaces it, or extends it (`"extends": "default"`): its
 * classes are tried first. Every problem names the file and the entry.
 */
import type { EntityType, Modality, Polarity } from "../types.ts";
import defaults from "./schema.json" with { type: "json" };

export type RelationGroup = "cooperation" | "conflict" | "standing" | "other" | "catch-all";
const GROUPS: RelationGroup[] = ["cooperation", "conflict", "standing", "other", "catch-all"];
const ENTITY_TYPES: EntityType[] = ["Person", "Organization", "Location", "Equipment", "Event", "Group", "Other"];
const POLARITIES: Polarity[] = ["positive", "negative"];
const MODALITIES: Modality[] = ["asserted", "reported", "intended", "hypothetical", "denied"];

export interface RelationPattern {
  /** Globs over the normalised predicate: `meet`, `hold_talks_*`, `*_minister_of`. */
  match: string[];
  /** Entity types allowed at either end; absent: any. */
  subject?: EntityType[];
  object?: EntityType[];
}

export interface RelationClass {
  /** Upper snake case: the Neo4j relationship type. */
  id: string;
  label: string;
  group: RelationGroup;
  cameo?: string;
  goldstein?: number;
  description?: string;
  /** Too vague to read as a relation (ACTS_ON: a verb the schema does not know): kg extract leaves such triples out. */
  generic?: boolean;
  patterns: RelationPattern[];
}

/** Re-classes a statement by how it is put: a denied attack is a denial, a planned meeting an intent to meet. */
export interface ModeRule {
  /** `class`: the class the predicate and types gave, before any mode ("will miss the final" stays UNREALISED). */
  when: { polarity?: Polarity; modality?: Modality; group?: RelationGroup; cameoRoot?: string; class?: string };
  class: string;
}

/**
 * Re-classes an event the sentence only places ("won the title in Budapest"): an object of these types
 * behind one of these prepositions is where it happened, not a party to it.
 */
export interface PlacedRule {
  class: string;
  objectTypes: EntityType[];
  prepositions: string[];
  /** Classes about places already (LOCATED_IN, MAKE_VISIT …): left as they are. */
  unless: string[];
  /** When given, the only classes the rule re-classes ("beat Vinci at the Qatar Open": a defeat, not the tournament's). */
  only?: string[];
}

export interface RelationSchema {
  classes: RelationClass[];
  modes: ModeRule[];
  /** Tried in order; the first that takes a triple gives its class. */
  placed?: PlacedRule[];
  /** The class of a triple no pattern matches (absent in a strict schema's sense: see classify). */
  catchAll: string;
}

export class SchemaError extends Error {}

const ID = /^[A-Z][A-Z0-9_]*$/;

/** Checks a parsed schema file; `file` names it in every message. */
export function readSchema(json: unknown, file: string): RelationSchema & { extends?: "default" } {
  const fail = (where: string, msg: string): never => {
    throw new SchemaError(`${file}: ${where}: ${msg}`);
  };
  if (!json || typeof json !== "object" || Array.isArray(json)) fail("top level", "must be an object with \"classes\"");
  const doc = json as Record<string, unknown>;
  if (doc.extends !== undefined && doc.extends !== "default") fail("extends", `must be "default" (to extend the built-in schema) or absent, got ${JSON.stringify(doc.extends)}`);
  if (!Array.isArray(doc.classes) || doc.classes.length === 0) fail("classes", "must be a non-empty list");
  const ids = new Set<string>();
  const classes = (doc.classes as unknown[]).map((raw, k): RelationClass => {
    const where = `classes[${k}]`;
    if (!raw || typeof raw !== "object") fail(where, "must be an object");
    const c = raw as Record<string, unknown>;
    const at = typeof c.id === "string" ? `${where} (${c.id})` : where;
    if (typeof c.id !== "string" || !ID.test(c.id)) fail(at, `"id" must be UPPER_SNAKE_CASE (letters, digits, _), got ${JSON.stringify(c.id)}`);
    if (ids.has(c.id as string)) fail(at, `"id" ${c.id} is used twice`);
    ids.add(c.id as string);
    const group = (c.group ?? "other") as RelationGroup;
    if (!GROUPS.includes(group)) fail(at, `"group" must be one of ${GROUPS.join(", ")}, got ${JSON.stringify(c.group)}`);
    if (c.cameo !== undefined && (typeof c.cameo !== "string" || !/^\d{2,4}$/.test(c.cameo))) fail(at, `"cameo" must be a CAMEO code as a string of 2 to 4 digits, got ${JSON.stringify(c.cameo)}`);
    if (c.goldstein !== undefined && (typeof c.goldstein !== "number" || c.goldstein < -10 || c.goldstein > 10)) fail(at, `"goldstein" must be a number from -10 to 10, got ${JSON.stringify(c.goldstein)}`);
    const patterns = c.patterns ?? [];
    if (!Array.isArray(patterns)) fail(at, `"patterns" must be a list`);
    return {
      id: c.id as string,
      label: typeof c.label === "string" ? c.label : (c.id as string).toLowerCase().replace(/_/g, " "),
      group,
      ...(c.cameo !== undefined ? { cameo: c.cameo as string } : {}),
      ...(c.goldstein !== undefined ? { goldstein: c.goldstein as number } : {}),
      ...(typeof c.description === "string" ? { description: c.description } : {}),
      ...(c.generic === true ? { generic: true } : {}),
      patterns: (patterns as unknown[]).map((p, j) => readPattern(p, `${at} patterns[${j}]`, fail)),
    };
  });
  const modes = (Array.isArray(doc.modes) ? doc.modes : doc.modes === undefined ? [] : fail("modes", "must be a list")) as unknown[];
  const rules = modes.map((raw, k): ModeRule => {
    const where = `modes[${k}]`;
    const r = raw as { when?: Record<string, unknown>; class?: unknown };
    if (!r || typeof r !== "object" || !r.when || typeof r.when !== "object") fail(where, `must be {"when": {...}, "class": "ID"}`);
    const w = r.when!;
    if (w.polarity !== undefined && !POLARITIES.includes(w.polarity as Polarity)) fail(where, `"when.polarity" must be one of ${POLARITIES.join(", ")}`);
    if (w.modality !== undefined && !MODALITIES.includes(w.modality as Modality)) fail(where, `"when.modality" must be one of ${MODALITIES.join(", ")}`);
    if (w.group !== undefined && !GROUPS.includes(w.group as RelationGroup)) fail(where, `"when.group" must be one of ${GROUPS.join(", ")}`);
    if (typeof r.class !== "string") fail(where, `"class" must be a class id`);
    return { when: w as ModeRule["when"], class: r.class as string };
  });
  // one rule, or a list of them
  const placedAt = (k: number) => (Array.isArray(doc.placed) ? `placed[${k}]` : "placed");
  const placed = doc.placed === undefined ? undefined : (Array.isArray(doc.placed) ? doc.placed : [doc.placed]).map((r, k) => readPlaced(r, placedAt(k), fail));
  const catchAll = typeof doc.catchAll === "string" ? doc.catchAll : "RELATED";
  const extending = doc.extends === "default";
  // ids a rule or the catch-all names must exist (in this file, or in ours when extending it)
  const known = new Set([...ids, ...(extending ? defaultSchema().classes.map((c) => c.id) : [])]);
  rules.forEach((r, k) => {
    if (!known.has(r.class)) fail(`modes[${k}]`, `names class ${r.class}, which the schema does not define`);
    if (r.when.class !== undefined && !known.has(r.when.class)) fail(`modes[${k}]`, `"when.class" names class ${r.when.class}, which the schema does not define`);
  });
  placed?.forEach((r, k) => {
    for (const id of [r.class, ...(r.only ?? [])]) if (!known.has(id)) fail(placedAt(k), `names class ${id}, which the schema does not define`);
  });
  if (!extending && !ids.has(catchAll)) fail("catchAll", `names class ${catchAll}, which the schema does not define`);
  return { classes, modes: rules, ...(placed ? { placed } : {}), catchAll, ...(extending ? { extends: "default" as const } : {}) };
}

function readPlaced(raw: unknown, where: string, fail: (where: string, msg: string) => never): PlacedRule {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) fail(where, `must be {"class": "ID", "objectTypes": [...], "prepositions": [...], "unless": [...], "only"?: [...]}`);
  const p = raw as Record<string, unknown>;
  if (typeof p.class !== "string") fail(where, `"class" must be a class id`);
  const words = (key: "prepositions" | "unless" | "only") => {
    const v = p[key] ?? [];
    if (!Array.isArray(v) || v.some((w) => typeof w !== "string")) fail(where, `"${key}" must be a list of strings, got ${JSON.stringify(v)}`);
    return v as string[];
  };
  const objectTypes = p.objectTypes;
  if (!Array.isArray(objectTypes) || objectTypes.some((t) => !ENTITY_TYPES.includes(t as EntityType))) fail(where, `"objectTypes" must be a list of entity types (${ENTITY_TYPES.join(", ")}), got ${JSON.stringify(objectTypes)}`);
  return { class: p.class as string, objectTypes: objectTypes as EntityType[], prepositions: words("prepositions"), unless: words("unless"), ...(p.only !== undefined ? { only: words("only") } : {}) };
}

function readPattern(raw: unknown, where: string, fail: (where: string, msg: string) => never): RelationPattern {
  if (!raw || typeof raw !== "object") fail(where, "must be an object");
  const p = raw as Record<string, unknown>;
  if (!Array.isArray(p.match) || p.match.length === 0 || p.match.some((m) => typeof m !== "string" || !/^[a-z0-9_*]+$/.test(m))) {
    fail(where, `"match" must be a non-empty list of predicate globs (lower case, digits, _ and *), got ${JSON.stringify(p.match)}`);
  }
  const types = (key: "subject" | "object") => {
    const v = p[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((t) => !ENTITY_TYPES.includes(t as EntityType))) fail(where, `"${key}" must be a list of entity types (${ENTITY_TYPES.join(", ")}), got ${JSON.stringify(v)}`);
    return v as EntityType[];
  };
  const subject = types("subject");
  const object = types("object");
  return { match: p.match as string[], ...(subject ? { subject } : {}), ...(object ? { object } : {}) };
}

let builtIn: RelationSchema | undefined;
export function defaultSchema(): RelationSchema {
  builtIn ??= readSchema(defaults, "packages/extract/src/relations/schema.json");
  return builtIn;
}

/** A user's schema as it applies: on its own, or tried before ours when it extends ours. */
export function effectiveSchema(user: RelationSchema & { extends?: "default" }): RelationSchema {
  if (!user.extends) return user;
  const base = defaultSchema();
  const own = new Set(user.classes.map((c) => c.id));
  const placed = user.placed ?? base.placed;
  return { classes: [...user.classes, ...base.classes.filter((c) => !own.has(c.id))], modes: [...user.modes, ...base.modes], ...(placed ? { placed } : {}), catchAll: user.catchAll };
}
