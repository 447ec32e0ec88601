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
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ifStale = process.argv.includes("--if-stale");
const at = (...p) => join(root, ...p);

/** What tsc -b builds, each package with an output that must exist. */
const TS_PACKAGES = [
  { dir: "packages/extract", sources: ["src"], output: "dist/index.js", buildInfo: "dist.tsbuildinfo" },
  { dir: "packages/graph", sources: ["src"], output: "dist/index.js", buildInfo: "dist.tsbuildinfo" },
  { dir: "packages/viewer", sources: ["server"], output: "lib/index.js", buildInfo: "lib.tsbuildinfo" },
  { dir: "packages/cli", sources: ["src"], output: "dist/main.js", buildInfo: "dist.tsbuildinfo" },
];
const TS_CONFIGS = ["tsconfig.base.json", "tsconfig.package.json", "tsconfig.build.json"];
const VIEWER_SOURCES = ["packages/viewer/src", "packages/viewer/index.html", "packages/viewer/vite.config.ts", "packages/viewer/package.json"];
const VIEWER_OUTPUT = "packages/viewer/dist/index.html";
const STAMP = "node_modules/.cache/newskg/built";
const LOCK = "node_modules/.cache/newskg/build.lock";

/** Newest modification time under these paths (tests left out: they are not built). */
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
      for (const e of readdirSync(p)) if (e !== "node_modules") visit(join(p, e));
    } else if (!p.endsWith(".test.ts")) t = Math.max(t, s.mtimeMs);
  };
  for (const p of paths) visit(at(p));
  return t;
}

const mtime = (p) => (existsSync(at(p)) ? statSync(at(p)).mtimeMs : 0);

function tsStale() {
  if (TS_PACKAGES.some((p) => !existsSync(at(p.dir, p.output)))) return true;
  const sources = [...TS_CONFIGS, ...TS_PACKAGES.flatMap((p) => [...p.sources.map((s) => join(p.dir, s)), join(p.dir, "package.json"), join(p.dir, "tsconfig.build.json")])];
  return newest(sources) > mtime(STAMP);
}

const viewerStale = () => newest(VIEWER_SOURCES) > mtime(VIEWER_OUTPUT);

function run(command, args, cwd = root) {
  const r = spawnSync(process.execPath, [command, ...args], { cwd, stdio: ["ignore", ifStale ? process.stderr : "inherit", "inherit"] });
  if (r.status !== 0) {
    process.stderr.write(`build: ${args.join(" ")} failed\n`);
    process.exit(r.status ?? 1);
  }
}

function buildTs() {
  // An output deleted behind tsc's back: its build info would call the package up to date.
  for (const p of TS_PACKAGES) if (!existsSync(at(p.dir, p.output))) rmSync(at(p.dir, p.buildInfo), { force: true });
  const started = Date.now();
  run(createRequire(at("package.json")).resolve("typescript/bin/tsc"), ["-b", "tsconfig.build.json"]);
  mkdirSync(dirname(at(STAMP)), { recursive: true });
  writeFileSync(at(STAMP), "");
  // The stamp's time is when the build started: a file saved while tsc ran is newer, and built next time.
  utimesSync(at(STAMP), new Date(started), new Date(started));
}

function buildViewer() {
  const viewer = at("packages/viewer");
  const vite = join(dirname(createRequire(join(viewer, "package.json")).resolve("vite/package.json")), "bin", "vite.js");
  run(vite, ["build", "--logLevel", ifStale ? "warn" : "info"], viewer);
}

/** One build at a time: `pnpm kg` started twice after an edit must not run two tsc over the same files. */
async function withLock(fn) {
  mkdirSync(dirname(at(LOCK)), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(at(LOCK));
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      // a lock older than ten minutes was left by a build that died
      if (Date.now() - statSync(at(LOCK)).mtimeMs > 600_000) rmSync(at(LOCK), { recursive: true, force: true });
      if (Date.now() - started > 600_000) throw new Error(`build: ${LOCK} is held; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(at(LOCK), { recursive: true, force: true });
  }
}

if (!ifStale || tsStale() || viewerStale()) {
  await withLock(async () => {
    // Checked again under the lock: another build may just have done the work.
    const ts = !ifStale || tsStale();
    const viewer = !ifStale || viewerStale();
    const what = [ts && "the packages", viewer && "the viewer"].filter(Boolean).join(" and ");
    if (ifStale && what) process.stderr.write(`build: building ${what} (not built, or older than their sources)…\n`);
    if (ts) buildTs();
    if (viewer) buildViewer();
  });
}
