// Types for start.mjs, so TypeScript callers (the test global setup) are checked.
export interface StartedNeo4j {
  /** bolt://127.0.0.1:PORT */
  uri: string;
  port: number;
  pid: number | undefined;
  /** Stops the JVM (SIGTERM, then SIGKILL after graceMs) and waits for it to exit. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartNeo4jOptions {
  /** 0 (default): the JVM binds a free port and reports it. */
  port?: number;
  /** Turns authentication on, user `neo4j` with this password (8+ characters). */
  password?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Run ensureBuilt() first (default true). */
  build?: boolean;
}

export function ensureBuilt(options?: { log?: (message: string) => void }): boolean;
export function isPortFree(port: number): Promise<boolean>;
export function startNeo4j(options?: StartNeo4jOptions): Promise<StartedNeo4j>;
