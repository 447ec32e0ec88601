/**
 * Dates for the date-range filter. Articles and sentences carry ISO dates
 * ("2024-05-16"), sometimes only a month or a year, sometimes a time. A date
 * is treated as the span of days it names, so "2024-05" is in a range that
 * starts on 2024-05-20; ranges are inclusive days ("YYYY-MM-DD").
 */

export interface DaySpan {
  first: string;
  last: string;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The days a date names, or null when it is not an ISO date. */
export function daySpan(date: string | null | undefined): DaySpan | null {
  if (!date) return null;
  const m = ISO.exec(date.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return { first: `${y}-${mo}-${d}`, last: `${y}-${mo}-${d}` };
  // "-31" for every month is fine: the comparisons are on strings, and no real day sorts after it.
  if (mo) return { first: `${y}-${mo}-01`, last: `${y}-${mo}-31` };
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** A full day "YYYY-MM-DD", or null: what the date inputs and the URL accept. */
export function parseDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? m[0] : null;
}

export interface DateRange {
  from: string | null;
  to: string | null;
}

/** Valid days only, in order: a range typed backwards is the same range. */
export function normaliseRange(from: string | null | undefined, to: string | null | undefined): DateRange {
  const a = parseDay(from);
  const b = parseDay(to);
  return a && b && a > b ? { from: b, to: a } : { from: a, to: b };
}

/** Whether a date overlaps the range (open ends allowed). Undated: null, for the caller to decide. */
export function dateInRange(date: string | null | undefined, range: DateRange): boolean | null {
  const span = daySpan(date);
  if (!span) return null;
  if (range.from && span.last < range.from) return false;
  if (range.to && span.first > range.to) return false;
  return true;
}
