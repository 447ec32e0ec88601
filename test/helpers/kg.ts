/** Runs the real `kg` CLI in a child process, as a user would. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedDir = process.env.KG_SHARED ?? join(repoRoot, "..", "shared");
export const seedArticlesDir = join(sharedDir, "articles");

export interface KgResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Runs from a folder of its own, so the default cache (.kg-cache) never leaks between test runs.
const workDir = mkdtempSync(join(tmpdir(), "kg-cwd-"));
// Vitest evaluates this helper once per test file, so the hook belongs to the file that imported it.
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

export function kg(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): KgResult {
  const r = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), join(repoRoot, "packages/cli/src/main.ts"), ...args], {
    cwd: options.cwd ?? workDir,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `kg(...)` without blocking: for several `kg` processes running at the same time. */
export function kgAsync(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<KgResult> {
  return kgSpawn(args, options).done;
}

/** A `kg` process that can be signalled (`child.kill("SIGKILL")`) while it runs; `done` settles when it ends. */
export function kgSpawn(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): { child: ChildProcess; done: Promise<KgResult & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(repoRoot, "packages/cli/src/main.ts"), ...args], {
    cwd: options.cwd ?? workDir,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const done = new Promise<KgResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}
