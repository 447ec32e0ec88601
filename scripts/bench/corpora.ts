/**
 * `pnpm bench:corpus [--rounds N] [--workers N]`: both real corpora end to end, as a user runs them:
 * `kg extract` over the BBC folder (../shared/bench/news/bbc, 2,225 articles, one file each) and over the
 * Reuters-21578 JSON Lines file (../shared/bench/news/reuters21578/articles.jsonl, 19,043 hard-wrapped
 * articles), with `--errors` to count what went wrong. For each corpus: articles read of those there are,
 * articles/s, words/s, CPU seconds and words per CPU second, problems, triples per 1,000 words.
 *
 * The VM is shared: its speed drifts by tens of percent over minutes, and other jobs take turns on its
 * cores. So the corpora are run in turns (BBC, Reuters, BBC, ...), each given by the median of its
 * rounds, with one worker by default (`-w 1`: the main thread extracts), so that both pay the same
 * start-up; and words per CPU second (every thread of the process counted) are given beside words per
 * second of the wall clock: a run that waited for a core others held is slow by the clock, not by CPU.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { bbcDir, kg, machine, readCorpus, readReuters, reutersFile, tmpPath, type Run } from "./corpus.ts";

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const v = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a whole number of at least 1`);
  return v;
};
const rounds = flag("--rounds", 3);
const workers = flag("--workers", 1);

interface Corpus {
  name: string;
  input: string;
  /** Articles the input holds (files that are articles, or records). */
  articles: number;
  words: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const count = (articles: { text: string }[]): Pick<Corpus, "articles" | "words"> => ({ articles: articles.length, words: articles.reduce((n, a) => n + words(a.text), 0) });
const corpora: Corpus[] = [
  { name: "BBC", input: bbcDir(), ...count(await readCorpus()) },
  { name: "Reuters-21578", input: reutersFile(), ...count(await readReuters()) },
];

interface Outcome extends Run {
  read: number;
  triples: number;
  /** The --errors file's lines by severity. */
  errors: { severity: string; file: string; message: string }[];
}

mkdirSync(tmpPath(""), { recursive: true });
function extract(c: Corpus): Outcome {
  const out = tmpPath(`corpus-${c.name}.jsonl`);
  const errorsFile = tmpPath(`corpus-${c.name}-errors.jsonl`);
  const run = kg(["extract", c.input, "--no-cache", "-q", "-w", String(workers), "-o", out, "--errors", errorsFile]);
  const summary = /^(\d+) article\(s\), (\d+) triple\(s\)/m.exec(run.stderr);
  if (!summary) throw new Error(`no summary from kg extract ${c.input}:\n${run.stderr}`);
  const errors = readFileSync(errorsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Outcome["errors"][number]);
  return { ...run, read: Number(summary[1]), triples: Number(summary[2]), errors };
}

const load = [loadavg()[0]!.toFixed(2)];
const runs = new Map<Corpus, Outcome[]>(corpora.map((c) => [c, []]));
for (let k = 0; k < rounds; k++) {
  for (const c of corpora) {
    const r = extract(c);
    runs.get(c)!.push(r);
    console.error(`round ${k + 1}, ${c.name}: ${r.seconds.toFixed(1)} s, ${r.cpuSeconds.toFixed(1)} CPU-s`);
  }
}
load.push(loadavg()[0]!.toFixed(2));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const n = (x: number, digits = 0) => x.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = new Map<Corpus, { wall: number; cpu: number }>();

console.log(`Machine: ${await machine()}; ${workers} worker(s), ${rounds} round(s) in turns; load average ${load.join(" -> ")} (1 min, at start and end).\n`);
console.log("| corpus | articles read | words | articles/s | words/s | CPU-s | words / CPU-s | problems | triples / 1,000 words |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const c of corpora) {
  const rs = runs.get(c)!;
  const seconds = median(rs.map((r) => r.seconds));
  const cpuSeconds = median(rs.map((r) => r.cpuSeconds));
  const last = rs[rs.length - 1]!;
  rate.set(c, { wall: c.words / seconds, cpu: c.words / cpuSeconds });
  const lost = last.errors.filter((e) => e.severity === "error");
  const warnings = last.errors.filter((e) => e.severity === "warning");
  const problems = `${lost.length} lost${warnings.length ? `, ${warnings.length} warning(s): ${warnings.map((w) => `${w.file.split("/").slice(-2).join("/")} ${w.message}`).join("; ")}` : ""}`;
  const times = rs.map((r) => r.seconds.toFixed(1)).join(", ");
  const cpuTimes = rs.map((r) => r.cpuSeconds.toFixed(1)).join(", ");
  console.log(
    `| ${c.name} | ${n(last.read)} of ${n(c.articles)} | ${n(c.words)} | ${n(c.articles / seconds)} | ${n(c.words / seconds)} (${times} s) | ${cpuTimes} | **${n(c.words / cpuSeconds)}** | ${problems} | ${n((1000 * last.triples) / c.words, 2)} (${n(last.triples)} triples) |`,
  );
  for (const e of lost.slice(0, 10)) console.error(`  lost: ${e.file}: ${e.message}`);
}
const [bbc, reuters] = corpora;
const ratio = (k: "wall" | "cpu") => ((100 * rate.get(reuters!)![k]) / rate.get(bbc!)![k]).toFixed(0);
console.log(`\nReuters against BBC: ${ratio("cpu")} % of its words per CPU second, ${ratio("wall")} % of its words per second by the clock (medians; ${availableParallelism()} cores).`);
