/**
 * Titles of works and products where the sentence marks them (MISC under CoNLL, our Other): the model
 * misses most of them or reads them as persons and firms ("the film Vera Drake", "Sony's PSP console").
 * Read once every sentence is read, as an article-level pass of the tagger:
 * - a title right after a common noun for a work: "the film Million Dollar Baby", "their new album How
 *   To Dismantle An Atomic Bomb", "his hit Vertigo", "the single 'Dilemma'";
 * - every title of a list such a noun opens: "singles include A, B and C", "hits including A and B";
 * - a title before such a noun, after "the" or a possessive: "The Achtung Baby album", "the Nightmare
 *   on Elm Street franchise", "Nintendo's DS handheld", "the AutoLink feature";
 * - "starred in X", "star of X";
 * and then every other mention of the same title in the article, where the model typed it as a
 * person, firm or place or left it out.
 * Left alone: a title that is a place, a nationality or a party; a name the training text knew as an
 * organisation before a noun ("the Google toolbar", "the Beatles album"); a person's full name the
 * next clause is about ("in the film Tom Hanks plays"); in a sports report, the nouns a match shares
 * ("show", "game", "series", "hit", "play").
 */
import type { Token } from "../nlp/index.ts";
import type { EntityType } from "../types.ts";
import { AFFILIATIONS, DEMONYMS, FIRST_NAMES, ORG_SPELLINGS, PLACES } from "./gazetteer.ts";
import { entityModel } from "./model/model.ts";
import { isOrdinaryWord } from "./model/features.ts";
import { isTitle, joinUnits, type EntitySpan, type SentenceEntities, type Unit } from "./recognize.ts";

/** Common nouns right before a work's title: "the film Sideways", "the album Vertigo". */
/** Plural nouns of products that open a list only ("Microsoft's two previous programs, Passport and Hailstorm"). */
const PRODUCT_PLURALS = new Set(["programs", "products", "consoles", "handsets", "browsers"]);
const WORK_BEFORE = new Set([...PRODUCT_PLURALS, "album", "albums", "single", "singles", "song", "songs", "track", "tracks", "film", "films", "movie", "movies", "series", "sitcom", "drama", "documentary", "novel", "book", "books", "musical", "opera", "play", "programme", "show", "soap", "hit", "hits", "ep", "anthem", "ballad", "sequel", "comedy", "thriller", "cartoon", "epic", "blockbuster", "titled", "entitled", "game"]);
/** Nouns that are verbs or adjectives too ("hit Liverpool", "a single Tory MP"): cues only after one of these. */
const AMBIGUOUS = new Set(["hit", "play", "show", "game", "single", "track", "book", "epic", "drama", "comedy", "thriller", "series", "hits", "films", "books", "songs", "tracks", "singles", "albums", "movies"]);
const NEVER_VERBS = new Set(["drama", "comedy", "thriller", "epic", "documentary", "musical", "sitcom"]);
const BEFORE_AMBIGUOUS = new Set(["the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "new", "latest", "debut", "first", "second", "third", "hit", "next", "last", "forthcoming", "recent", "classic", "'s", "’s", "comedy", "drama", "tv", "television", "radio", "animated", "number", "one", "whose", "this", "that", "big-budget", "chart-topping", "award-winning"]);
/** In a sports report these are matches and moves. */
const SPORTS_NOT = new Set(["show", "game", "series", "play", "hit", "hits", "track", "epic", "drama", "thriller", "comedy", "single"]);
/** Common nouns right after a work's or product's title: "the Achtung Baby album", "the DS handheld". */
const WORK_AFTER = new Set(["album", "film", "movie", "franchise", "series", "programme", "show", "sitcom", "soap", "single", "song", "soundtrack", "musical", "novel", "trilogy", "feature", "console", "consoles", "handheld", "browser", "toolbar", "software", "game"]);
/** Words of channels' names: "Channel 4", "BBC One", "Radio 1". */
const BROADCAST = new Set(["channel", "bbc", "itv", "radio", "tv", "sky", "cnn", "mtv", "e4", "s4c", "television", "bbc1", "bbc2", "bbc3", "bbc4", "itv1", "itv2"]);
/** Nouns after an award's name ("the Mobo award", "the Golden Rose television awards"), and what may stand between. */
const AWARDS = new Set(["award", "awards", "prize", "prizes", "trophy"]);
const AWARD_KINDS = new Set(["television", "tv", "music", "film", "comedy", "book", "literary", "media", "radio", "theatre", "poetry"]);
/** Of those, the nouns of products: "version of Internet Explorer browser". */
const PRODUCT_AFTER = new Set(["console", "consoles", "handheld", "browser", "toolbar", "software"]);
/** After these, a run of capitalised words is a list of titles: "singles include A, B and C". */
const LIST_CUES = new Set(["albums", "singles", "songs", "hits", "films", "movies", "books", "novels", "tracks", "shows", "programmes", "programs", "products", "consoles", "handsets", "browsers"]);
const LIST_OPENERS = new Set(["include", "included", "including", "includes", "like", "as", ":"]);
/** Small words a title may hold: "How To Dismantle An Atomic Bomb", "Christmas with the Kranks". */
const TITLE_SMALL = new Set(["a", "an", "the", "of", "in", "on", "to", "for", "with", "and", "no", "is", "vs", "vs.", "my", "your", "me", "it", "&", ":", "or"]);
export const CALENDAR = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const QUOTES = new Set(['"', "“", "”", "'", "‘", "’"]);
const POSSESSIVE = new Set(["'s", "’s", "'", "’"]);
const NOT_TITLE_ALONE = /^(i|it|he|she|we|they|you|this|that|there|these|those|his|her|their|its|when|what|which|who|but|if|so|as|now|then|last|next|and|or|in|on|at|the|a|an)$/;
const STAR = new Set(["starred", "stars", "starring", "star", "co-starred", "co-starring"]);

const capital = (u: Unit | undefined) => !!u && /^[\p{Lu}\d]/u.test(u.text);
const upper = (u: Unit | undefined) => !!u && /^\p{Lu}/u.test(u.text);

/** The title at unit k: quoted, or a run of capitalised words with small words inside; [first, last) in units. */
function titleAt(us: Unit[], k: number, inList: boolean, strict = false): [number, number] | undefined {
  if (k >= us.length) return undefined;
  if (QUOTES.has(us[k]!.text)) {
    let end = k + 1;
    while (end < us.length && end - k <= 12 && !QUOTES.has(us[end]!.text)) end++;
    if (end >= us.length || end === k + 1 || end - k > 12 || !capital(us[k + 1])) return undefined;
    // a quotation ending in its own punctuation is speech, not a title
    if (/^[.,!?]$/.test(us[end - 1]!.text)) return undefined;
    return [k + 1, end];
  }
  if (!upper(us[k])) return undefined;
  let end = k + 1;
  for (;;) {
    if (capital(us[end]) && !QUOTES.has(us[end]!.text)) end++;
    // "New Year's Day": a possessive between capitalised words
    else if (POSSESSIVE.has(us[end]?.lower ?? "") && upper(us[end + 1])) end += 2;
    // "I Still Haven't Found What I'm Looking For": the rest of a word wink split
    else if (end < us.length && /^(n['’]t|['’](m|re|ve|ll|d))$/i.test(us[end]!.text) && us[end]!.start === us[end - 1]!.end) end++;
    else {
      // small words, then a capitalised one that is not a place or a date: "Christmas with the Kranks", not "Sideways in Britain"
      let j = end;
      while (j < us.length && j - end < 3 && TITLE_SMALL.has(us[j]!.lower)) j++;
      if (j === end || !upper(us[j]) || PLACES.has(us[j]!.lower) || CALENDAR.test(us[j]!.lower) || BROADCAST.has(us[j]!.lower)) break;
      // "Here We Go Again with Norah Jones": a person's name after a small word is not the title's
      if (FIRST_NAMES.has(us[j]!.text) && upper(us[j + 1]) && us.slice(end, j).every((u) => u.lower !== "of")) break;
      // in a list "A, B and C" an "and" ends a title unless it joins two single words ("Over and Over")
      if (inList && us.slice(end, j).some((u) => u.lower === "and") && (strict || end - k > 1 || capital(us[j + 1]))) break;
      end = j + 1;
    }
    // "Malcolm X. Attallah Shabazz": an abbreviation's full stop ends the sentence as often as not
    if (us[end - 1]!.text.length > 1 && us[end - 1]!.text.endsWith(".")) break;
    if (end - k > 10) return undefined;
  }
  // "the Oscar-nominated film": a compound adjective is no title
  if (/-[a-z]+$/.test(us[k]!.text) && end - k === 1) return undefined;
  if (end - k === 1 && NOT_TITLE_ALONE.test(us[k]!.lower)) return undefined;
  return [k, end];
}

/** Is the title [i, j) something other than a work: a place, a nationality, a party, a title word, a known firm? */
function notAWork(us: Unit[], i: number, j: number, known: "none" | "org" | "name"): boolean {
  const lower = us.slice(i, j).map((u) => u.lower).join(" ");
  if (PLACES.has(lower) || ORG_SPELLINGS.has(lower)) return true;
  if (DEMONYMS.has(us[i]!.lower) || AFFILIATIONS.has(us[i]!.lower) || isTitle(us[i]!.lower.replace(/\.$/, ""))) return true;
  if (j - i === 1 && CALENDAR.test(us[i]!.lower)) return true;
  // "the Google toolbar", "the BBC programme", "the Beatles album": a name the training text knew as an organisation
  // (a show may be named after its presenter: "the Jonathan Dimbleby programme")
  if (known !== "none") {
    const cls = entityModel().lexicons.names.get(lower) ?? entityModel().lexicons.names.get(lower.replace(/^the /, ""));
    if (cls === "ORG" || (known === "name" && (cls === "PER" || cls === "LOC"))) return true;
  }
  return false;
}

interface Found {
  sentence: number;
  first: number; // units
  last: number; // units, exclusive
  /** Whether the title's other mentions in the article are the work too (not for "the Jeremy Vine show"). */
  spread: boolean;
}

/** Does a broadcaster's name end at unit k: "Channel 4", "BBC One", "ITV1", "Radio 4", "BBC"? */
function channelEndsAt(us: Unit[], k: number): boolean {
  for (let i = k; i >= 0 && k - i < 3; i--) {
    if (BROADCAST.has(us[i]!.lower)) return us.slice(i, k + 1).every((x) => capital(x));
    if (!capital(us[i])) return false;
  }
  return false;
}

/** Does the cue at k open a list: "singles include", "hits, including", "songs such as"? */
function listAt(us: Unit[], k: number): boolean {
  return LIST_CUES.has(us[k]!.lower) && (LIST_OPENERS.has(us[k + 1]?.lower ?? "") || (us[k + 1]?.text === "," && LIST_OPENERS.has(us[k + 2]?.lower ?? "")) || upper(us[k + 1]) || openerAfterOf(us, k) > 0);
}

/** "albums of the day include", "singles of the year including": the unit after the opener, or 0. */
function openerAfterOf(us: Unit[], k: number): number {
  if (us[k + 1]?.lower !== "of") return 0;
  for (let j = k + 2; j < us.length && j - k <= 5; j++) {
    if (us[j]!.lower === "include" || us[j]!.lower === "included" || us[j]!.lower === "including") return j + 1;
    if (upper(us[j]) || us[j]!.pos === "PUNCT" || us[j]!.pos === "VERB") return 0;
  }
  return 0;
}

/** The titles one sentence marks, as unit ranges. */
function sentenceTitles(us: Unit[], entities: EntitySpan[], sports: boolean): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  /** The model's reading of units [i, j) as one name of a CoNLL type, and how sure it is. */
  const model = (i: number, j: number) => entities.find((e) => e.first === us[i]!.first && e.last === us[j - 1]!.last && (e.type === "Person" || e.type === "Organization" || e.type === "Location"));
  const taken = (i: number, j: number) => out.some(([a, b]) => a < j && i < b);
  for (let k = 0; k < us.length; k++) {
    const u = us[k]!;
    const lower = u.lower;
    // a cue after the title: "the X album", "Nintendo's DS handheld"
    // an award: "the Golden Rose television awards", "Mobo award organisers"
    if (AWARDS.has(lower) && u.text === lower && k > 1 && !capital(us[k - 1]) && AWARD_KINDS.has(us[k - 1]!.lower) && capital(us[k - 2])) {
      let i = k - 2;
      while (i > 0 && k - i < 6 && capital(us[i - 1])) i--;
      if (us[i]!.lower === "the") i++;
      if (i < k - 1 && upper(us[i]) && !taken(i, k - 1) && !notAWork(us, i, k - 1, "name") && !us.slice(i, k - 1).some((x) => BROADCAST.has(x.lower))) out.push([i, k - 1, true]);
    }
    after: if ((WORK_AFTER.has(lower) || AWARDS.has(lower)) && u.text === lower && u.pos !== "VERB" && k > 0 && capital(us[k - 1])) {
      if (sports && SPORTS_NOT.has(lower)) break after;
      let i = k - 1;
      // back over capitalised words and the small words inside a title ("the Lord of the Rings film")
      const inside = (j: number) => TITLE_SMALL.has(us[j]!.lower) && !/^(and|or)$/.test(us[j]!.lower) && (/^(the|a|an)$/.test(us[j]!.lower) ? /^(of|in|on|with|to|for|from|at)$/.test(us[j - 1]?.lower ?? "") : capital(us[j - 1]));
      while (i > 0 && k - i < 8 && (capital(us[i - 1]) || inside(i - 1))) i--;
      let before = us[i - 1]?.lower ?? "";
      if (POSSESSIVE.has(before) && us[i - 1]!.start !== us[i - 2]?.end) before = "";
      // "The Achtung Baby album": the article opens the phrase, it is not the title's
      if (us[i]!.lower === "the") (before = "the"), i++;
      if (i >= k) break after;
      // "a new version of Internet Explorer browser": a product's noun after "of" too
      if (!(before === "the" || POSSESSIVE.has(before) || /^(his|her|their|its|new|latest)$/.test(before) || (PRODUCT_AFTER.has(lower) && before === "of"))) break after;
      if (i === k - 1 && NOT_TITLE_ALONE.test(us[i]!.lower)) break after;
      // "the 12th film"; "the ITV1 show", "the CNN programme": a channel's short name
      if (!upper(us[i]) || (i === k - 1 && (lower === "show" || lower === "programme") && /^[A-Z0-9]{2,}$/.test(us[i]!.text))) break after;
      // "the Channel 4 show", "the Radio 1 programme": a channel; "a TV show"
      if (us.slice(i, k).some((x) => BROADCAST.has(x.lower))) break after;
      const show = lower === "programme" || lower === "show";
      // "its PSP console", "Nintendo's DS handheld": after a possessive the name is the product, whatever the training text made of it
      const owned = PRODUCT_AFTER.has(lower) && (POSSESSIVE.has(before) || /^(his|her|their|its)$/.test(before));
      if (taken(i, k) || notAWork(us, i, k, owned ? "none" : show ? "org" : "name")) break after;
      // "the latest Eminem album", "the Whitney Houston film": a person's work; a show named after its host
      // ("the Jeremy Vine show") is a title, but the name elsewhere is the person's
      const person = model(i, k)?.type === "Person" || (k - i === 2 && FIRST_NAMES.has(us[i]!.text));
      if (person && !show) break after;
      out.push([i, k, !person]);
    }
    // a channel's show: "Channel 4's Supernanny", "BBC One's Strictly Come Dancing" (not "the BBC's Andrew Marr")
    if (POSSESSIVE.has(lower) && k > 0 && u.start === us[k - 1]!.end && channelEndsAt(us, k - 1) && !sports) {
      const t = titleAt(us, k + 1, false);
      // "the BBC's Zubair Ahmed in Mumbai": a reporter
      const person = !!t && entities.some((e) => e.type === "Person" && e.first === us[t[0]]!.first);
      if (t && !taken(t[0], t[1]) && !notAWork(us, t[0], t[1], "none") && !FIRST_NAMES.has(us[t[0]]!.text) && !person && !PLACES.has(us[t[0]]!.lower)) {
        out.push([...t, true]);
        k = t[1] - 1;
        continue;
      }
    }
    // a cue before the title
    if ((WORK_BEFORE.has(lower) || STAR.has(lower)) && (u.text === lower || k === 0)) {
      if (sports && (SPORTS_NOT.has(lower) || STAR.has(lower))) continue;
      let at = k + 1;
      if (STAR.has(lower)) {
        // "starred in X", "star of the X franchise"
        const prep = us[k + 1]?.lower;
        if (!(prep === "in" || (prep === "of" && lower === "star"))) continue;
        at = k + 2;
        if (us[at]?.lower === "the" && upper(us[at + 1])) at++;
      } else {
        // a noun here: after a determiner or an adjective ("their hit Vertigo", which wink may tag a verb), or tagged one
        // or after a broadcaster's name: "Channel 4 show Faking It", "BBC hits A and B"
        // a word that is never a verb, after a noun: "the gritty abortion drama Vera Drake"
        const noun = BEFORE_AMBIGUOUS.has(us[k - 1]?.lower ?? "") || us[k - 1]?.pos === "ADJ" || channelEndsAt(us, k - 1) || (NEVER_VERBS.has(lower) && u.pos === "NOUN" && us[k - 1]?.pos === "NOUN" && us[k - 1]!.text === us[k - 1]!.lower);
        if (lower === "single" && /^(a|an)$/.test(us[k - 1]?.lower ?? "")) continue;
        if (!noun && !(listAt(us, k) && !upper(us[k + 1])) && (u.pos === "VERB" || u.pos === "AUX" || AMBIGUOUS.has(lower))) continue;
      }
      // "Microsoft's two previous programs, Passport and Hailstorm,": an apposed list of two or more
      const listed = us[k + 1]?.text === "," && upper(us[k + 2]) && (BEFORE_AMBIGUOUS.has(us[k - 1]?.lower ?? "") || us[k - 1]?.pos === "ADJ" || us[k - 1]?.pos === "NUM") && LIST_CUES.has(lower);
      if (listAt(us, k) || listed) {
        // "singles include A, B, C and D", "songs such as A and B", "hits, including A and B"
        at = listed ? k + 2 : openerAfterOf(us, k) || (us[k + 1]!.text === "," ? k + 3 : upper(us[k + 1]) ? k + 1 : k + 2);
        if (us[at]?.lower === "as") at++;
        const items: [number, number, boolean][] = [];
        let joined = false;
        for (;;) {
          let t = titleAt(us, at, true, listed);
          // "U2's Joshua Tree", "Public Enemy's Fight The Power": the owner is not the work
          if (t) {
            const p = us.slice(t[0], t[1]).findIndex((x, n) => n > 0 && POSSESSIVE.has(x.lower) && x.start === us[t![0] + n - 1]!.end);
            const after = p > 0 && t[0] + p + 1 < t[1] ? model(t[0] + p + 1, t[1]) : undefined;
            // (the part after it read as a name of its own, or an acronym's band before it: "Schindler's List" stays whole)
            if (p > 0 && (after || (p === 1 && /^[A-Z0-9]{2,}$/.test(us[t[0]]!.text))) && us[t[0]]!.pos !== "PRON") t = [t[0] + p + 1, t[1]];
          }
          if (!t || taken(t[0], t[1]) || notAWork(us, t[0], t[1], "none")) break;
          items.push([...t, true]);
          at = t[1];
          if (QUOTES.has(us[at]?.text ?? "")) at++;
          // "Who's Next by The Who": the maker after "by"
          if (us[at]?.lower === "by" && upper(us[at + 1])) {
            at++;
            while (at < us.length && (capital(us[at]) || (us[at]!.lower === "the" && upper(us[at + 1])))) at++;
          }
          if (us[at]?.text === "," && us[at + 1]?.lower === "and") (at += 2), (joined = true);
          else if (us[at]?.text === "," || us[at]?.lower === "and") (joined ||= us[at]!.lower === "and"), at++;
          else break;
        }
        // a persons' list is not a works' one ("in two films, Tom Hanks and ...")
        if (listed && (!joined || items.length < 2 || items.some(([a]) => FIRST_NAMES.has(us[a]!.text)))) continue;
        out.push(...items);
        continue;
      }
      // "their third album, War, saw them": a title between commas
      const apposed = us[at]?.text === "," && !STAR.has(lower) && !lower.endsWith("s");
      if (PRODUCT_PLURALS.has(lower)) continue;
      const t = titleAt(us, apposed ? at + 1 : at, false);
      if (!t || taken(t[0], t[1]) || notAWork(us, t[0], t[1], "none")) continue;
      // "to star in Broadway play", "starred in Hughes' 1943 film": the name only qualifies what follows
      if (STAR.has(lower) && (POSSESSIVE.has(us[t[1]]?.lower ?? "") || (us[t[1]]?.pos === "NOUN" && us[t[1]]!.text === us[t[1]]!.lower))) continue;
      if (apposed && (us[t[1]]?.text !== "," || FIRST_NAMES.has(us[t[0]]!.text))) continue;
      // a person's full name is the subject of what follows ("in the film Tom Hanks plays a pilot")
      const next = us[t[1]];
      if (t[1] - t[0] >= 2 && FIRST_NAMES.has(us[t[0]]!.text) && next && (next.pos === "VERB" || next.pos === "AUX")) continue;
      // "a downloaded movie NEC is showing": a name the model is sure of, the subject of the next clause
      const read = model(t[0], t[1]);
      if (read?.type === "Organization" && read.typeConfidence >= 0.9 && next && (next.pos === "VERB" || next.pos === "AUX")) continue;
      out.push([...t, true]);
      k = t[1] - 1;
      continue;
    }
  }
  return out;
}

/** Titles of works and products in an article (see the file's comment); edits `results` in place. */
export function works(sentences: Token[][], units: Unit[][], results: (SentenceEntities & { error?: unknown })[], sports: boolean): void {
  const found: Found[] = [];
  units.forEach((us, s) => {
    if (results[s]!.error !== undefined) return;
    for (const [first, last, spread] of sentenceTitles(us, results[s]!.entities, sports)) found.push({ sentence: s, first, last, spread });
  });
  if (found.length === 0) return;
  const titles = new Map<string, number>();
  for (const f of found) {
    const us = units[f.sentence]!;
    const words = us.slice(f.first, f.last).map((u) => u.text);
    place(sentences[f.sentence]!, us, results[f.sentence]!, f.first, f.last, true);
    if (f.spread) titles.set(words.join(" "), words.length);
  }
  // the same title elsewhere in the article
  if (titles.size === 0) return;
  const firstWords = new Set([...titles.keys()].map((t) => t.split(" ", 1)[0]!));
  const longest = Math.max(...titles.values());
  results.forEach((r, s) => {
    if (r.error !== undefined) return;
    const us = units[s]!;
    for (let i = 0; i < us.length; i++) {
      if (!firstWords.has(us[i]!.text)) continue;
      for (let n = Math.min(longest, us.length - i); n >= 1; n--) {
        const key = us.slice(i, i + n).map((u) => u.text).join(" ");
        if (!titles.has(key)) continue;
        // standing alone: no capitalised word either side it would be cut from
        if (capital(us[i + n]) && !QUOTES.has(us[i + n]!.text)) continue;
        if (i > 0 && capital(us[i - 1]) && !QUOTES.has(us[i - 1]!.text) && !(us[i - 1]!.lower === "the" && i - 1 === 0)) continue;
        // an ordinary word alone ("War", "Pop") only where the model found a name
        const model = r.entities.find((e) => e.first === us[i]!.first && e.last === us[i + n - 1]!.last);
        if (n === 1 && isOrdinaryWord(us[i]!.lower) && !model) continue;
        place(sentences[s]!, us, r, i, i + n, false);
        i += n - 1;
        break;
      }
    }
  });
}

/** Makes units [i, j) of a sentence an Other entity, in place of what the model read inside it. */
function place(tokens: Token[], us: Unit[], r: SentenceEntities, i: number, j: number, cued: boolean): void {
  const first = us[i]!.first;
  const last = us[j - 1]!.last;
  const inside = r.entities.filter((e) => e.first < last && e.last > first);
  // a name reaching out of the title is read as a whole elsewhere: leave it
  if (inside.some((e) => e.first < first || e.last > last)) return;
  // equipment and events the rules know stay what they are
  if (inside.some((e) => e.type === "Equipment" || e.type === "Event")) return;
  if (inside.length === 1 && inside[0]!.type === "Other" && inside[0]!.first === first && inside[0]!.last === last) return;
  // not cued here: a gazetteer's place or firm, or a sure name, keeps the model's reading
  if (!cued && inside.some((e) => e.canonical)) return;
  const type: EntityType = "Other";
  r.entities = r.entities.filter((e) => !inside.includes(e));
  r.demonyms = r.demonyms.filter((d) => d.index < first || d.index >= last);
  r.affiliations = r.affiliations.filter((a) => a.last <= first || a.first >= last);
  const span = us.slice(i, j);
  const e: EntitySpan = { first, last, text: joinUnits(tokens, span), start: span[0]!.start, end: span[span.length - 1]!.end, type, canonical: undefined, title: undefined, typeConfidence: cued ? 0.8 : 0.7, words: span.map((u) => u.text) };
  r.entities.push(e);
  r.entities.sort((a, b) => a.first - b.first);
}
