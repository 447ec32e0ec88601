/**
 * Properties on real news: BBC and Reuters-21578 articles read from the shared benchmark data at run time
 * (never copied into the repo), re-wrapped and roughed up the way real files are. The expectations
 * compare extractions with each other, never with particular entities, so they hold whatever the
 * entity recogniser is.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { benchPath } from "./bench/paths.ts";
import { extractArticle } from "./extract.ts";
import type { ArticleExtraction, ArticleInput } from "./types.ts";

/** Every `step`-th BBC article, and every `step`-th Reuters record: a spread over topics and years. */
function sample(): { bbc: ArticleInput[]; reuters: (ArticleInput & { dateline: string })[] } {
  const bbcDir = benchPath("news", "bbc");
  const bbc: ArticleInput[] = [];
  for (const topic of readdirSync(bbcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const files = readdirSync(join(bbcDir, topic)).filter((f) => f.endsWith(".txt")).sort();
    for (let k = 0; k < files.length; k += 60) bbc.push({ id: `${topic}/${files[k]}`, text: readFileSync(join(bbcDir, topic, files[k]!), "utf8") });
  }
  const lines = readFileSync(benchPath("news", "reuters21578", "articles.jsonl"), "utf8").split("\n");
  const reuters = [];
  for (let k = 0; k < lines.length; k += 250) if (lines[k]!.trim()) reuters.push(JSON.parse(lines[k]!) as ArticleInput & { dateline: string });
  return { bbc, reuters };
}
const { bbc, reuters } = sample();

// What a line must be for wrapping not to change how it reads (see article/blocks.ts): prose, not a
// row of a table, a heading in capitals, a separator or a sign-off, which stand alone.
const STANDS_ALONE = (line: string) => /\S( {3,}|\t)\S/.test(line) || !/[a-z]/.test(line) || /^reuters?\W*$/i.test(line) || /^[*\-_=~#\s]{3,}$/.test(line);

interface Paragraph {
  /** Leading whitespace of its first line. */
  indent: string;
  /** Its lines joined by single spaces; undefined for a blank line. */
  text?: string;
  /** False for a line that stands alone, kept as it is. */
  prose: boolean;
}

/** The article's paragraphs as a reader sees them: a blank line or an indented line starts one. */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (!line) {
      out.push({ indent: "", prose: false });
      current = undefined;
      continue;
    }
    const indent = /^\s*/.exec(raw)![0];
    if (current?.prose && !indent && !STANDS_ALONE(line)) {
      current.text += ` ${line}`;
      continue;
    }
    current = { indent, text: STANDS_ALONE(line) ? raw.trimEnd() : line, prose: !STANDS_ALONE(line) };
    if (!current.prose) current.indent = "";
    out.push(current);
  }
  return out;
}

/**
 * One paragraph's line breaks: where the line reaches `width`, a single space between two words becomes
 * a line break (so every line is the same prose, and the text keeps its length but for CR LF). A line is
 * never left without a lower-case letter, nor a lone word at the end: those would read as a heading or
 * a sign-off, which is how wrapped text reads too.
 */
function wrap(text: string, width: number, eol: string): string {
  let out = "";
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const breakHere =
      text[i] === " " && i - lineStart >= width && text[i - 1] !== " " && text[i + 1] !== " " && /[a-z]/.test(text.slice(lineStart, i)) && text.length - i > 12 && /[a-z]/.test(text.slice(i));
    if (breakHere) {
      out += eol;
      lineStart = i + 1;
    } else out += text[i];
  }
  return out;
}

/** The article with its paragraphs on one line each (`width` 0), or wrapped at `width`. */
function layOut(paras: Paragraph[], width: number, eol: string): string {
  return paras.map((p) => (p.text === undefined ? "" : p.prose && width ? p.indent + wrap(p.text, width, eol) : p.indent + p.text)).join(eol) + eol;
}

/** What a triple says, and where, with the text's line breaks read as spaces. */
const facts = (x: ArticleExtraction) =>
  x.triples
    .map((t) => [t.subject.id, t.predicate, t.object.id, t.date ?? "", t.evidence.text, t.evidence.subject?.text, t.evidence.object?.text].map((s) => (s ?? "").replace(/\s+/g, " ")).join(" | "))
    .sort();

function expectExactOffsets(text: string, x: ArticleExtraction): void {
  for (const t of x.triples) {
    expect(text.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
    for (const m of [t.evidence.subject, t.evidence.object]) if (m) expect(text.slice(m.start, m.end)).toBe(m.text);
  }
}

const article = fc.oneof(fc.constantFrom(...bbc), fc.constantFrom(...reuters));

describe("extraction of real news, re-wrapped and roughed up", () => {
  it("reads the sample (BBC and Reuters from the shared data)", () => {
    expect(bbc.length).toBeGreaterThan(30);
    expect(reuters.length).toBeGreaterThan(70);
  });

  it("gives the same triples for text wrapped at any width, with either line ending, as for its paragraphs on one line", () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 20, max: 100 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), (a, width, eol, doubleSpaces) => {
        let paras = paragraphs(a.text);
        if (doubleSpaces) paras = paras.map((p) => (p.prose ? { ...p, text: p.text!.replace(/\. /g, ".  ") } : p));
        const flat = layOut(paras, 0, "\n");
        const wrapped = layOut(paras, width, eol);
        const one = extractArticle({ ...a, text: flat });
        const other = extractArticle({ ...a, text: wrapped });
        expectExactOffsets(flat, one);
        expectExactOffsets(wrapped, other);
        expect(facts(other)).toEqual(facts(one));
        expect(other.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("reads a dateline opening the story as its place, and the story as without it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...reuters), fc.constantFrom(" ", " (Reuters) ", "\n"), (a, glue) => {
        const line = a.dateline.trim();
        const withAgency = glue.includes("Reuters") ? line.replace(/\s*-$/, " (Reuters) -") : line;
        const text = `${withAgency}${glue === "\n" ? "\n" : " "}${a.text}`;
        const given = extractArticle(a);
        const opened = extractArticle({ ...a, text, dateline: undefined });
        expectExactOffsets(text, opened);
        expect(opened.article.dateline?.place).toBe(given.article.dateline?.place);
        if (given.article.dateline) expect(facts(opened)).toEqual(facts(given));
      }),
      { numRuns: 60 },
    );
  });

  it("never throws nor skips a sentence, and every offset slices the text, whatever the wire and the keyboard did to it", () => {
    const controls = fc.constantFrom("\u0000", "\u0002", "\u0003", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u00a0", "\u2028", "\ufeff");
    const table = fc.array(fc.tuple(fc.constantFrom("Shr", "Net", "Revs", "Wheat", "Corn", "Avg shrs", "Qtr ended Dec 31"), fc.array(fc.float({ min: 0, max: 9999, noNaN: true }), { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 6 })
      .map((rows) => rows.map(([label, xs]) => `    ${label}${xs.map((x) => `   ${x.toFixed(2)}`).join("")} vs ${xs[0]!.toFixed(1)}`).join("\n"));
    const roughing = fc.record({
      capitalTitle: fc.boolean(),
      signOff: fc.constantFrom("", "\n Reuter\n\u0003", "\n REUTER\n", "\nreuter...\n"),
      table: fc.option(table, { nil: undefined }),
      controls: fc.array(fc.tuple(fc.nat(), controls), { maxLength: 8 }),
      tabs: fc.array(fc.nat(), { maxLength: 8 }),
      doubled: fc.array(fc.nat(), { maxLength: 8 }),
      crlf: fc.boolean(),
      width: fc.option(fc.integer({ min: 15, max: 90 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(article, roughing, (a, r) => {
        let text = r.width ? layOut(paragraphs(a.text), r.width, "\n") : a.text;
        if (r.table) {
          const cut = text.indexOf("\n", Math.floor(text.length / 2));
          if (cut > 0) text = `${text.slice(0, cut)}\n${r.table}${text.slice(cut)}`;
        }
        if (r.capitalTitle) text = `${(a.title ?? text.slice(0, 40)).toUpperCase()}\n\n${text}`;
        text += r.signOff;
        const at = (n: number) => n % (text.length + 1);
        for (const [n, c] of r.controls) text = text.slice(0, at(n)) + c + text.slice(at(n));
        for (const n of r.tabs) text = text.slice(0, at(n)) + "\t" + text.slice(at(n));
        for (const n of r.doubled) if (text[at(n)] === " ") text = text.slice(0, at(n)) + " " + text.slice(at(n));
        if (r.crlf) text = text.replace(/\n/g, "\r\n");
        const x = extractArticle({ ...a, text });
        expectExactOffsets(text, x);
        expect(x.problems).toEqual([]);
        for (const t of x.triples) expect(t.evidence.text).not.toMatch(/^\s*reuter\W*$/im);
      }),
      { numRuns: 250 },
    );
  });
});
