/**
 * What goes wrong with the input, reported so that someone can find it: every
 * message names the record (`file:line (id)` for a JSON Lines record, the
 * file's path otherwise), `--verbose` adds the stack, and `--errors FILE`
 * writes every problem as a JSON line for triage.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import type { ExtractionProblem } from "newskg-extract";
import { warn } from "./log.ts";

/** Where an article came from: its file (or "stdin"), and its line when the file is JSON Lines. */
export interface Origin {
  file: string;
  line?: number;
}

/**
 * - error: something was left out (a file, a record, an article, a sentence);
 * - warning: read, but not as it stood (Latin-1 instead of UTF-8, HTML markup ignored);
 * - note: a file that is not an article (a folder's README or licence), skipped.
 */
export type Severity = "error" | "warning" | "note";

export interface Problem extends Origin {
  severity: Severity;
  /** The article's id, when the problem is with one article. */
  id?: string;
  /** Offsets in the article of the sentence (or block) skipped. */
  start?: number;
  end?: number;
  message: string;
  stack?: string;
}

/** "file", "file:12", "file:12 (reut-28)". */
export function where(p: Origin & { id?: string }): string {
  return p.line === undefined ? p.file : `${p.file}:${p.line}${p.id ? ` (${p.id})` : ""}`;
}

/** One line for standard error. */
export function describe(p: Problem): string {
  return `${where(p)}: ${p.message}`;
}

/** An article that could not be extracted at all. */
export function articleFailed(origin: Origin, id: string, error: { message: string; stack?: string }): Problem {
  return { severity: "error", ...origin, id, message: `extraction failed: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) };
}

const EXCERPT = 60;

/** The sentences (or blocks) extraction skipped in one article, as problems naming the record. */
export function skippedParts(origin: Origin, id: string, skipped: ExtractionProblem[] | undefined): Problem[] {
  const out: Problem[] = [];
  for (const p of skipped ?? []) {
    const words = p.text.replace(/\s+/g, " ").trim();
    const excerpt = words.length > EXCERPT ? `${words.slice(0, EXCERPT - 1)}…` : words;
    out.push({
      severity: "error",
      ...origin,
      id,
      start: p.start,
      end: p.end,
      message: `${p.part} at ${p.start}-${p.end} skipped ("${excerpt}"): ${p.message}`,
      ...(p.stack ? { stack: p.stack } : {}),
    });
  }
  return out;
}

export interface ProblemLogOptions {
  verbose?: boolean;
  /** Write every problem here as JSON Lines. */
  errorsFile?: string;
}

/** Reports problems as they come: standard error, and the --errors file. Counts what it reported. */
export class ProblemLog {
  /** Errors and warnings: notes are not problems. */
  problems = 0;
  private out: WriteStream | undefined;

  private constructor(private readonly verbose: boolean) {}

  static async open(options: ProblemLogOptions = {}): Promise<ProblemLog> {
    const log = new ProblemLog(!!options.verbose);
    if (options.errorsFile) {
      await mkdir(dirname(options.errorsFile), { recursive: true });
      log.out = createWriteStream(options.errorsFile);
      await once(log.out, "open");
    }
    return log;
  }

  report(p: Problem): void {
    if (p.severity !== "note") this.problems++;
    warn(describe(p));
    if (this.verbose && p.stack) process.stderr.write(`${p.stack}\n`);
    this.out?.write(JSON.stringify(p) + "\n");
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, "finish");
  }
}
