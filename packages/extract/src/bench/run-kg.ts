/**
 * Run the project's own CLI (`pnpm kg …`) from the repository root and
 * collect its standard output, for the benchmark CLIs.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative, isAbsolute, resolve } from "node:path";
import { repoRoot } from "./paths.ts";

/** A path as the kg CLI should see it: relative to the repo root when it lies beside it, else absolute. */
export function forKg(path: string): string {
  const rel = relative(repoRoot(), path);
  return rel && !isAbsolute(rel) ? rel : path;
}

export async function runKg(args: string[]): Promise<string> {
  const root = repoRoot();
  const shown = `pnpm kg ${args.join(" ")}`;
  return await new Promise<string>((resolve, reject) => {
    // --silent keeps pnpm's own "> news-kg kg …" banner out of stdout.
    const child = spawn("pnpm", ["--silent", "kg", ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.on("error", (e) => reject(new Error(`could not start \`${shown}\` in ${root}: ${e.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      // its stderr has already been shown above, as it came
      reject(
        new Error(
          `\`${shown}\` failed (${signal ? `signal ${signal}` : `exit code ${code}`}) in ${root}; see its messages above.` +
            `\nPass a system output file instead to score it directly.`,
        ),
      );
    });
  });
}

/**
 * The system output a benchmark scores: the file named on the command line,
 * or a fresh run of `pnpm kg <args>`. Undefined (after saying why) when that run failed.
 */
export async function systemOutput(argv: string[], kgArgs: string[], what: string): Promise<{ system: string; label: string } | undefined> {
  const file = argv.find((a) => !a.startsWith("-"));
  if (file) return { label: resolve(file), system: readFileSync(resolve(file), "utf8") };
  const label = `pnpm kg ${kgArgs.join(" ")}`;
  console.error(`running ${label} …`);
  const t0 = performance.now();
  try {
    const system = await runKg(kgArgs);
    console.error(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { system, label };
  } catch (e) {
    console.error(`${what}: the project's run failed, nothing was scored.\n${(e as Error).message}`);
    return undefined;
  }
}
