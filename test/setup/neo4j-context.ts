// What the Neo4j global setup hands to test files through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT of the coordinator in test/setup/neo4j-coordinator.ts. */
    neo4jCoordinator: string;
  }
}

export interface Neo4jServerInfo {
  uri: string;
  /** True when it came from NEO4J_URI rather than being started by the tests. */
  external: boolean;
}
