/**
 * The articles our gold sets annotate, read from ../shared (never copied into
 * the repo). A gold article is named by where it lives under
 * `shared/bench/news/`: `bbc/business/001.txt` for a BBC file,
 * `reuters21578/reut-123` for a record of the Reuters JSON Lines file.
 * Annotations carry the sha256 of the text they were made on, so a changed
 * copy is caught instead of scored with shifted offsets.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { benchPath } from "../paths.ts";

export interface GoldArticle {
  /** `bbc/<section>/<file>` or `reuters21578/<record id>`. */
  ref: string;
  /** The id `kg extract` gives it: the path inside the BBC folder, or the JSONL record's id. */
  kgId: string;
  text: string;
  title?: string;
  date?: string;
}

const REUTERS_FILE = () => benchPath("news", "reuters21578", "articles.jsonl");
let reuters: Map<string, { id: string; title?: string; date?: string; text: string }> | undefined;

function reutersRecords() {
  if (!reuters) {
    reuters = new Map();
    for (const line of readFileSync(REUTERS_FILE(), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; title?: string; date?: string; text: string };
      reuters.set(r.id, r);
    }
  }
  return reuters;
}

/** Every Reuters record, in file order. */
export function allReutersIds(): string[] {
  return [...reutersRecords().keys()];
}

export function readGoldArticle(ref: string): GoldArticle {
  if (ref.startsWith("bbc/")) {
    const text = readFileSync(benchPath("news", ref), "utf8");
    return { ref, kgId: ref.slice("bbc/".length), text };
  }
  if (ref.startsWith("reuters21578/")) {
    const id = ref.slice("reuters21578/".length);
    const r = reutersRecords().get(id);
    if (!r) throw new Error(`gold: no Reuters record ${id} in ${REUTERS_FILE()}`);
    return { ref, kgId: id, text: r.text, title: r.title, date: r.date };
  }
  throw new Error(`gold: unknown article reference ${JSON.stringify(ref)} (want bbc/<section>/<file> or reuters21578/<id>)`);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
