/**
 * Named-entity scorer in the style of conlleval: entity-level exact match
 * (type and both boundaries), from CoNLL gold and a system output aligned
 * with it line by line.
 *
 * Gold:   `token [other columns…] TAG` lines, blank lines between sentences,
 *         `-DOCSTART-` lines between documents (WikiGold: IOB1, `I-PER` …).
 * System: `token TAG` lines, the same lines in the same order (blank lines and
 *         `-DOCSTART-` lines included). IOB1, IOB2 (and IOBES) are all read
 *         with conlleval's chunk rules, so they score the same.
 *
 * The reported figure is the micro average over PER, ORG and LOC; MISC (and
 * any other type the system emits) is reported on its own.
 */

export const HEADLINE_TYPES = ["PER", "ORG", "LOC"] as const;

export interface TypeScore {
  /** Entities in the gold, in the system output, and found exactly. */
  gold: number;
  guessed: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScore {
  /** Micro average over PER, ORG and LOC. */
  headline: TypeScore;
  /** Every type seen in gold or output, MISC and strays included. */
  byType: Record<string, TypeScore>;
  /** All types together, as conlleval's "overall" line. */
  overall: TypeScore;
  tokens: number;
  sentences: number;
}

interface Chunk {
  start: number;
  end: number;
  type: string;
}

interface Tok {
  token: string;
  prefix: string; // "O", "B", "I", "E", "S"
  type: string; // "" for O
}

const DOCSTART = "-DOCSTART-";

function parseTag(tag: string, where: string): { prefix: string; type: string } {
  if (tag === "O") return { prefix: "O", type: "" };
  const m = /^([BIES])-(.+)$/.exec(tag);
  if (!m) throw new Error(`NER ${where}: tag ${JSON.stringify(tag)} is neither O nor B-/I-/E-/S-TYPE`);
  return { prefix: m[1]!, type: m[2]! };
}

/** One entry a line: a token, or null for a sentence boundary. Trailing blank lines dropped. */
function parseLines(text: string, what: string): (Tok | null)[] {
  const raw = text.split(/\r?\n/);
  while (raw.length > 0 && !raw[raw.length - 1]!.trim()) raw.pop();
  return raw.map((line, n) => {
    if (!line.trim()) return null;
    const fields = line.trim().split(/\s+/);
    const where = `${what} line ${n + 1}`;
    if (fields.length < 2) throw new Error(`NER ${where}: expected "token TAG", got ${JSON.stringify(line)}`);
    const token = fields[0]!;
    const tag = fields[fields.length - 1]!;
    return { token, ...parseTag(tag, where) };
  });
}

function showLine(t: Tok | null): string {
  return t === null ? "a blank line" : JSON.stringify(t.token);
}

/** Throws unless the two files have the same tokens and boundaries on the same lines. */
function checkAlignment(gold: (Tok | null)[], sys: (Tok | null)[]): void {
  const n = Math.min(gold.length, sys.length);
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const s = sys[i]!;
    if ((g === null) !== (s === null) || (g && s && g.token !== s.token)) {
      throw new Error(
        `NER: system output is not aligned with the gold at line ${i + 1}: gold has ${showLine(g)}, system has ${showLine(s)}. ` +
          `The output must repeat the gold's tokens, blank lines and ${DOCSTART} lines, one a line, in order.`,
      );
    }
  }
  if (gold.length !== sys.length) {
    throw new Error(`NER: system output has ${sys.length} lines but the gold has ${gold.length} (trailing blank lines aside)`);
  }
}

// conlleval's chunk boundary rules (IOB1, IOB2, IOBES alike).
function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  return (
    prevTag === "E" ||
    prevTag === "S" ||
    (prevTag === "B" && (tag === "B" || tag === "S" || tag === "O")) ||
    (prevTag === "I" && (tag === "B" || tag === "S" || tag === "O")) ||
    (prevTag !== "O" && prevType !== type)
  );
}

function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  return (
    tag === "B" ||
    tag === "S" ||
    ((prevTag === "E" || prevTag === "S" || prevTag === "O") && (tag === "E" || tag === "I")) ||
    (tag !== "O" && prevType !== type)
  );
}

/** Entities of one tag sequence; sentence boundaries and -DOCSTART- lines act as O. */
export function chunks(seq: ({ prefix: string; type: string } | null)[]): Chunk[] {
  const out: Chunk[] = [];
  let prevTag = "O";
  let prevType = "";
  let open: Chunk | null = null;
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i];
    const tag = t ? t.prefix : "O";
    const type = t ? t.type : "";
    if (open && endOfChunk(prevTag, tag, prevType, type)) {
      open.end = i - 1;
      out.push(open);
      open = null;
    }
    if (startOfChunk(prevTag, tag, prevType, type)) open = { start: i, end: i, type };
    prevTag = tag;
    prevType = type;
  }
  if (open) {
    open.end = seq.length - 1;
    out.push(open);
  }
  return out;
}

function typeScore(gold: number, guessed: number, correct: number): TypeScore {
  const precision = guessed === 0 ? 0 : correct / guessed;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, guessed, correct, precision, recall, f1 };
}

/** Tag sequences with -DOCSTART- lines turned into boundaries. */
function tagSeq(toks: (Tok | null)[]): (Tok | null)[] {
  return toks.map((t) => (t && t.token === DOCSTART ? null : t));
}

/** Scores typed items found by a system against the gold: an item counts when its key (boundaries) and type both match. */
export function scoreItems(gold: { key: string; type: string }[], system: { key: string; type: string }[]): Pick<NerScore, "headline" | "byType" | "overall"> {
  const goldKeys = new Set(gold.map((c) => `${c.key}:${c.type}`));
  const counts = new Map<string, { gold: number; guessed: number; correct: number }>();
  const entry = (type: string) => {
    let e = counts.get(type);
    if (!e) counts.set(type, (e = { gold: 0, guessed: 0, correct: 0 }));
    return e;
  };
  for (const t of HEADLINE_TYPES) entry(t);
  for (const c of gold) entry(c.type).gold++;
  for (const c of system) {
    const e = entry(c.type);
    e.guessed++;
    if (goldKeys.has(`${c.key}:${c.type}`)) e.correct++;
  }

  const byType: Record<string, TypeScore> = {};
  let hg = 0, hs = 0, hc = 0, og = 0, os = 0, oc = 0;
  for (const [type, e] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = typeScore(e.gold, e.guessed, e.correct);
    og += e.gold;
    os += e.guessed;
    oc += e.correct;
    if ((HEADLINE_TYPES as readonly string[]).includes(type)) {
      hg += e.gold;
      hs += e.guessed;
      hc += e.correct;
    }
  }
  return { headline: typeScore(hg, hs, hc), byType, overall: typeScore(og, os, oc) };
}

export function scoreNer(goldText: string, systemText: string): NerScore {
  const gold = parseLines(goldText, "gold");
  const sys = parseLines(systemText, "system");
  checkAlignment(gold, sys);

  const item = (c: Chunk) => ({ key: `${c.start}:${c.end}`, type: c.type });
  const scores = scoreItems(chunks(tagSeq(gold)).map(item), chunks(tagSeq(sys)).map(item));

  let tokens = 0;
  let sentences = 0;
  let inSentence = false;
  for (const t of tagSeq(gold)) {
    if (t) {
      tokens++;
      if (!inSentence) sentences++;
      inSentence = true;
    } else inSentence = false;
  }

  return { ...scores, tokens, sentences };
}
