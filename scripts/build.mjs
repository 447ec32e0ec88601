#!/usr/bin/env node
/**
 * `pnpm build` (also run by `pnpm install`, as the root `prepare`): the packages that ship, built for
 * plain Node, which is what `pnpm kg`, the packed tarballs and an installed `kg` run:
 * - `tsc -b tsconfig.build.json`: JavaScript, .d.ts and the imported JSON data of newskg-extract,
 *   newskg-graph and newskg (the CLI) into their dist/, the viewer's server into packages/viewer/lib/;
 * - `vite build`: the viewer app into packages/viewer/dist/ (its server's assets).
 *
 * `--if-stale` builds only what is older than its sources (file times), so `pnpm kg` after an edit
 * runs the edited code; nothing to do costs a few milliseconds. Plain JavaScript, so that it runs
 * before anything is built.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ifStale = process.argv.includes("--if-stale");
const at = (...p) => join(root, ...p);

/** What tsc -b builds, each package with an output that must exist. */
const TS_PACKAGES = [
  { dir: "packages/extract", source: "src", outDir: "dist", output: "dist/index.js", buildInfo: "dist.tsbuildinfo" },
  { dir: "packages/graph", source: "src", outDir: "dist", output: "dist/index.js", buildInfo: "dist.tsbuildinfo" },
  { dir: "packages/viewer", source: "server", outDir: "lib", output: "lib/index.js", buildInfo: "lib.tsbuildinfo" },
  { dir: "packages/cli", source: "src", outDir: "dist", output: "dist/main.js", buildInfo: "dist.tsbuildinfo" },
];
const TS_CONFIGS = ["tsconfig.base.json", "tsconfig.package.json", "tsconfig.build.json"];
// The app bundles the relation schema (src/core/relations reads its classes and groups): a schema edit rebuilds it.
const VIEWER_SOURCES = [
  "packages/viewer/src",
  "packages/viewer/index.html",
  "packages/viewer/vite.config.ts",
  "packages/viewer/package.json",
  "packages/extract/src/relations/schema.json",
];
const VIEWER_OUTPUT = "packages/viewer/dist/index.html";
const STAMP = "node_modules/.cache/newskg/built";
const LOCK = "node_modules/.cache/newskg/build.lock";

/** Newest modification time under these paths, folders included (a file deleted or renamed changes its folder's); tests left out: they are not built. */
function newest(paths) {
  let t = 0;
  const visit = (p) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      return;
    }
    if (s.isDirectory()) {
      t = Math.max(t, s.mtimeMs);
      for (const e of readdirSync(p)) if (e !== "node_modules") visit(join(p, e));
    } else if (!p.endsWith(".test.ts")) t = Math.max(t, s.mtimeMs);
  };
  for (const p of paths) visit(at(p));
  return t;
}

const mtime = (p) => (existsSync(at(p)) ? statSync(at(p)).mtimeMs : 0);

function tsStale() {
  if (TS_PACKAGES.some((p) => !existsSync(at(p.dir, p.output)))) return true;
  const sources = [...TS_CONFIGS, ...TS_PACKAGES.flatMap((p) => [join(p.dir, p.source), join(p.dir, "package.json"), join(p.dir, "tsconfig.build.json")])];
  return newest(sources) > mtime(STAMP);
}

const viewerStale = () => newest(VIEWER_SOURCES) > mtime(VIEWER_OUTPUT);

class BuildFailed extends Error {}

function run(command, args, cwd = root) {
  const r = spawnSync(process.execPath, [command, ...args], { cwd, stdio: ["ignore", ifStale ? process.stderr : "inherit", "inherit"] });
  if (r.status !== 0) throw new BuildFailed(`build: ${args.join(" ")} failed`);
}

function buildTs() {
  // An output deleted behind tsc's back: its build info would call the package up to date.
  for (const p of TS_PACKAGES) if (!existsSync(at(p.dir, p.output))) rmSync(at(p.dir, p.buildInfo), { force: true });
  const started = Date.now();
  // A failed build leaves no stamp: the next check builds again, whatever changed since.
  rmSync(at(STAMP), { force: true });
  run(createRequire(at("package.json")).resolve("typescript/bin/tsc"), ["-b", "tsconfig.build.json"]);
  pruneOrphans();
  mkdirSync(dirname(at(STAMP)), { recursive: true });
  writeFileSync(at(STAMP), "");
  // The stamp's time is when the build started: a file saved while tsc ran is newer, and built next time.
  utimesSync(at(STAMP), new Date(started), new Date(started));
}

/** Outputs whose source is gone (deleted or renamed): tsc leaves them, and they would ship in the tarballs. */
function pruneOrphans() {
  for (const p of TS_PACKAGES) {
    const out = at(p.dir, p.outDir);
    for (const f of readdirSync(out, { recursive: true, encoding: "utf8" })) {
      // a.js and a.d.ts come from a.ts, a.json from a.json
      const source = /\.(js|d\.ts)$/.test(f) ? f.replace(/\.(js|d\.ts)$/, ".ts") : f.endsWith(".json") ? f : null;
      if (source && !existsSync(at(p.dir, p.source, source))) rmSync(join(out, f));
    }
  }
}

function buildViewer() {
  const viewer = at("packages/viewer");
  const vite = join(dirname(createRequire(join(viewer, "package.json")).resolve("vite/package.json")), "bin", "vite.js");
  run(vite, ["build", "--logLevel", ifStale ? "warn" : "info"], viewer);
}

/** Whether the build that holds the lock is still running (its pid is in the lock folder). */
function holderAlive() {
  try {
    process.kill(Number(readFileSync(join(at(LOCK), "pid"), "utf8")), 0);
    return true;
  } catch (err) {
    // no pid file yet (the holder is between its two steps), or a process of another user: alive
    return err.code === "ENOENT" ? Date.now() - statSync(at(LOCK)).mtimeMs < 10_000 : err.code === "EPERM";
  }
}

/** One build at a time: `pnpm kg` started twice after an edit must not run two tsc over the same files. */
async function withLock(fn) {
  mkdirSync(dirname(at(LOCK)), { recursive: true });
  for (;;) {
    try {
      mkdirSync(at(LOCK));
      writeFileSync(join(at(LOCK), "pid"), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      // left by a build that was killed
      if (!holderAlive()) rmSync(at(LOCK), { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    fn();
  } finally {
    rmSync(at(LOCK), { recursive: true, force: true });
  }
}

if (!ifStale || tsStale() || viewerStale()) {
  await withLock(() => {
    // Checked again under the lock: another build may just have done the work.
    const ts = !ifStale || tsStale();
    const viewer = !ifStale || viewerStale();
    const what = [ts && "the packages", viewer && "the viewer"].filter(Boolean).join(" and ");
    if (ifStale && what) process.stderr.write(`build: building ${what} (not built, or older than their sources)…\n`);
    if (ts) buildTs();
    if (viewer) buildViewer();
  }).catch((err) => {
    process.stderr.write(`${err instanceof BuildFailed ? err.message : err.stack}\n`);
    process.exitCode = 1;
  });
}
