#!/usr/bin/env node
/**
 * `pnpm tarballs [DIR]`: the four packages as npm tarballs in DIR (default out/tarballs/), built first when
 * their sources changed. `pnpm pack` rather than `npm pack`: it writes each package.json's publishConfig
 * (the exports of the build alone) and turns the workspace:^ ranges between our packages into versions.
 *
 * Install them together, so that kg's own dependencies come from the tarballs and the rest from the registry:
 *   npm install -g out/tarballs/*.tgz
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Dependencies first: the CLI needs the other three. */
const PACKAGES = ["extract", "graph", "viewer", "cli"];

function tarballName(dir) {
  const { name, version } = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

const out = resolve(process.argv[2] ?? join(root, "out", "tarballs"));
mkdirSync(out, { recursive: true });
const built = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--if-stale"], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const pack = (dir) =>
  new Promise((resolvePack, reject) => {
    const child = spawn("pnpm", ["pack", "--pack-destination", out], { cwd: join(root, "packages", dir), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolvePack(join(out, tarballName(dir))) : reject(new Error(`pnpm pack in packages/${dir} failed:\n${stderr}`))));
  });

try {
  for (const file of await Promise.all(PACKAGES.map(pack))) process.stdout.write(`${file}\n`);
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
