/**
 * Labels and relationship types come from text (entity types, predicates).
 * Cypher cannot take them as ordinary parameters, so every one goes through
 * `safeIdentifier`: either a name made of ASCII letters, digits and `_` that
 * is safe anywhere, or the fallback. The exporter still passes the result as
 * a parameter (`$(row.type)`), never pasted into query text; the check is a
 * second wall and keeps the schema tidy for people writing Cypher by hand.
 */

/** Relationship type for predicates that do not make a clean identifier; `predicate` keeps the text. */
export const FALLBACK_RELATIONSHIP_TYPE = "RELATED";
/** Second label for entity types that do not make a clean identifier; `type` keeps the text. */
export const FALLBACK_ENTITY_LABEL = "Other";

/** What a relationship type may look like: UPPER_SNAKE, at most 64 characters. */
export const RELATIONSHIP_TYPE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
/** What an entity label may look like: PascalCase, at most 64 characters. */
export const ENTITY_LABEL_PATTERN = /^[A-Z][A-Za-z0-9]{0,63}$/;

// Names the model itself uses: a predicate "mentions" must not pass for an
// article's MENTIONS link, nor an entity type "Article" for an article.
const RESERVED_RELATIONSHIP_TYPES = new Set(["MENTIONS"]);
const RESERVED_LABELS = new Set(["Entity", "Article"]);

/** Words of plain ASCII text separated by spaces, `_` or `-`; anything else is refused. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?:[\s_-]+[A-Za-z0-9]+)*$/;

export type IdentifierKind = "relationship" | "label";

/**
 * The one gate between text and schema names.
 * - relationship: `meet` -> `MEET`, `leader_of` -> `LEADER_OF`, `take part` -> `TAKE_PART`
 * - label: `Person` -> `Person`, `military unit` -> `MilitaryUnit`
 * Anything else (quotes, backticks, braces, non-ASCII letters, too long,
 * starting with a digit, a reserved name) gives the fallback.
 */
export function safeIdentifier(text: string, kind: IdentifierKind): string {
  const fallback = kind === "relationship" ? FALLBACK_RELATIONSHIP_TYPE : FALLBACK_ENTITY_LABEL;
  const trimmed = typeof text === "string" ? text.trim() : "";
  if (!PLAIN_WORDS.test(trimmed)) return fallback;
  const words = trimmed.split(/[\s_-]+/);
  if (kind === "relationship") {
    const candidate = words.join("_").toUpperCase();
    return RELATIONSHIP_TYPE_PATTERN.test(candidate) && !RESERVED_RELATIONSHIP_TYPES.has(candidate) ? candidate : fallback;
  }
  // One word keeps its inner capitals (`GPE` stays `GPE`); several become PascalCase.
  const candidate =
    words.length === 1
      ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
      : words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join("");
  return ENTITY_LABEL_PATTERN.test(candidate) && !RESERVED_LABELS.has(candidate) ? candidate : fallback;
}

/** Relationship type for a normalised predicate (`leader_of` -> `LEADER_OF`, else `RELATED`). */
export function relationshipType(predicate: string): string {
  return safeIdentifier(predicate, "relationship");
}

/** Second label for an entity type (`Person` -> `Person`, else `Other`). */
export function entityLabel(type: string): string {
  return safeIdentifier(type, "label");
}
