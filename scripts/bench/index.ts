/**
 * `pnpm bench`: one table of the corpus-scale figures, measured on the BBC
 * corpus (../shared/bench/news/bbc, 2,225 articles) by running the real `kg`
 * command as a user would, each figure a whole process: the built CLI
 * (packages/cli/dist, what the tarballs hold), or an installed one with
 * KG_BIN=<prefix>/bin/kg. `--quick`: start-up and the builds only.
 * - `kg --help`: start-up, median of 20 runs, and their mean CPU time;
 * - extraction words/s with 1 worker and with every core (medians of runs
 *   taken in turns), CPU seconds, peak RSS; and the rate of a long run;
 * - `kg build` cold, warm (nothing changed), one article changed, ten added (the
 *   first two also in CPU seconds, with the warm/cold ratio both ways),
 *   and whether the last of them wrote what a clean run (--no-cache) writes;
 * - graph build, metrics and layout time;
 * - the Neo4j export (skip with --no-neo4j).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { bbcDir, corpusGraph, kg, kgCommand, machine, readCorpus, tmpPath, type Run } from "./corpus.ts";

const rows: [string, string][] = [];
const row = (what: string, value: string) => {
  rows.push([what, value]);
  console.error(`${what}: ${value}`);
};

const cores = availableParallelism();
const articles = await readCorpus();
const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);
mkdirSync(tmpPath(""), { recursive: true });

const quick = process.argv.includes("--quick");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * CPU seconds of the child processes this one has waited for (Linux: cutime + cstime of /proc/self/stat),
 * which a loaded machine does not inflate the way it does the clock; undefined elsewhere.
 */
const childrenCpuSeconds = (() => {
  const tick = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;
  return (): number | undefined => {
    try {
      // the fields after the command name, which is in parentheses and may hold spaces
      const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[13]) + Number(fields[14])) / tick; // fields 16 and 17 of proc(5)
    } catch {
      return undefined;
    }
  };
})();

// Start-up: what every kg command pays before its work, measured as the shell sees it (spawn to exit),
// and in CPU seconds (the mean of the runs), which hold on a busy machine.
{
  const [file, args] = process.env.KG_BIN ? [process.env.KG_BIN, []] : [process.execPath, kgCommand()];
  const times: number[] = [];
  let cpuBefore: number | undefined;
  for (let k = 0; k < 21; k++) {
    if (k === 1) cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const r = spawnSync(file, [...args, "--help"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`kg --help failed: ${r.stderr}`);
    if (k > 0) times.push((performance.now() - started) / 1000); // the first fills the file cache
  }
  const cpuAfter = childrenCpuSeconds();
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? `; ${((cpuAfter - cpuBefore) / times.length).toFixed(3)} CPU-s a run` : "";
  const sorted = [...times].sort((a, b) => a - b);
  row(`kg --help (${process.env.KG_BIN ? "installed" : "built"} kg, whole process)`, `${median(times).toFixed(3)} s (median of ${times.length}; ${sorted[0]!.toFixed(3)}–${sorted.at(-1)!.toFixed(3)} s${cpu})`);
}

if (!quick) {
  // Extraction alone (no cache), one worker and every core. This VM's speed drifts by 10-30 % over minutes,
  // so the two are run in turns, three times each, and compared by their medians.
  const ROUNDS = 3;
  const extract = (workers: number, input: string[], out: string, stdin?: string) =>
    kg(["extract", ...input, "--no-cache", "-q", "-w", String(workers), "-o", tmpPath(out)], stdin);
  const ones: Run[] = [];
  const alls: Run[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    ones.push(extract(1, [bbcDir()], "t1.jsonl"));
    alls.push(extract(cores, [bbcDir()], "tn.jsonl"));
  }
  const summary = (runs: Run[]) => {
    const s = median(runs.map((r) => r.seconds));
    const range = runs.map((r) => r.seconds.toFixed(1)).join(", ");
    return `${Math.round(words / s).toLocaleString("en")} words/s (median of ${range} s; ${median(runs.map((r) => r.cpuSeconds)).toFixed(1)} CPU-s; peak RSS ${Math.round(Math.max(...runs.map((r) => r.maxRssMb)))} MB)`;
  };
  const oneSeconds = median(ones.map((r) => r.seconds));
  const allSeconds = median(alls.map((r) => r.seconds));
  row("kg extract, 1 worker", summary(ones));
  row(`kg extract, ${cores} workers`, `${summary(alls)}; speed-up ${(oneSeconds / allSeconds).toFixed(2)}x`);
  row("same output for 1 and N workers", readFileSync(tmpPath("t1.jsonl"), "utf8") === readFileSync(tmpPath("tn.jsonl"), "utf8") ? "yes" : "NO");

  // A long run: the corpus three times over as JSON Lines on standard input. What the two extra copies cost
  // is the rate once every worker's JIT is warm, which is what a corpus of years runs at.
  const jsonl = articles.map((a) => JSON.stringify({ id: a.id, title: a.title, date: a.date, text: a.text })).join("\n") + "\n";
  const threeTimes = jsonl + jsonl + jsonl;
  const longOne = extract(1, ["-"], "t1-long.jsonl", threeTimes);
  const longAll = extract(cores, ["-"], "tn-long.jsonl", threeTimes);
  const warmRate = (long: Run, short: number) => (2 * words) / (long.seconds - short);
  // Peak RSS against the corpus once: input is streamed, so three times the input should not mean three times the memory.
  row("kg extract, long run (corpus 3x, rate of the last two copies), 1 worker", `${Math.round(warmRate(longOne, oneSeconds)).toLocaleString("en")} words/s (${longOne.seconds.toFixed(1)} s, peak RSS ${Math.round(longOne.maxRssMb)} MB)`);
  row(`kg extract, long run, ${cores} workers`, `${Math.round(warmRate(longAll, allSeconds)).toLocaleString("en")} words/s (${longAll.seconds.toFixed(1)} s, peak RSS ${Math.round(longAll.maxRssMb)} MB); speed-up ${(warmRate(longAll, allSeconds) / warmRate(longOne, oneSeconds)).toFixed(2)}x`);
}

// Whole builds on a copy of the corpus, so one article can change and ten can be added.
const copy = tmpPath("bbc-copy");
const cache = tmpPath("cache");
rmSync(copy, { recursive: true, force: true });
rmSync(cache, { recursive: true, force: true });
cpSync(bbcDir(), copy, { recursive: true });
const build = () => kg(["build", copy, "-q", "--cache", cache, "-o", tmpPath("graph.json")]);
const cold = build();
// Nothing changed: a few runs, as the first may still find files out of the page cache.
const warms = Array.from({ length: 5 }, build);
const warm = { ...warms[0]!, seconds: median(warms.map((r) => r.seconds)) };
const changed = join(copy, "tech", "001.txt");
writeFileSync(changed, readFileSync(changed, "utf8") + "\nAngela Merkel visited Paris and met Emmanuel Macron.\n");
const oneChanged = build();
for (let k = 0; k < 10; k++) writeFileSync(join(copy, "politics", `added-${k}.txt`), `Headline ${k}\n\nCanada sent aid to Chile and Peru on day ${k}.\n`);
const tenAdded = build();
// The incremental result against a clean run (no cache at all) on the same folder.
kg(["build", copy, "-q", "--no-cache", "-o", tmpPath("graph-clean.json")]);
const sameAsClean = readFileSync(tmpPath("graph.json"), "utf8") === readFileSync(tmpPath("graph-clean.json"), "utf8");
row("kg build, cold", `${cold.seconds.toFixed(2)} s, ${cold.cpuSeconds.toFixed(2)} CPU-s (peak RSS ${Math.round(cold.maxRssMb)} MB)`);
const warmRange = warms.map((r) => r.seconds.toFixed(2)).join(", ");
const warmCpu = median(warms.map((r) => r.cpuSeconds));
row(
  "kg build, warm (nothing changed)",
  `${warm.seconds.toFixed(2)} s (median of ${warmRange} s), ${warmCpu.toFixed(2)} CPU-s: ${(cold.seconds / warm.seconds).toFixed(1)}x faster than cold by the clock, ${(cold.cpuSeconds / warmCpu).toFixed(1)}x in CPU time`,
);
row("kg build, one article changed", `${oneChanged.seconds.toFixed(2)} s`);
row("kg build, ten articles added", `${tenAdded.seconds.toFixed(2)} s`);
row("incremental build equals a clean run (graph.json, byte for byte)", sameAsClean ? "yes" : "NO");

// The graph stages alone, in process.
if (!quick) {
  const { graph, seconds } = await corpusGraph(articles);
  row("graph build / metrics / layout", `${seconds.build.toFixed(2)} s / ${seconds.metrics.toFixed(2)} s / ${seconds.layout.toFixed(2)} s, ${seconds.layoutCached.toFixed(2)} s with its cores cached (${graph.order.toLocaleString("en")} entities, ${graph.size.toLocaleString("en")} relations)`);
}

if (!quick && !process.argv.includes("--no-neo4j")) {
  const { benchNeo4j } = await import("./neo4j.ts");
  const r = await benchNeo4j(() => {});
  row("Neo4j export, batched", `${Math.round(r.batchedPerSecond).toLocaleString("en")} relationships/s; whole export ${r.exportSeconds.toFixed(1)} s (the first, into a just-started Neo4j: ${r.coldExportSeconds.toFixed(1)} s)`);
  row("Neo4j, one MERGE per relationship", `${Math.round(r.perRowPerSecond).toLocaleString("en")} relationships/s (batched is ${r.ratio.toFixed(1)}x faster)`);
}

console.log(`BBC corpus: ${articles.length.toLocaleString("en")} articles, ${words.toLocaleString("en")} words. Machine: ${await machine()}.\n`);
console.log("| measure | result |\n|---|---|");
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
