import { readFile } from "node:fs/promises";
import type { Triple } from "newskg-extract";
import { withRelation } from "newskg-extract/relations";
import { loadSchemaOption } from "../schema.ts";
import type { SerializedKnowledgeGraph } from "newskg-graph";
import { belowConfidenceNote } from "../confidence-note.ts";
import { info } from "../log.ts";

export interface ExportOptions {
  database?: string;
  batchSize: number;
  prune?: boolean;
  /** For triple files: the graph is built as kg build builds it, with this threshold and schema. */
  minConfidence?: number;
  schema?: string;
  strictSchema?: boolean;
}

/** What one input holds: a graph.json from `kg build`, or the triples `kg extract` writes (JSON Lines). */
export type ExportInput = { kind: "graph"; name: string; graph: SerializedKnowledgeGraph } | { kind: "triples"; name: string; triples: Triple[] };

async function readAll(path: string): Promise<string> {
  if (path !== "-") return readFile(path, "utf8");
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}

/**
 * Tells the two formats apart by content, not by extension: a line holding a
 * Triple (`kg extract`), or one JSON object with `nodes` and `edges` (`kg build`).
 */
export function parseExportInput(name: string, text: string, isTriple: (value: unknown) => value is Triple): ExportInput {
  const body = text.replace(/^\uFEFF/, "");
  // `kg extract` of articles that yield no triple writes an empty file: nothing to export.
  if (body.trim() === "") return { kind: "triples", name, triples: [] };
  if (body.trimStart()[0] !== "{") throw new Error(`${name}: neither a graph file written by kg build nor triples written by kg extract`);
  const lines = body.split("\n");
  const first = lines.find((line) => line.trim() !== "")!;
  let head: unknown;
  try {
    head = JSON.parse(first);
  } catch {
    head = undefined; // a pretty-printed graph: its first line is not a whole JSON value
  }
  if (isTriple(head)) {
    const triples: Triple[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${name}:${i + 1}: not a JSON line`);
      }
      if (!isTriple(value)) throw new Error(`${name}:${i + 1}: not a triple written by kg extract`);
      triples.push(value);
    });
    return { kind: "triples", name, triples };
  }
  let data: SerializedKnowledgeGraph;
  try {
    data = JSON.parse(body) as SerializedKnowledgeGraph;
  } catch {
    throw new Error(`${name}: neither a graph file written by kg build nor triples written by kg extract`);
  }
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) throw new Error(`${name}: not a graph file written by kg build`);
  return { kind: "graph", name, graph: data };
}

/**
 * Exports each graph file, then all the triple files together as one graph
 * (built as `kg build` builds one: see newskg-graph/neo4j triples.ts).
 * Credentials come from the environment only: never from arguments, never logged.
 */
export async function exportNeo4jCommand(paths: string | string[], opts: ExportOptions): Promise<number> {
  const { exportToNeo4j, graphFromTriples, isTriple } = await import("newskg-graph/neo4j");
  const inputs: ExportInput[] = [];
  for (const path of Array.isArray(paths) ? paths : [paths]) inputs.push(parseExportInput(path === "-" ? "standard input" : path, await readAll(path), isTriple));
  const graphs = inputs.flatMap((input) => (input.kind === "graph" ? [{ name: input.name, graph: input.graph }] : []));
  const tripleInputs = inputs.flatMap((input) => (input.kind === "triples" ? [input] : []));
  const schema = await loadSchemaOption(opts.schema, opts.strictSchema);
  if (tripleInputs.length > 0) {
    let triples = tripleInputs.flatMap((input) => input.triples);
    if (schema) {
      const classed = triples.map((t) => withRelation(t, schema.schema, schema.strict));
      const kept = classed.filter((t): t is Triple => t !== undefined);
      if (kept.length < triples.length) info(`${triples.length - kept.length} triple(s) outside the schema dropped (--strict-schema)`);
      triples = kept;
    }
    const name = tripleInputs.map((input) => input.name).join(", ");
    info(`${name}: ${triples.length} triple(s) of ${new Set(triples.map((t) => t.evidence.article)).size} article(s)`);
    const minConfidence = opts.minConfidence ?? 0;
    const below = triples.filter((t) => t.confidence < minConfidence).length;
    if (below) info(belowConfidenceNote(below, minConfidence));
    graphs.push({ name, graph: graphFromTriples(triples, { minConfidence }) });
  }
  const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
  const database = opts.database ?? process.env.NEO4J_DATABASE;
  for (const { graph } of graphs) {
    // The exporter reports what it wrote through `log`.
    await exportToNeo4j(graph, {
      uri,
      ...(process.env.NEO4J_USERNAME ? { username: process.env.NEO4J_USERNAME } : {}),
      ...(process.env.NEO4J_PASSWORD ? { password: process.env.NEO4J_PASSWORD } : {}),
      ...(database ? { database } : {}),
      batchSize: opts.batchSize,
      prune: !!opts.prune,
      log: info,
    });
  }
  return 0;
}
