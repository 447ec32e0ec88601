/**
 * Event dates from time phrases, resolved against the article date with a
 * past bias: news reports what happened, so "on Friday" in a Saturday
 * article is the day before, and "on Saturday" is the same day.
 */
import type { Token } from "../nlp/index.ts";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export const WEEKDAY_SET = new Set(WEEKDAYS);
export const MONTH_SET = new Set(MONTHS);

function parseIso(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
function addDays(iso: string, days: number): string {
  const d = parseIso(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/**
 * The most recent `weekday` on or before the article date; with `future`
 * (the clause is in the future tense: "will travel on Monday"), the next one
 * on or after it.
 */
export function resolveWeekday(weekday: string, articleDate: string, future = false): string {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const day = parseIso(articleDate).getUTCDay();
  return future ? addDays(articleDate, (target - day + 7) % 7) : addDays(articleDate, -((day - target + 7) % 7));
}

/** Is this verb group about the future? "will travel", "is heading to" (an arrangement), "is due to", "is going to". */
export function isFutureTense(verb: Token[]): boolean {
  let be = -1;
  for (let k = 0; k < verb.length; k++) {
    const w = verb[k]!.lower;
    if (w === "will" || w === "shall" || w === "'ll" || w === "wo") return true;
    if (be < 0 && (w === "is" || w === "are" || w === "am" || w === "'s" || w === "'re")) be = k;
  }
  const n = verb.length;
  return be >= 0 && be < n - 1 && verb[n - 1]!.lower.endsWith("ing") && n - be <= 3;
}

/**
 * The date a sentence's time phrase points to, if it names one.
 * `tokens` are the sentence's tokens; only explicit phrases count.
 */
export function resolveSentenceDate(tokens: Token[], articleDate: string | undefined, future = false): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.lower;
    const prev = tokens[i - 1]?.lower;
    const next = tokens[i + 1];
    // "on February 14", "February 14, 2022", "14 February 2022"
    if (MONTH_SET.has(t) && tokens[i]!.text[0] === tokens[i]!.text[0]!.toUpperCase()) {
      const month = MONTHS.indexOf(t) + 1;
      let day: number | undefined;
      let year: number | undefined;
      if (next && /^\d{1,2}$/.test(next.text)) {
        day = +next.text;
        const y = tokens[i + 3]?.text;
        if (tokens[i + 2]?.text === "," && y && /^(19|20)\d\d$/.test(y)) year = +y;
        else if (tokens[i + 2] && /^(19|20)\d\d$/.test(tokens[i + 2]!.text)) year = +tokens[i + 2]!.text;
      } else if (prev && /^\d{1,2}$/.test(prev)) {
        day = +prev;
        if (next && /^(19|20)\d\d$/.test(next.text)) year = +next.text;
      }
      if (day && day <= 31) {
        year ??= articleDate ? +articleDate.slice(0, 4) : undefined;
        if (year) return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      }
    }
    if (!articleDate) continue;
    if (WEEKDAY_SET.has(t) && (prev === "on" || prev === "last" || prev === "this" || prev === "since" || i === 0 || tokens[i - 1]?.pos !== "ADP")) {
      return resolveWeekday(t, articleDate, future);
    }
    if (t === "today" || t === "tonight") return articleDate;
    if (t === "yesterday") return addDays(articleDate, -1);
    if (t === "night" && prev === "last") return addDays(articleDate, -1);
  }
  return undefined;
}
