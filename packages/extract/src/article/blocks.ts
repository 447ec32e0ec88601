/**
 * Lines into blocks (paragraphs). Newswire, e-mail and plain-text archives
 * wrap their lines at about 70 characters, so a single line break is not the
 * end of anything: it reads as a space. A block ends at
 * - a blank line (BBC: headline, blank line, paragraphs separated by blank lines);
 * - an indented line: one that starts further in than the article's margin
 *   (Reuters indents the first line of each paragraph, its other lines start
 *   at the margin; BBC indents list items; text indented throughout has its
 *   margin there);
 * - a line that stands alone whatever surrounds it: a heading in capitals
 *   ("SUBPRODUCTS"), a row of a table (columns spaced apart), a separator
 *   ("***"), a sign-off ("Reuter").
 * Blocks are spans of the original text from the first line's first visible
 * character to the last line's last one; the line breaks inside stay in the
 * text (the tagger reads them as spaces, see nlp/index.ts).
 */

export interface Line {
  start: number;
  end: number;
  text: string;
  /** Width of the blank characters before the text (a tab counts as one). */
  indent: number;
  /** A blank line (or the start of the text) comes right before this one. */
  afterGap: boolean;
  kind: LineKind;
}

export type LineKind = "prose" | "heading" | "table" | "separator" | "signoff";

export interface Block {
  start: number;
  end: number;
  /** The block's lines, in order (one for anything but wrapped prose). */
  lines: Line[];
}

const SEPARATOR = /^[*\-_=~#\s]{3,}$/;
/** A bare sign-off as the wire ends stories: "Reuter", "REUTER", "Reuter..." (and the wire's "^M" for a carriage return). */
const SIGN_OFF = /^reuters?(?:\.\.\.|\^M)*$/i;
/** Columns: three spaces or a tab between two words. */
const COLUMN_GAP = /\S(?: {3,}|\t)\S/;

/**
 * Whitespace and control characters (the wire's STX/ETX and the like): what
 * a reader does not see. Code points, not a regular expression: this runs on
 * every character of every article.
 */
function isBlank(code: number): boolean {
  return code <= 32 || code === 127 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

/**
 * How a line reads on its own. A heading is a line in capitals in an article
 * that is not itself written in capitals (some wire stories are, and there a
 * capital line is just prose).
 */
function lineKind(text: string, capitalsArePlain: boolean): LineKind {
  if (SEPARATOR.test(text)) return "separator";
  if (SIGN_OFF.test(text)) return "signoff";
  if (COLUMN_GAP.test(text)) return "table";
  if (!capitalsArePlain && isCapitals(text)) return "heading";
  return "prose";
}

/** At least three letters, none of them lower case. */
function isCapitals(text: string): boolean {
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === c.toUpperCase()) {
      if (c !== c.toLowerCase()) upper++;
    } else return false;
  }
  return upper >= 3;
}

/** More than half the letters in capitals: an all-capital story. */
function writtenInCapitals(text: string, from: number): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
  }
  return upper > lower;
}

/** The text's lines from `from` on, trimmed of blank characters; blank lines are left out. Breaks: \n, \r\n, \r. */
export function splitLines(text: string, from = 0): Line[] {
  const capitalsArePlain = writtenInCapitals(text, from);
  const lines: Line[] = [];
  let pos = from;
  let afterGap = true;
  while (pos < text.length) {
    let br = pos;
    while (br < text.length && text[br] !== "\n" && text[br] !== "\r") br++;
    let start = pos;
    let end = br;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      const lineText = text.slice(start, end);
      lines.push({ start, end, text: lineText, indent: start - pos, afterGap, kind: lineKind(lineText, capitalsArePlain) });
      afterGap = false;
    } else afterGap = true;
    pos = br + (text[br] === "\r" && text[br + 1] === "\n" ? 2 : 1);
  }
  return lines;
}

/** The indentation of the least indented line of prose. */
function marginOf(lines: Line[]): number {
  let margin = Infinity;
  for (const line of lines) if (line.kind === "prose" && line.indent < margin) margin = line.indent;
  return margin;
}

/** Groups lines into blocks (see the top of this file). */
export function groupBlocks(lines: Line[]): Block[] {
  const margin = marginOf(lines);
  // `line` goes on the block of the line before: prose after prose, with no gap, not indented.
  const continues = (prev: Line, line: Line) => !line.afterGap && prev.kind === "prose" && line.kind === "prose" && line.indent <= margin;
  const blocks: Block[] = [];
  let current: Block | undefined;
  let prev: Line | undefined;
  for (const line of lines) {
    if (current && prev && continues(prev, line)) {
      current.lines.push(line);
      current.end = line.end;
    } else {
      current = { start: line.start, end: line.end, lines: [line] };
      blocks.push(current);
    }
    prev = line;
  }
  return blocks;
}
