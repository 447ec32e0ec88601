/**
 * Constraints the model relies on: one node per entity id and per article id
 * (MERGE on a constraint is also what makes concurrent exports safe), and an
 * index on entity names for people looking things up by hand.
 * `IF NOT EXISTS` makes this cheap on every export after the first.
 */
import type { Driver, Session } from "neo4j-driver";

export const SCHEMA_STATEMENTS = [
  "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
  "CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
  "CREATE INDEX kg_entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
] as const;

// Two exports creating the same constraint at the same moment: one wins, the
// other sees it already there. Either way the schema is what we want.
const ALREADY_THERE = new Set([
  "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
  "Neo.ClientError.Schema.ConstraintAlreadyExists",
  "Neo.ClientError.Schema.IndexAlreadyExists",
]);

export async function ensureSchema(session: Session): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    try {
      // Schema changes cannot share a transaction with data writes.
      await session.executeWrite((tx) => tx.run(statement));
    } catch (error) {
      if (!ALREADY_THERE.has((error as { code?: string }).code ?? "")) throw error;
    }
  }
}

/** Sessions creating relationship types at once (see ensureRelationshipTypes). */
export const TOKEN_SESSIONS = 8;

/**
 * Creates the relationship types the export is about to write that the
 * database does not know yet. Neo4j creates each new type (token) in an
 * internal transaction of its own, committed and forced to disk on its own:
 * one at a time, inside the relationship MERGE, that is what made the first
 * export into an empty database slow (the BBC graph has 2,033 predicates: the
 * relationship step took 10-25 s against 1-3 s once the types existed; the
 * query plan is the same either way). Created here from several sessions at
 * once, the commits share their disk flushes (1,016 types: 8.3 s one by one,
 * 2.6 s from 8 sessions). Types are never deleted, so this costs nothing on
 * later exports; concurrent exports creating the same type are harmless.
 */
export async function ensureRelationshipTypes(
  driver: Driver,
  sessionConfig: { database?: string },
  types: readonly string[],
  signal?: AbortSignal,
): Promise<number> {
  const read = driver.session(sessionConfig);
  let known: Set<string>;
  try {
    const result = await read.executeRead((tx) => tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types"));
    known = new Set(result.records[0]?.get("types") as string[]);
  } finally {
    await read.close();
  }
  const missing = [...new Set(types)].filter((type) => !known.has(type)).sort();
  if (missing.length === 0) return 0;
  signal?.throwIfAborted();
  await Promise.all(
    Array.from({ length: Math.min(TOKEN_SESSIONS, missing.length) }, async (_, k) => {
      const session = driver.session(sessionConfig);
      try {
        const part = missing.filter((_, i) => i % TOKEN_SESSIONS === k);
        await session.executeWrite((tx) => tx.run("UNWIND $types AS type CALL db.createRelationshipType(type)", { types: part }));
      } finally {
        await session.close();
      }
    }),
  );
  return missing.length;
}
