/**
 * `--schema FILE` and `--strict-schema`: a user's relation schema (the format
 * of newskg-extract's relations/schema.json) classes every triple instead of
 * ours, or before ours when it `"extends": "default"`. With --strict-schema a
 * triple no class takes is dropped and counted, not put in the catch-all.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ArticleExtraction } from "newskg-extract";
import { effectiveSchema, readSchema, SchemaError, withRelation, type RelationSchema } from "newskg-extract/relations";
import { UsageError } from "./usage-error.ts";

export interface SchemaChoice {
  schema: RelationSchema;
  strict: boolean;
  /** Stands for the file's content and strictness in cache keys. */
  key: string;
}

export async function loadSchemaOption(file: string | undefined, strict: boolean | undefined): Promise<SchemaChoice | undefined> {
  if (!file) {
    if (strict) throw new UsageError("--strict-schema needs --schema FILE");
    return undefined;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`${file}: cannot read the schema: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not JSON: ${(e as Error).message}`);
  }
  try {
    return { schema: effectiveSchema(readSchema(json, file)), strict: !!strict, key: createHash("sha256").update(text).update(strict ? "strict" : "").digest("hex") };
  } catch (e) {
    if (e instanceof SchemaError) throw new UsageError(e.message);
    throw e;
  }
}

/** The article's triples classed under the schema; `dropped` counts those a strict schema has no class for. */
export function reclassify(x: ArticleExtraction, choice: SchemaChoice | undefined): { extraction: ArticleExtraction; dropped: number } {
  if (!choice) return { extraction: x, dropped: 0 };
  const triples = [];
  for (const t of x.triples) {
    const classed = withRelation(t, choice.schema, choice.strict);
    if (classed) triples.push(classed);
  }
  return { extraction: { ...x, triples }, dropped: x.triples.length - triples.length };
}
