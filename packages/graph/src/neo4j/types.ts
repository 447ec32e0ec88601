import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";

/** graphology's `graph.export()` of the knowledge graph: what the exporter reads. */
export type SerializedKnowledgeGraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface Neo4jConnectionOptions {
  /** `bolt://127.0.0.1:7687`, `neo4j://host:7687`, `neo4j+s://...` */
  uri: string;
  /** With no username and no password the driver connects without authentication. */
  username?: string | undefined;
  /** With a password and no username the user is `neo4j`. */
  password?: string | undefined;
  /** Defaults to the server's default database (`neo4j`). */
  database?: string | undefined;
  /**
   * How long a write keeps retrying a transient failure (a deadlock, a server gone for a moment) before it
   * fails: the driver's maxTransactionRetryTime. Default 60 s.
   */
  retryMs?: number | undefined;
}

export interface Neo4jExportOptions extends Neo4jConnectionOptions {
  /** Rows per transaction (`UNWIND $rows`). Default 5000. */
  batchSize?: number;
  /** Delete entities that no article mentions and no relation touches any more. */
  prune?: boolean;
  /** Progress messages (never contain credentials). */
  log?: (message: string) => void;
  /** Called after each committed write transaction, e.g. for a progress bar. */
  onProgress?: (progress: Neo4jExportProgress) => void;
  /** Stops the export between two transactions (Ctrl-C); a re-run completes it. */
  signal?: AbortSignal;
}

export type Neo4jExportStep = "clean" | "articles" | "entities" | "mentions" | "relations" | "finish" | "prune";

export interface Neo4jExportProgress {
  step: Neo4jExportStep;
  /** Rows of this step written so far, and in all. */
  done: number;
  total: number;
}

export interface Neo4jExportSummary {
  articles: number;
  entities: number;
  mentions: number;
  relations: number;
  /**
   * Articles already in Neo4j with another sha256 (or none), whose old contributions this export removed
   * first. Of concurrent exports carrying the same new text, only the first to get there counts it.
   */
  replacedArticles: number;
  /**
   * Articles another export wrote with a different text while this one ran (a user error): their
   * evidence may mix both texts; they are left without a sha256, so the next export of either replaces it.
   */
  conflictingArticles: number;
  /** Entities deleted by `prune`. */
  pruned: number;
  /** Transactions committed. */
  transactions: number;
  /**
   * Transactions rolled back and run again because a concurrent export deleted a relationship they
   * were writing (see UPSERT_RELATIONS); deadlocks, retried inside the driver, are not counted.
   */
  retriedTransactions: number;
  durationMs: number;
}
