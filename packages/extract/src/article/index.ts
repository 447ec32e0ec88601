/**
 * Article cleaning: finds the date header, the title, the dateline, and the
 * spans of the original text that belong to the story. Lines are grouped
 * into blocks (paragraphs: a single line break inside one reads as a space,
 * see blocks.ts). Captions with photo credits, captions repeated from the
 * story, separators, sign-offs and "Read more" footers are left out. Nothing
 * is rewritten: every span is an offset range of the original text, so
 * evidence offsets always slice the file as read.
 */
import type { Dateline } from "../types.ts";
import { groupBlocks, splitLines, type Block } from "./blocks.ts";
import { findDateline } from "./dateline.ts";

export interface Segment {
  start: number;
  end: number;
}

export interface PreparedArticle {
  date?: string;
  title?: string;
  /** The dateline opening the story, left out of its first block. */
  dateline?: Dateline & Segment;
  /** Story text spans (blocks: paragraphs, headings, table rows), in reading order. */
  segments: Segment[];
  /** Spans left out as noise, with why: shown by `--verbose`, tested. */
  dropped: (Segment & { reason: DropReason })[];
  /** True when the input looked like HTML and its markup was blanked out. */
  html: boolean;
}

export type DropReason = "caption" | "repeated" | "footer" | "separator" | "signoff";

const DATE_HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/i;
// A photo credit closing a caption: "(Jane Doe/Agency/AP)", "(AP)", "(Getty Images)".
const CREDIT = /\((?:[^()]*\/[^()]*|AP|AFP|Reuters|PA|EPA|Getty Images|Getty|Shutterstock)\)\s*$/;
const FOOTER = /^(read more at\b|read more:|click here\b|share this\b|advertisement$|related articles?$)/i;
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

interface Paragraph extends Block {
  /** The block's text with its line breaks read as spaces. */
  flat: string;
  norm: string;
}

function paragraph(text: string, block: Block): Paragraph {
  const flat = text.slice(block.start, block.end).replace(/\s+/g, " ");
  return { ...block, flat, norm: normaliseForRepeat(flat) };
}

/**
 * The dateline opening the story: at the start of its first block, or of the second when the first is a
 * headline (one line, no closing punctuation). The block then starts after it.
 */
function takeDateline(text: string, blocks: Block[], articleDate: string | undefined): PreparedArticle["dateline"] {
  for (let k = 0; k < Math.min(2, blocks.length); k++) {
    const block = blocks[k]!;
    const found = findDateline(text, block.start, articleDate);
    if (found) {
      let start = found.end;
      while (start < block.end && /\s/.test(text[start]!)) start++;
      if (start >= block.end) blocks.splice(k, 1);
      else {
        block.start = start;
        while (block.lines.length > 1 && block.lines[0]!.end <= start) block.lines.shift();
      }
      return found;
    }
    if (block.lines.length > 1 || TERMINAL.test(block.lines[0]!.text)) return undefined;
  }
  return undefined;
}

export function prepareArticle(original: string, articleDate?: string): PreparedArticle {
  const html = looksLikeHtml(original);
  const text = html ? blankOutHtml(original) : original;
  let bodyStart = 0;
  let date: string | undefined;
  const header = DATE_HEADER.exec(text);
  if (header && isValidIsoDate(header[1]!)) {
    date = header[1];
    bodyStart = header[0].length;
  }

  const blocks = groupBlocks(splitLines(text, bodyStart));
  const dateline = takeDateline(text, blocks, articleDate ?? date);
  const paragraphs = blocks.map((b) => paragraph(text, b));
  const segments: Segment[] = [];
  const dropped: PreparedArticle["dropped"] = [];
  const seen = new Set<string>();
  let footerReached = false;

  for (const p of paragraphs) {
    const drop = (reason: DropReason) => dropped.push({ start: p.start, end: p.end, reason });
    const kind = p.lines[0]!.kind;
    if (footerReached || FOOTER.test(p.flat)) {
      footerReached = true;
      drop("footer");
      continue;
    }
    if (kind === "separator") {
      drop("separator");
      continue;
    }
    if (kind === "signoff") {
      drop("signoff");
      continue;
    }
    if (CREDIT.test(p.flat)) {
      drop("caption");
      continue;
    }
    if (seen.has(p.norm)) {
      drop("repeated");
      continue;
    }
    // A block without closing punctuation that another block contains whole is
    // a caption repeating the story.
    if (!TERMINAL.test(p.flat) && p.norm.length > 20 && paragraphs.some((o) => o !== p && o.norm.length > p.norm.length && o.norm.includes(p.norm))) {
      drop("repeated");
      continue;
    }
    seen.add(p.norm);
    segments.push({ start: p.start, end: p.end });
  }

  // The headline: a first block of one line without closing punctuation.
  const first = segments[0] && paragraphs.find((p) => p.start === segments[0]!.start);
  const title = first && first.lines.length === 1 && !TERMINAL.test(first.flat) ? text.slice(first.start, first.end) : undefined;
  return { date, title, ...(dateline ? { dateline } : {}), segments, dropped, html };
}

export function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
