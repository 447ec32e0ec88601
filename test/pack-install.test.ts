/**
 * Installable like any npm tool: the tarballs `pnpm tarballs` writes install with plain npm into an empty
 * prefix, outside the repository (nothing of the workspace, tsx or the sources can be reached from there),
 * and the installed `kg` works: --version, `kg build` of examples/ (with --site), `kg extract` with worker
 * threads, `kg serve` (page, assets, graph).
 * The README's library example type-checks against the installed packages' declarations and runs on
 * them (a project with newskg-extract and newskg-graph installed from the tarballs), exporting into the
 * test Neo4j.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { neo4j } from "../packages/graph/src/neo4j/testing.ts";
import { repoRoot } from "./helpers/kg.ts";
import { acquireNeo4jLock, clearDatabase, credentialsFromEnv, getNeo4jServer } from "./helpers/neo4j.ts";

const work = mkdtempSync(join(tmpdir(), "kg-pack-"));
const prefix = join(work, "prefix");
const project = join(work, "project");
const kgBin = join(prefix, "bin", "kg");
const examples = join(repoRoot, "examples");
const version = (JSON.parse(readFileSync(join(repoRoot, "packages", "cli", "package.json"), "utf8")) as { version: string }).version;

// The environment of a user's shell: pnpm's npm_* settings for this test run and NODE_OPTIONS left out;
// proxies and certificates kept. The installed kg comes first on the PATH.
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE_OPTIONS$|VITEST|KG_)/i.test(k)));
env.PATH = [join(prefix, "bin"), dirname(process.execPath), process.env.PATH].join(":");

const run = (command: string, args: string[], cwd = work, extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd, env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 64 << 20 });

const runAsync = (command: string, args: string[], cwd: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });

const ok = (r: { status: number | null; stdout: string; stderr: string }, what: string) => {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
};

const NPM_FLAGS = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
let tarballs: string[] = [];

/** The first ```ts block of the README's "Library" section. */
const example = (() => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Library"));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no ```ts block in the "Library" section');
  return block[1]!;
})();

// Started early, to run while the CLI is tested: Neo4j (shared with the other test files; a first start
// takes a JVM's while) and the example's typecheck.
let neo4jServer: ReturnType<typeof getNeo4jServer>;
let typecheck: ReturnType<typeof runAsync>;

beforeAll(async () => {
  neo4jServer = getNeo4jServer();
  neo4jServer.catch(() => {}); // reported by the test that awaits it
  const packed = ok(spawnSync(process.execPath, [join(repoRoot, "scripts", "pack.mjs"), join(work, "tarballs")], { encoding: "utf8" }), "pnpm tarballs");
  tarballs = packed.stdout.trim().split("\n");
  expect(tarballs.map((t) => t.split("/").pop())).toEqual([`newskg-extract-${version}.tgz`, `newskg-graph-${version}.tgz`, `newskg-viewer-${version}.tgz`, `newskg-${version}.tgz`]);
  writeFileSync(join(work, "package.json"), "{}\n"); // npm's own project root for the temp folder, not the repository's
  // The two installs share npm's cache and run side by side: the CLI globally into an empty prefix, the
  // libraries into a project of their own.
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "kg-library-example", private: true, type: "module" }));
  const [global, local] = await Promise.all([
    runAsync("npm", ["install", "-g", "--prefix", prefix, ...NPM_FLAGS, ...tarballs], work),
    runAsync("npm", ["install", ...NPM_FLAGS, ...tarballs.filter((t) => /newskg-(extract|graph)-/.test(t))], project),
  ]);
  ok(global, "npm install -g");
  ok(local, "npm install (library project)");
  writeFileSync(join(project, "graph-from-articles.ts"), example);
  // A user's strict NodeNext project: the declarations must resolve as published, the .d.ts of every package checked.
  const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  typecheck = runAsync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "false", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(repoRoot, "node_modules", "@types"), "graph-from-articles.ts"], project);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the installed kg (npm install -g --prefix <empty> <tarballs>)", () => {
  test("installs the compiled build only: no sources, no tsx, no tests", () => {
    const lib = join(prefix, "lib", "node_modules");
    expect(readdirSync(lib).sort()).toEqual(["newskg", "newskg-extract", "newskg-graph", "newskg-viewer"]);
    for (const pkg of ["newskg", "newskg-extract", "newskg-graph"]) {
      expect(existsSync(join(lib, pkg, "src")), `${pkg}/src`).toBe(false);
      expect(existsSync(join(lib, pkg, "dist", "index.d.ts")) || pkg === "newskg", `${pkg} types`).toBe(true);
    }
    expect(existsSync(join(lib, "newskg-extract", "models", "ner", "weights.bin.gz"))).toBe(true);
    // the data the extractor imports at run time, beside its JavaScript
    for (const data of ["relations/schema.json", "triples/confidence.json", "triples/modality.json", "triples/light-verbs.json", "entities/sports-words.json"]) {
      expect(existsSync(join(lib, "newskg-extract", "dist", data)), data).toBe(true);
    }
    expect(existsSync(join(lib, "newskg-viewer", "dist", "index.html"))).toBe(true);
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" });
    for (const pkg of ["newskg", "newskg-extract", "newskg-graph", "newskg-viewer"]) {
      const own = files(join(lib, pkg)).filter((f) => !f.startsWith("node_modules"));
      expect(own.filter((f) => /\.test\.|(^|\/)src\/|\.tsbuildinfo$|(^|\/)bench\//.test(f)), pkg).toEqual([]);
    }
    expect(files(lib).some((f) => f.split("/").includes("tsx"))).toBe(false);
  });

  test("kg --version and kg --help", () => {
    const v = ok(run(kgBin, ["--version"]), "kg --version");
    expect(v.stdout.trim()).toBe(version);
    expect(ok(run("kg", ["--help"]), "kg --help").stdout).toContain("Usage: kg");
  });

  test("kg build on the sample articles", () => {
    const r = ok(run("kg", ["build", examples, "-o", "out/graph.json", "--format", "json,gexf", "--site", "out/site"]), "kg build");
    expect(r.stderr).toMatch(/12 article\(s\) -> \d+ entities, \d+ relations/);
    const graph = JSON.parse(readFileSync(join(work, "out", "graph.json"), "utf8"));
    expect(graph.nodes.length).toBeGreaterThan(10);
    expect(graph.edges.length).toBeGreaterThan(0);
    // relation classes from the installed schema, and the fitted confidence threshold that kg build applies
    const schema = JSON.parse(readFileSync(join(prefix, "lib", "node_modules", "newskg-extract", "dist", "relations", "schema.json"), "utf8"));
    const classes = new Set([...schema.classes.map((c: { id: string }) => c.id), schema.catchAll]);
    expect(graph.edges.every((e: { attributes: { relation?: string } }) => classes.has(e.attributes.relation))).toBe(true);
    expect(graph.edges.some((e: { attributes: { relation?: string } }) => e.attributes.relation === "CONSULT")).toBe(true);
    // the fitted threshold ships with the installed package (the sample articles may hold no triple below it)
    const installed = JSON.parse(readFileSync(join(prefix, "lib", "node_modules", "newskg-extract", "dist", "triples", "confidence.json"), "utf8")) as { threshold: number };
    expect(installed.threshold).toBe((JSON.parse(readFileSync(join(repoRoot, "packages", "extract", "src", "triples", "confidence.json"), "utf8")) as { threshold: number }).threshold);
    expect(existsSync(join(work, "out", "graph.gexf"))).toBe(true);
    expect(readFileSync(join(work, "out", "site", "index.html"), "utf8")).toContain("<html");
    expect(readFileSync(join(work, "out", "site", "graph.json"), "utf8")).toBe(readFileSync(join(work, "out", "graph.json"), "utf8"));
    // again, from the cache: nothing changed
    expect(ok(run("kg", ["build", examples, "-o", "out/graph.json"]), "kg build (warm)").stderr).toContain("unchanged since the last build");
    // a threshold that leaves triples out says how many
    expect(ok(run("kg", ["build", examples, "-o", "out/strict.json", "--min-confidence", "0.9"]), "kg build --min-confidence 0.9").stderr).toMatch(/\d+ triple\(s\) less sure than --min-confidence 0\.9 left out/);
  });

  test("kg extract with worker threads runs the compiled worker", () => {
    const r = ok(run("kg", ["extract", examples, "--no-cache", "-w", "2", "-o", "out/triples.jsonl"]), "kg extract -w 2");
    const lines = readFileSync(join(work, "out", "triples.jsonl"), "utf8").trim().split("\n");
    expect(r.stderr).toContain(`12 article(s), ${lines.length} triple(s) written`);
    expect(lines.length).toBeGreaterThan(10);
    expect(JSON.parse(lines[0]!).evidence.article).toMatch(/\.txt$/);
  });

  test("kg serve --port 0 serves the viewer and the graph, and stops on SIGTERM", async () => {
    const graphFile = join(work, "out", "graph.json");
    if (!existsSync(graphFile)) ok(run("kg", ["build", examples, "-o", "out/graph.json"]), "kg build");
    const child = spawn("kg", ["serve", graphFile, "--port", "0"], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        let err = "";
        child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
        child.stdout.setEncoding("utf8").on("data", (c: string) => {
          out += c;
          const m = /Viewer: (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`kg serve exited with ${code}: ${err}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("<html");
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script!, url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toContain("javascript");
      const graph = await fetch(new URL("graph.json", url));
      expect(graph.status).toBe(200);
      expect(await graph.text()).toBe(readFileSync(graphFile, "utf8"));
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});

describe("the library (npm install newskg-extract newskg-graph)", () => {
  test("the README's example type-checks against the installed declarations", async () => {
    const r = await typecheck;
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  test("the README's example runs on examples/ and exports into Neo4j", async () => {
    const release = await acquireNeo4jLock();
    const { uri } = await neo4jServer;
    const credentials = credentialsFromEnv();
    const auth = credentials.username || credentials.password ? neo4j.auth.basic(credentials.username ?? "neo4j", credentials.password ?? "") : undefined;
    const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true });
    try {
      await clearDatabase(driver);
      const tsx = import.meta.resolve("tsx");
      const r = ok(
        run(process.execPath, ["--import", tsx, "graph-from-articles.ts", examples], project, {
          NEO4J_URI: uri,
          ...(credentials.username ? { NEO4J_USERNAME: credentials.username } : {}),
          ...(credentials.password ? { NEO4J_PASSWORD: credentials.password } : {}),
        }),
        "the library example",
      );
      const summary = /(\d+) entities, (\d+) relations/.exec(r.stdout);
      expect(summary).not.toBeNull();
      const graph = JSON.parse(readFileSync(join(project, "graph.json"), "utf8"));
      expect(graph.nodes).toHaveLength(Number(summary![1]));
      expect(graph.edges).toHaveLength(Number(summary![2]));
      expect(graph.nodes.every((n: { attributes: { x?: number; pagerank?: number } }) => Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.pagerank))).toBe(true);
      // what the installed kg builds from the same articles (the graph of the kg build test above)
      const cliGraph = join(work, "out", "graph.json");
      if (!existsSync(cliGraph)) ok(run("kg", ["build", examples, "-o", "out/graph.json"]), "kg build");
      expect(readFileSync(cliGraph, "utf8")).toBe(readFileSync(join(project, "graph.json"), "utf8"));
      expect(r.stdout).toMatch(/Neo4j: \d+ entities, \d+ relations/);
      const { records } = await driver.executeQuery("MATCH (a:Article) RETURN count(a) AS articles");
      expect(records[0]!.get("articles")).toBe(12);
    } finally {
      await clearDatabase(driver).catch(() => {});
      await driver.close();
      release();
    }
  });
});
