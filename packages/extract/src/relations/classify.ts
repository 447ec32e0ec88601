/**
 * Triple -> relation class, under a schema (schema.ts): the first class whose
 * pattern matches the predicate and the two entity types, then the schema's
 * rule for an event the sentence only places somewhere, then its mode rules
 * for how the sentence puts it (a denied attack is a denial, a planned visit
 * an intent to meet). Pure and cheap: globs are compiled once
 * per schema.
 */
import type { EntityType, Modality, Polarity, Triple } from "../types.ts";
import { defaultSchema, type RelationClass, type RelationGroup, type RelationSchema } from "./schema.ts";

/**
 * A pattern's globs: the plain names and the endings ("*_analyst_at") looked up in sets, the other
 * wildcard globs as one expression.
 */
interface Matcher {
  exact: Set<string>;
  endings: Set<string>;
  re?: RegExp;
}
function matches(m: Matcher, predicate: string): boolean {
  if (m.exact.has(predicate)) return true;
  if (m.endings.size) for (let k = 0; k <= predicate.length; k++) if (m.endings.has(predicate.slice(k))) return true;
  return !!m.re && m.re.test(predicate);
}

interface Compiled {
  classes: { cls: RelationClass; patterns: { re: Matcher; subject?: Set<EntityType>; object?: Set<EntityType> }[] }[];
  byId: Map<string, RelationClass>;
  schema: RelationSchema;
  /** baseClass's answers by predicate and types (null: no class): every candidate triple asks, twice. */
  known: Map<string, RelationClass | null>;
}

const compiled = new WeakMap<RelationSchema, Compiled>();

function compile(schema: RelationSchema): Compiled {
  let c = compiled.get(schema);
  if (c) return c;
  const matcher = (plain: string[], wild: string[]): Matcher => {
    // "*_analyst_at": a wildcard only in front is an ending
    const ending = (g: string) => g.startsWith("*") && !g.slice(1).includes("*");
    const rest = wild.filter((g) => !ending(g)).map(glob);
    return { exact: new Set(plain), endings: new Set(wild.filter(ending).map((g) => g.slice(1))), ...(rest.length ? { re: new RegExp(`^(?:${rest.join("|")})$`) } : {}) };
  };
  const glob = (g: string) => g.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  c = {
    schema,
    known: new Map(),
    byId: new Map(schema.classes.map((k) => [k.id, k])),
    classes: schema.classes.map((cls) => ({
      cls,
      patterns: cls.patterns.map((p) => ({
        re: matcher(p.match.filter((g) => !g.includes("*")), p.match.filter((g) => g.includes("*"))),
        ...(p.subject ? { subject: new Set(p.subject) } : {}),
        ...(p.object ? { object: new Set(p.object) } : {}),
      })),
    })),
  };
  compiled.set(schema, c);
  return c;
}

export interface RelationOf {
  relation: string;
  relationGroup: RelationGroup;
  cameo?: string;
  goldstein?: number;
}

export interface ClassifyInput {
  predicate: string;
  subjectType: EntityType;
  objectType: EntityType;
  polarity?: Polarity;
  modality?: Modality;
}

/** Whether the triple's class before its mode (a negated ACTS_ON is still a verb the schema does not know) is a generic one. */
export function isGeneric(t: ClassifyInput, schema: RelationSchema = defaultSchema()): boolean {
  return baseClass(t, compile(schema))?.generic === true;
}

const MAX_KNOWN = 100_000;

function baseClass(t: ClassifyInput, c: Compiled): RelationClass | undefined {
  const key = `${t.predicate} ${t.subjectType} ${t.objectType}`;
  let found = c.known.get(key);
  if (found === undefined) {
    found = firstMatch(t, c) ?? null;
    if (c.known.size >= MAX_KNOWN) c.known.clear();
    c.known.set(key, found);
  }
  return found ?? undefined;
}

function firstMatch(t: ClassifyInput, c: Compiled): RelationClass | undefined {
  for (const { cls, patterns } of c.classes) {
    if (patterns.some((p) => matches(p.re, t.predicate) && (!p.subject || p.subject.has(t.subjectType)) && (!p.object || p.object.has(t.objectType)))) return cls;
  }
  return undefined;
}

/** The schema's class for an event the sentence only places ("won the title in Budapest"), if this is one. */
function placedClass(t: ClassifyInput, found: RelationClass | undefined, c: Compiled): RelationClass | undefined {
  if (!c.schema.placed || !found || found.generic) return undefined;
  const cut = t.predicate.lastIndexOf("_");
  if (cut <= 0) return undefined;
  const preposition = t.predicate.slice(cut + 1);
  const rule = c.schema.placed.find((r) => r.objectTypes.includes(t.objectType) && r.prepositions.includes(preposition) && !r.unless.includes(found.id) && (!r.only || r.only.includes(found.id)));
  return rule && c.byId.get(rule.class);
}

/**
 * The class of a triple. `strict`: a triple no pattern matches gets no class (undefined) instead of the
 * catch-all, so the caller can drop and count it.
 */
export function classify(t: ClassifyInput, schema: RelationSchema = defaultSchema(), strict = false): RelationOf | undefined {
  const c = compile(schema);
  const found = baseClass(t, c);
  if (!found && strict) return undefined;
  const base = placedClass(t, found, c) ?? found ?? c.byId.get(schema.catchAll)!;
  let cls = base;
  for (const rule of schema.modes) {
    const w = rule.when;
    if (w.polarity && w.polarity !== (t.polarity ?? "positive")) continue;
    if (w.modality && w.modality !== (t.modality ?? "asserted")) continue;
    if (w.group && w.group !== base.group) continue;
    if (w.cameoRoot && base.cameo?.slice(0, 2) !== w.cameoRoot) continue;
    if (w.class && base.id !== w.class) continue;
    cls = c.byId.get(rule.class) ?? cls;
    break;
  }
  return { relation: cls.id, relationGroup: cls.group, ...(cls.cameo ? { cameo: cls.cameo } : {}), ...(cls.goldstein !== undefined ? { goldstein: cls.goldstein } : {}) };
}

/** A triple with its class, under the schema; undefined when `strict` and no class takes it. */
export function withRelation(t: Triple, schema?: RelationSchema, strict = false): Triple | undefined {
  const r = classify({ predicate: t.predicate, subjectType: t.subject.type, objectType: t.object.type, polarity: t.polarity, modality: t.modality }, schema, strict);
  if (!r) return undefined;
  const { relation: _r, relationGroup: _rg, cameo: _c, goldstein: _g, ...rest } = t;
  return { ...rest, ...r };
}
