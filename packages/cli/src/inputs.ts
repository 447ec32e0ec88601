/**
 * Reading what the user points us at: files, folders (recursively), `-`
 * for standard input, and JSON Lines files of articles. Every problem with
 * one input is reported with the file's name (and a record's line) and the
 * batch goes on.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { readdir, readFile, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { basename, extname, join, relative } from "node:path";
import type { ArticleInput } from "newskg-extract";
import type { Origin, Problem } from "./problems.ts";

/** An article as read, with where it came from (for messages; the extractor never sees it used). */
export interface ReadArticle extends ArticleInput {
  origin: Origin;
}

export interface ReadOptions {
  /** Files larger than this are reported and skipped (bytes). */
  maxBytes: number;
  warn: (problem: Problem) => void;
  /** Called as each file's turn comes, before its articles and problems. */
  onFile?: (file: InputFile) => void;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** What `kg extract` and `kg build` say about an article that looks like HTML. */
export const HTML_WARNING = "looks like HTML; markup ignored (offsets still point into the file)";

const ARTICLE_EXTENSIONS = new Set([".txt", ".text", ".md", ".html", ".htm", ".jsonl"]);

/**
 * Files a folder of articles often holds that are not articles: the dataset's README (BBC's README.TXT),
 * its licence, and the like. Skipped when found in a folder, with a note; a file named on its own is read.
 */
const NOT_ARTICLES: [RegExp, string][] = [
  [/^read[_-]?me$/i, "a README"],
  [/^(licen[cs]e|copying|copyright|notice)$/i, "a licence"],
  [/^(changelog|authors|contributors|citation)$/i, "a project file"],
];

/** Why a file found in a folder is not an article, or undefined if it may be one. */
export function notAnArticle(name: string): string | undefined {
  const stem = name.replace(/\.[^.]*$/, "");
  return NOT_ARTICLES.find(([re]) => re.test(stem))?.[1];
}

export interface InputFile {
  path: string;
  /** The article id: the file name, or its path inside the folder given ("sport/199.txt"). */
  id: string;
}

/** Expands folders into the article files under them, in a stable order. */
export async function expandPaths(paths: string[], warn: ReadOptions["warn"]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const p of paths) {
    if (p === "-") {
      files.push({ path: p, id: "stdin" });
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch {
      warn({ severity: "error", file: p, message: "no such file or folder" });
      continue;
    }
    if (info.isDirectory()) {
      // The id is the path inside the folder; path.relative is called once a folder, not once a file.
      const folders = new Map<string, string>();
      const inside = (dir: string) => {
        let rel = folders.get(dir);
        if (rel === undefined) folders.set(dir, (rel = relative(p, dir).split("\\").join("/")));
        return rel;
      };
      const entries = (await readdir(p, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase()))
        .map((e) => {
          const dir = e.parentPath ?? p;
          const rel = inside(dir);
          return { path: join(dir, e.name), id: (rel ? `${rel}/${e.name}` : e.name).split("\\").join("/"), name: e.name };
        })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const articles = entries.filter((e) => {
        const why = notAnArticle(e.name);
        if (why) warn({ severity: "note", file: e.path, message: `skipped: ${why} file, not an article` });
        return !why;
      });
      if (articles.length === 0) warn({ severity: "error", file: p, message: "folder holds no .txt, .html or .jsonl articles" });
      for (const { path, id } of articles) files.push({ path, id });
    } else files.push({ path: p, id: basename(p) });
  }
  return files;
}

/** Decodes bytes as UTF-8, falling back to Latin-1 (with a warning) for legacy files. */
export function decodeText(bytes: Uint8Array, file: string, warn: ReadOptions["warn"]): string | undefined {
  if (bytes.length === 0) {
    warn({ severity: "error", file, message: "empty file, skipped" });
    return undefined;
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b === 0) return warn({ severity: "error", file, message: "binary file (contains NUL bytes), skipped" }), undefined;
  else if (b < 9 || (b > 13 && b < 32)) control++;
  if (control / sample.length > 0.1) {
    warn({ severity: "error", file, message: "binary file (mostly control bytes), skipped" });
    return undefined;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    warn({ severity: "warning", file, message: "not valid UTF-8; read as Latin-1" });
    return new TextDecoder("latin1").decode(bytes);
  }
}

type Read = { bytes: Uint8Array } | { problem: string } | { jsonl: true };

async function readBytes(file: string, maxBytes: number): Promise<Read> {
  try {
    // JSON Lines files are streamed a record at a time, whatever their size.
    if (extname(file).toLowerCase() === ".jsonl") return { jsonl: true };
    const size = (await stat(file)).size;
    if (size > maxBytes) return { problem: `${(size / 1024 / 1024).toFixed(1)} MB is over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit for one article, skipped (raise it with --max-size)` };
    return { bytes: await readFile(file) };
  } catch (err) {
    return { problem: `cannot read: ${(err as Error).message}` };
  }
}

/** Files read ahead of the one being yielded: small articles are cheap, the disk is not idle. */
const READ_AHEAD = 8;

/** Streams articles from the given files, in order. JSON Lines files give one article a line. */
export async function* readArticles(files: InputFile[], options: ReadOptions): AsyncGenerator<ReadArticle> {
  const ahead: Promise<Read>[] = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < READ_AHEAD && next < files.length) ahead.push(readBytes(files[next++]!.path, options.maxBytes));
  };
  for (const input of files) {
    const { path: file, id } = input;
    // Standard input is read when its turn comes, never ahead: it can only be read once.
    if (file === "-") {
      options.onFile?.(input);
      yield* stdinArticles(options);
      continue;
    }
    fill();
    options.onFile?.(input);
    const read = await ahead.shift()!;
    if ("problem" in read) {
      options.warn({ severity: "error", file, message: read.problem });
      continue;
    }
    if ("jsonl" in read) {
      yield* jsonlArticles(file, options);
      continue;
    }
    const text = decodeText(read.bytes, file, options.warn);
    if (text === undefined) continue;
    if (!text.trim()) {
      options.warn({ severity: "error", file, message: "only whitespace, skipped" });
      continue;
    }
    yield { id, text, source: file, origin: { file } };
  }
}

/**
 * Standard input holds JSON Lines of articles when it starts with "{" (streamed a record at a time, like a
 * .jsonl file), and one article otherwise (read whole, under the size limit).
 */
async function* stdinArticles(options: ReadOptions): AsyncGenerator<ReadArticle> {
  const chunks = process.stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const all = async function* () {
    yield head;
    for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value;
  };
  if (/^\s*\{/.test(head.toString("utf8", 0, 256))) {
    yield* jsonlArticles("stdin", options, Readable.from(all()));
    return;
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of all()) {
    size += c.length;
    if (size > options.maxBytes) {
      // Read to the end all the same, so whatever writes into the pipe is not cut off mid-write.
      while (!(await chunks.next()).done);
      options.warn({ severity: "error", file: "stdin", message: `over the ${(options.maxBytes / 1024 / 1024).toFixed(0)} MB limit for one article, skipped (raise it with --max-size, or send JSON Lines of articles)` });
      return;
    }
    parts.push(c);
  }
  const text = decodeText(Buffer.concat(parts), "stdin", options.warn);
  if (text === undefined) return;
  if (!text.trim()) {
    options.warn({ severity: "error", file: "stdin", message: "only whitespace, skipped" });
    return;
  }
  yield { id: "stdin", text, source: "stdin", origin: { file: "stdin" } };
}

async function* jsonlArticles(file: string, options: ReadOptions, input: Readable = createReadStream(file)): AsyncGenerator<ReadArticle> {
  const lines = createInterface({ input: input.setEncoding("utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    if (line.length > options.maxBytes) {
      options.warn({ severity: "error", file, line: n, message: `record over the ${(options.maxBytes / 1024 / 1024).toFixed(0)} MB limit for one article, skipped` });
      continue;
    }
    let id: string | undefined;
    try {
      const rec = JSON.parse(line) as Partial<ArticleInput> & { url?: string };
      if (rec.id !== undefined) id = String(rec.id);
      if (typeof rec.text !== "string" || !rec.text.trim()) throw new Error("no text field");
      yield {
        id: String(rec.id ?? `${basename(file)}:${n}`),
        text: rec.text,
        ...(rec.title ? { title: rec.title } : {}),
        ...(rec.date ? { date: rec.date } : {}),
        ...(typeof rec.dateline === "string" && rec.dateline.trim() ? { dateline: rec.dateline } : {}),
        source: rec.url ?? file,
        origin: { file, line: n },
      };
    } catch (err) {
      options.warn({ severity: "error", file, line: n, ...(id ? { id } : {}), message: `bad JSON Lines record: ${(err as Error).message}` });
    }
  }
}
