/**
 * Constraints the model relies on: one node per entity id and per article id
 * (MERGE on a constraint is also what makes concurrent exports safe), and an
 * index on entity names for people looking things up by hand.
 * `IF NOT EXISTS` makes this cheap on every export after the first.
 */
import type { Session } from "neo4j-driver";

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
