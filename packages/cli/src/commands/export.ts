import { readFile } from "node:fs/promises";
import type { SerializedKnowledgeGraph } from "@kg/graph";
import { info } from "../log.ts";

export interface ExportOptions {
  database?: string;
  batchSize: number;
  prune?: boolean;
}

/** Credentials come from the environment only: never from arguments, never logged. */
export async function exportNeo4jCommand(graphPath: string, opts: ExportOptions): Promise<number> {
  const data = JSON.parse(await readFile(graphPath, "utf8")) as SerializedKnowledgeGraph;
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) throw new Error(`${graphPath}: not a graph file written by kg build`);
  const { exportToNeo4j } = await import("@kg/graph/neo4j");
  const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
  const database = opts.database ?? process.env.NEO4J_DATABASE;
  // The exporter reports what it wrote through `log`.
  await exportToNeo4j(data, {
    uri,
    ...(process.env.NEO4J_USERNAME ? { username: process.env.NEO4J_USERNAME } : {}),
    ...(process.env.NEO4J_PASSWORD ? { password: process.env.NEO4J_PASSWORD } : {}),
    ...(database ? { database } : {}),
    batchSize: opts.batchSize,
    prune: !!opts.prune,
    log: info,
  });
  return 0;
}
