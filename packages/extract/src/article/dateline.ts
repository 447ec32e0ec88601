/**
 * The dateline a wire story opens with: "MOSCOW, Feb 26 (Reuters) -",
 * "SALVADOR, Feb 26 -", "PORTLAND, Ore., Feb 26 -", "LONDON (Reuters) -".
 * It says where and when the story was filed; read as words it would be the
 * subject of the first sentence ("MOSCOW, Feb 26 - The Soviet Union said" is
 * not something Moscow said).
 */
import type { Dateline } from "../types.ts";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

// A place (up to five capitalised words: "NEW YORK", "ST. LOUIS", "Toronto"), then an optional region as
// written ("Ore.", "Calif.", "N.J."), then a date ("Feb 26", "MARCH 2", "2 March"), an agency in brackets,
// or both, then a dash. The date or the agency is required: a capitalised word and a dash alone
// ("UK - China talks") is a headline. Wrapped text may break a line anywhere in it.
const WORD = String.raw`[A-Z][A-Za-z.'’&/-]*`;
const PLACE = String.raw`(${WORD}(?:\s+${WORD}){0,4})`;
const REGION = String.raw`(?:\s*,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?))?`;
const DATE = String.raw`(?:\s*,\s*|\s+)(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]{3,9})\.?)`;
// "(Reuters)", or after a comma as some wire copy has it ("ROME, March 13, Reuter -")
const AGENCY = String.raw`(?:\s*\(([A-Z][A-Za-z.&' -]{1,30})\)|\s*,\s*(Reuters?|AP|AFP))`;
const DATELINE = new RegExp(String.raw`^${PLACE}${REGION}(?:${DATE}${AGENCY}?|${AGENCY})\s*[-–—]+(?=\s|$)`);

/** 0 to 11 for a month's name or abbreviation in any case ("Feb", "FEB", "Sept", "MArch"), else -1. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(w) || (w === "sept" && m === "september"));
}

export interface FoundDateline extends Dateline {
  /** Offsets of the dateline (up to its dash) in the text searched. */
  start: number;
  end: number;
}

/**
 * The dateline at `text[start..]`, if there is one. `articleDate` (YYYY-MM-DD) gives the year the
 * dateline leaves out; without it the date stays unknown.
 */
export function findDateline(text: string, start: number, articleDate?: string): FoundDateline | undefined {
  const m = DATELINE.exec(text.slice(start, start + 120));
  if (!m) return undefined;
  const [whole, place, , monthFirst, dayAfter, dayFirst, monthAfter] = m;
  const monthWord = monthFirst ?? monthAfter;
  const month = monthWord ? monthOf(monthWord) : -1;
  if (monthWord && (month < 0 || monthWord.length < 3)) return undefined; // "NEW YORK, Narch 2 -": not sure enough
  const date = month >= 0 ? isoDate(month, Number(dayAfter ?? dayFirst), articleDate) : undefined;
  const words = place!.replace(/\s+/g, " ");
  const name = /[a-z]/.test(words) ? words : titleCase(words);
  return { text: whole, place: name, ...(date ? { date } : {}), start, end: start + whole.length };
}

/** "NEW YORK" -> "New York", "RIO DE JANEIRO" -> "Rio de Janeiro", "ST. LOUIS" -> "St. Louis". */
export function titleCase(place: string): string {
  const small = new Set(["de", "da", "do", "del", "la", "le", "les", "of", "on", "am", "an", "el", "al", "sur", "upon"]);
  return place
    .toLowerCase()
    .split(/\s+/)
    .map((w, k) => (k > 0 && small.has(w) ? w : w.replace(/(^|[-'’.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())))
    .join(" ");
}

/**
 * Month and day in the year of the article's date, or the year before when that would put the story
 * more than a month after its own date (a dateline of Dec 31 on an article dated Jan 2).
 */
function isoDate(month: number, day: number, articleDate: string | undefined): string | undefined {
  const known = articleDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(articleDate);
  if (!known || month < 0 || day < 1 || day > 31) return undefined;
  const published = Date.UTC(+known[1]!, +known[2]! - 1, +known[3]!);
  let year = +known[1]!;
  if (Date.UTC(year, month, day) - published > 31 * 86_400_000) year--;
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCMonth() !== month) return undefined; // Feb 30
  return d.toISOString().slice(0, 10);
}
