/**
 * The README's example Cypher queries and the results it shows. Each query is
 * a ```cypher block followed by a Markdown table of its results; the test
 * (test/readme-queries.test.ts) runs every query against the graph of the
 * seed articles and checks the table, and `pnpm readme:queries` rewrites the
 * tables after the extractor changed.
 */
import type { Driver } from "neo4j-driver";

export interface ReadmeQuery {
  query: string;
  /** The table as written in the README, header included. */
  table: string;
  /** Offsets of the table in the README text, for rewriting it. */
  tableStart: number;
  tableEnd: number;
}

const BLOCK = /```cypher\n([\s\S]*?)```\n\n((?:\|.*\|\n)+)/g;

export function parseReadmeQueries(markdown: string): ReadmeQuery[] {
  const out: ReadmeQuery[] = [];
  for (const m of markdown.matchAll(BLOCK)) {
    const tableStart = m.index! + m[0].length - m[2]!.length;
    out.push({ query: m[1]!.trim(), table: m[2]!, tableStart, tableEnd: tableStart + m[2]!.length });
  }
  return out;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join(", ");
  if (typeof value === "object" && "toNumber" in (value as object)) return String((value as { toNumber(): number }).toNumber());
  const s = typeof value === "number" ? String(Math.round(value * 10_000) / 10_000) : String(value);
  // Long sentences are cut so the table stays readable; the query returns them whole.
  const short = s.length > 110 ? `${s.slice(0, 107)}…` : s;
  return short.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function formatTable(keys: string[], rows: unknown[][]): string {
  const lines = [`| ${keys.join(" | ")} |`, `|${keys.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n") + "\n";
}

export async function runAsTable(driver: Driver, query: string): Promise<string> {
  const { records, keys } = await driver.executeQuery(query);
  return formatTable(keys as string[], records.map((r) => keys.map((k) => r.get(k))));
}

export function replaceTables(markdown: string, queries: ReadmeQuery[], tables: string[]): string {
  let out = markdown;
  for (let i = queries.length - 1; i >= 0; i--) out = out.slice(0, queries[i]!.tableStart) + tables[i] + out.slice(queries[i]!.tableEnd);
  return out;
}
