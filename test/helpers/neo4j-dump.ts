/**
 * A canonical dump of everything in the test Neo4j, for "these two databases
 * hold exactly the same graph" checks, and a short readable diff of two dumps
 * (a whole-graph toEqual diff of a few thousand relationships is unreadable).
 *
 * Every node and every relationship becomes one line keyed by what identifies
 * it in the model (node: its id; relationship: ends, type and predicate), so
 * a duplicate relationship shows up as a key seen twice.
 */
import type { Driver } from "../../packages/graph/src/neo4j/testing.ts";

/** Entity properties that describe one exported graph and cannot merge (see UPSERT_ENTITIES). */
export const PER_EXPORT_METRICS = ["degree", "pagerank", "community"] as const;

export interface DumpLine {
  key: string;
  value: Record<string, unknown>;
}

export interface GraphDump {
  nodes: DumpLine[];
  relationships: DumpLine[];
}

/** JSON with object keys sorted, so equal values give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const byKeyThenValue = (a: DumpLine, b: DumpLine) => {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  const [x, y] = [canonical(a.value), canonical(b.value)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Every node and relationship, entity metrics left out (`ignore`), in a stable order. */
export async function dumpGraph(driver: Driver, ignore: readonly string[] = PER_EXPORT_METRICS): Promise<GraphDump> {
  const nodeResult = await driver.executeQuery("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props");
  const nodes = nodeResult.records.map((record) => {
    const labels = [...(record.get("labels") as string[])].sort();
    const props = { ...(record.get("props") as Record<string, unknown>) };
    if (labels.includes("Entity")) for (const name of ignore) delete props[name];
    return { key: `${labels.join(":")} ${String(props.id)}`, value: { labels, ...props } };
  });
  const relResult = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props",
  );
  const relationships = relResult.records.map((record) => {
    const props = record.get("props") as Record<string, unknown>;
    const predicate = typeof props.predicate === "string" ? ` ${props.predicate}` : "";
    return { key: `${String(record.get("from"))} -[${String(record.get("type"))}${predicate}]-> ${String(record.get("to"))}`, value: props };
  });
  return { nodes: nodes.sort(byKeyThenValue), relationships: relationships.sort(byKeyThenValue) };
}

export function dumpSize(dump: GraphDump): { nodes: number; relationships: number } {
  return { nodes: dump.nodes.length, relationships: dump.relationships.length };
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

function diffLines(kind: string, actual: DumpLine[], expected: DumpLine[], out: string[]): void {
  const group = (lines: DumpLine[]) => {
    const map = new Map<string, DumpLine[]>();
    for (const line of lines) map.set(line.key, [...(map.get(line.key) ?? []), line]);
    return map;
  };
  const a = group(actual);
  const e = group(expected);
  for (const [key, lines] of a) {
    const wanted = e.get(key);
    if (!wanted) out.push(`${kind} only in actual: ${key}`);
    else if (lines.length !== wanted.length) out.push(`${kind} ${key}: ${lines.length} in actual, ${wanted.length} expected (duplicates)`);
    else {
      lines.forEach((line, i) => {
        const want = wanted[i]!.value;
        const names = [...new Set([...Object.keys(line.value), ...Object.keys(want)])].sort();
        const differ = names.filter((name) => canonical(line.value[name]) !== canonical(want[name]));
        for (const name of differ) {
          out.push(`${kind} ${key}: ${name} = ${clip(canonical(line.value[name]))}, expected ${clip(canonical(want[name]))}`);
        }
      });
    }
  }
  for (const key of e.keys()) if (!a.has(key)) out.push(`${kind} missing: ${key}`);
}

/** The differences between two dumps, one line each (empty when they are equal). */
export function diffDumps(actual: GraphDump, expected: GraphDump, limit = 25): string[] {
  const out: string[] = [];
  diffLines("node", actual.nodes, expected.nodes, out);
  diffLines("relationship", actual.relationships, expected.relationships, out);
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more differences`] : out;
}
