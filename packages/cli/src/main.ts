#!/usr/bin/env node
/**
 * The `kg` command: parses arguments and calls the packages. No extraction
 * or graph logic lives here.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { UsageError } from "./usage-error.ts";
import { warn } from "./log.ts";
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { queueName } from "./queue/keys.ts";
import { DEFAULT_QUEUE } from "./queue/types.ts";
// the fitted confidence's threshold, for --help: a small JSON file, not the extractor
import fitted from "newskg-extract/confidence.json" with { type: "json" };

const confidence = (v: string) => {
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError("expected a number from 0 to 1");
  return x;
};

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
};

// The package's own version: ../package.json from src/ (the repository) as from dist/ (built, installed).
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

let verbose = false;
const run = (fn: (...args: any[]) => Promise<number>) => async (...args: any[]) => {
  try {
    process.exitCode = await fn(...args);
  } catch (err) {
    warn((err as Error).message);
    if (verbose && (err as Error).stack) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
};

// Commands load their code when they run, so `kg --help` and an unchanged build start fast.
const program = new Command("kg")
  .description("Build a knowledge graph of who did what to whom from news articles.")
  .version(version, "-V, --version", "print the version (of the newskg package)")
  .option("--verbose", "show stack traces for errors (and for sentences extraction skipped)")
  .hook("preAction", (cmd) => {
    verbose = !!cmd.opts().verbose;
  })
  // Bad usage (no command, unknown command or option, missing input) exits 2, as
  // documented, instead of commander's 1: the exit code tells a script whether
  // to fix its call or its data. Subcommands inherit both settings.
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`kg: ${text.trim().replace(/^error: /, "")} (kg --help lists the commands and options)\n`) });

/** Options of every command that reads and extracts articles. */
const withExtractOptions = (command: Command) =>
  command
    .option("--max-size <MB>", "skip articles larger than this", positiveInt, 10)
    .option("-w, --workers <n>", `worker threads; default: one a core (${availableParallelism()}), or none (extract in the main thread) below 1,500 articles`, positiveInt)
    .option("--cache <dir>", "extraction cache folder", ".kg-cache")
    .option("--no-cache", "extract every article again")
    .option("--errors <file>", "also write every problem (file, line, id, sentence offsets, message, stack) to this file as JSON Lines")
    .option("-q, --quiet", "no progress line")
    .option("--schema <file>", "class relations with this schema (JSON, the format of the built-in one) instead of ours")
    .option("--strict-schema", "drop (and count) triples the --schema has no class for, instead of classing them RELATED");

withExtractOptions(program.command("extract"))
  .description("extract triples from articles (.txt/.html files, folders, .jsonl, or - for stdin) as JSON Lines")
  .argument("<inputs...>", "files or folders")
  .option("-o, --output <file>", "write JSON Lines here instead of standard output")
  .option("--min-confidence <x>", "leave out triples less sure than this (0 to 1, 0 writes every one; default as kg build)", confidence, fitted.threshold)
  .action(run((inputs: string[], opts) => import("./commands/extract.ts").then((m) => m.extractCommand(inputs, { ...opts, verbose }))));

withExtractOptions(program.command("build"))
  .description("extract and build the graph, with metrics and layout")
  .argument("<inputs...>", "files or folders")
  .option("-o, --output <file>", "graph file", "out/graph.json")
  .option("-f, --format <list>", "comma-separated: json, gexf, graphml, csv", "json")
  .option("--site <dir>", "also write a static site (viewer + graph) to this folder")
  .option("--min-confidence <x>", `leave out triples less sure than this (0 to 1; the default, ${fitted.threshold}, keeps those of which about ${Math.round(100 * fitted.atThreshold.correct)} in 100 are right)`, confidence, fitted.threshold)
  .action(run((inputs: string[], opts) => import("./commands/build.ts").then((m) => m.buildCommand(inputs, { ...opts, verbose }))));

program
  .command("export")
  .description("export a graph to a database")
  .command("neo4j")
  .description("upsert a graph.json (kg build) or triples (.jsonl, kg extract) into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE from the environment)")
  .argument("<inputs...>", "graph.json written by kg build, or triples written by kg extract (- for stdin); triple files are exported together")
  .option("--database <name>", "Neo4j database (default: NEO4J_DATABASE or the server's default)")
  .option("--batch-size <n>", "rows per transaction", positiveInt, 5000)
  .option("--prune", "remove entities no article mentions any more")
  .option("--min-confidence <x>", "for triple files: leave out triples less sure than this (0 to 1; default as kg build)", confidence, fitted.threshold)
  .option("--schema <file>", "for triple files: class relations with this schema instead of ours")
  .option("--strict-schema", "for triple files: drop triples the --schema has no class for")
  .action(run((inputs: string[], opts) => import("./commands/export.ts").then((m) => m.exportNeo4jCommand(inputs, opts))));

const queueCommand = program.command("queue").description("queue-driven ingestion on Redis (REDIS_URL): enqueue articles for kg worker processes, see progress, retry failures");
const withQueueOption = (command: Command) => command.option("--queue <name>", "queue name", queueName, DEFAULT_QUEUE);

withQueueOption(queueCommand.command("add"))
  .description("enqueue articles (.txt/.html files, folders, .jsonl, or - for stdin), keyed by content: an article already done or queued is not added again, a changed one is")
  .argument("<inputs...>", "files or folders")
  .option("--attempts <n>", "attempts before an article goes to the failed list", positiveInt, 3)
  .option("--max-size <MB>", "skip articles larger than this", positiveInt, 10)
  .option("--errors <file>", "also write every problem with the input to this file as JSON Lines")
  .action(run((inputs: string[], opts) => import("./commands/queue.ts").then((m) => m.queueAddCommand(inputs, { ...opts, verbose }))));

withQueueOption(queueCommand.command("status"))
  .description("waiting, active, done and failed articles, articles/s and ETA across all workers, and the failed articles with their errors")
  .option("--json", "one JSON object instead of lines for people")
  .option("--window <s>", "seconds the rate is measured over", positiveInt, 60)
  .action(run((opts) => import("./commands/queue.ts").then((m) => m.queueStatusCommand(opts))));

withQueueOption(queueCommand.command("retry-failed"))
  .description("put the failed articles back in the queue, with their attempts counted afresh")
  .action(run((opts) => import("./commands/queue.ts").then((m) => m.queueRetryFailedCommand(opts))));

withQueueOption(program.command("worker"))
  .description("extract queued articles and write them to Neo4j (NEO4J_URI, ...; as kg export neo4j of kg extract's triples) and/or JSON Lines files; runs until stopped (Ctrl-C finishes the jobs it holds)")
  .option("-c, --concurrency <n>", "extraction threads", positiveInt, 1)
  .option("--batch-size <n>", "articles a sink commit takes at most", positiveInt, 100)
  .option("--max-wait <s>", "a batch is committed at most this many seconds after its first article", positiveInt, 5)
  .option("--no-neo4j", "do not write to Neo4j (then --jsonl is needed)")
  .option("--jsonl <dir>", "also write the triples as JSON Lines (kg extract's format) into a file of this worker's own in DIR")
  .option("--database <name>", "Neo4j database (default: NEO4J_DATABASE or the server's default)")
  .option("--neo4j-wait <s>", "how long a commit retries a Neo4j that went away (or a deadlock) before the worker hands its jobs back and stops", positiveInt, 60)
  .option("--min-confidence <x>", "leave out triples less sure than this, from Neo4j and the JSON Lines alike (0 to 1, 0 writes every one; default as kg extract and kg export neo4j)", confidence, fitted.threshold)
  .option("--timeout <s>", "an article whose extraction takes longer fails (that attempt)", positiveInt, 120)
  .option("--stall-seconds <s>", "a killed worker's jobs go back to the queue after this long (their lock's life)", positiveInt, 30)
  .option("--cache <dir>", "extraction cache folder", ".kg-cache")
  .option("--no-cache", "extract every article again")
  .option("--schema <file>", "class relations with this schema instead of ours")
  .option("--strict-schema", "drop triples the --schema has no class for")
  .option("--exit-when-empty", "stop once nothing is waiting, delayed or active in the queue")
  .option("--stats <file>", "write what this worker measured (JSON) here when it stops")
  .action(run((opts) => import("./commands/worker.ts").then((m) => m.workerCommand(opts))));

program
  .command("graph")
  .description("graph-wide steps on the stored graph")
  .command("from-neo4j")
  .description("read the graph from Neo4j (NEO4J_URI, ...), compute metrics and layout as kg build does, write the viewer's graph.json; --write-metrics stores degree, pagerank and community back")
  .option("-o, --output <file>", "graph file", "out/graph.json")
  .option("--write-metrics", "write degree, pagerank and community back to the entities in Neo4j")
  .option("--database <name>", "Neo4j database (default: NEO4J_DATABASE or the server's default)")
  .action(run((opts) => import("./commands/graph.ts").then((m) => m.graphFromNeo4jCommand(opts))));

program
  .command("serve")
  .description("serve the viewer with a graph on 127.0.0.1")
  .argument("[graph]", "graph.json", "out/graph.json")
  .option("-p, --port <n>", "port (0 picks a free one); default 5173, or the next free one when it is taken", positiveInt, 5173)
  .option("--host <host>", "address to bind", "127.0.0.1")
  .action(
    run((graph: string, opts, cmd: Command) =>
      import("./commands/serve.ts").then((m) => m.serveCommand(graph, { ...opts, portGiven: cmd.getOptionValueSource("port") !== "default" })),
    ),
  );

program
  .command("openie")
  .description("open information extraction over one tokenised sentence a line; CaRB output format")
  .argument("<sentences>", "file with one sentence a line")
  .action(run((file: string) => import("./commands/openie.ts").then((m) => m.openieCommand(file))));

program
  .command("ner")
  .description("entity mentions of articles as JSON Lines (offsets, type), or tags for CoNLL input with --conll")
  .argument("[inputs...]", "article files or folders (.txt, .html, .jsonl, - for stdin)")
  .option("--conll <file>", "tag a CoNLL file instead (token first on each line); prints `token TAG` lines")
  .option("--max-size <MB>", "skip articles larger than this", positiveInt, 10)
  .action(run((inputs: string[], opts) => import("./commands/ner.ts").then((m) => m.nerCommand(inputs, opts))));

try {
  await program.parseAsync();
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  // --help and --version end here with 0; everything else commander throws is a usage error.
  process.exitCode = err.exitCode === 0 ? 0 : 2;
}
