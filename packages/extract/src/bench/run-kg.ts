/**
 * Run the project's own CLI (`pnpm kg …`) from the repository root and
 * collect its standard output, for the benchmark CLIs.
 */
import { spawn } from "node:child_process";
import { relative, isAbsolute } from "node:path";
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
