/**
 * Article cleaning: finds the date header, the title, and the spans of the
 * original text that belong to the story. Captions with photo credits,
 * captions repeated from the story, separators and "Read more" footers are
 * left out. Nothing is rewritten: every span is an offset range of the
 * original text, so evidence offsets always slice the file as read.
 */

export interface Segment {
  start: number;
  end: number;
}

export interface PreparedArticle {
  date?: string;
  title?: string;
  /** Story text spans, in reading order. */
  segments: Segment[];
  /** Spans left out as noise, with why: shown by `--verbose`, tested. */
  dropped: (Segment & { reason: DropReason })[];
  /** True when the input looked like HTML and its markup was blanked out. */
  html: boolean;
}

export type DropReason = "caption" | "repeated" | "footer" | "separator";

const DATE_HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/i;
// A photo credit closing a caption: "(Jane Doe/Agency/AP)", "(AP)", "(Getty Images)".
const CREDIT = /\((?:[^()\n]*\/[^()\n]*|AP|AFP|Reuters|PA|EPA|Getty Images|Getty|Shutterstock)\)\s*$/;
const FOOTER = /^(read more at\b|read more:|click here\b|share this\b|advertisement$|related articles?$)/i;
const SEPARATOR = /^[*\-_=~#\s]{3,}$/;
const TERMINAL = /[.!?…"'”’)\]]$/;

/** Replaces markup by spaces so that offsets into the original stay true. */
export function blankOutHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, (m) => " ".repeat(m.length))
    .replace(/<[^>]*>/g, (m) => " ".repeat(m.length))
    .replace(/&(nbsp|amp|quot|apos|lt|gt|#\d+);/g, (m) => " ".repeat(m.length));
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html\b|<head\b|<body\b)/i.test(text) || (text.match(/<\/?(p|div|span|a|br|li|h[1-6])\b[^>]*>/gi)?.length ?? 0) >= 3;
}

/** Lower case, one kind of quote, single spaces, no closing punctuation: for spotting repeats. */
export function normaliseForRepeat(line: string): string {
  return line
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/[\s.!?…,;:"']+$/g, "")
    .replace(/^[\s"']+/g, "")
    .trim();
}

interface Line extends Segment {
  text: string;
  norm: string;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let start = pos;
    let end = nl;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) {
      const lineText = text.slice(start, end);
      lines.push({ start, end, text: lineText, norm: normaliseForRepeat(lineText) });
    }
    pos = nl + 1;
  }
  return lines;
}

export function prepareArticle(original: string): PreparedArticle {
  const html = looksLikeHtml(original);
  const text = html ? blankOutHtml(original) : original;
  let bodyStart = 0;
  let date: string | undefined;
  const header = DATE_HEADER.exec(text);
  if (header && isValidIsoDate(header[1]!)) {
    date = header[1];
    bodyStart = header[0].length;
  }

  const lines = splitLines(text, bodyStart);
  const segments: Segment[] = [];
  const dropped: PreparedArticle["dropped"] = [];
  const seen = new Set<string>();
  let footerReached = false;

  for (const line of lines) {
    const drop = (reason: DropReason) => dropped.push({ start: line.start, end: line.end, reason });
    if (footerReached || FOOTER.test(line.text)) {
      footerReached = true;
      drop("footer");
      continue;
    }
    if (SEPARATOR.test(line.text)) {
      drop("separator");
      continue;
    }
    if (CREDIT.test(line.text)) {
      drop("caption");
      continue;
    }
    if (seen.has(line.norm)) {
      drop("repeated");
      continue;
    }
    // A line without closing punctuation that another line contains whole is
    // a caption repeating the story.
    if (!TERMINAL.test(line.text) && line.norm.length > 20 && lines.some((o) => o !== line && o.norm.length > line.norm.length && o.norm.includes(line.norm))) {
      drop("repeated");
      continue;
    }
    seen.add(line.norm);
    segments.push({ start: line.start, end: line.end });
  }

  const first = segments[0];
  const title = first && !TERMINAL.test(text.slice(first.start, first.end)) ? text.slice(first.start, first.end) : undefined;
  return { date, title, segments, dropped, html };
}

export function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
