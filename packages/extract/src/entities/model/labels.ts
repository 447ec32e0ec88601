/**
 * The entity model's tag set: BILOU over CoNLL's four classes. A mention of
 * one word is U-x; longer ones are B-x I-x… L-x. BILOU rather than BIO because
 * a linear model then learns the end of a name from the words that end names
 * ("… Party", "… FC"), which helps boundaries most.
 */
export const ENTITY_CLASSES = ["PER", "ORG", "LOC", "MISC"] as const;
export type EntityClass = (typeof ENTITY_CLASSES)[number];

const PARTS = ["B", "I", "L", "U"] as const;
/** Label 0 is O; class c, part p is 1 + 4c + p. */
export const LABELS: readonly string[] = ["O", ...ENTITY_CLASSES.flatMap((c) => PARTS.map((p) => `${p}-${c}`))];
export const LABEL_COUNT = LABELS.length;

const partOf = (label: number) => (label === 0 ? "O" : PARTS[(label - 1) % 4]!);
const classOf = (label: number) => (label === 0 ? -1 : Math.floor((label - 1) / 4));
export const labelOf = (cls: number, part: "B" | "I" | "L" | "U") => 1 + 4 * cls + PARTS.indexOf(part);

/** Whether `next` may follow `prev` (-1: the sentence start). */
export function allowedTransition(prev: number, next: number): boolean {
  const p = prev < 0 ? "O" : partOf(prev);
  const n = partOf(next);
  if (p === "B" || p === "I") return (n === "I" || n === "L") && classOf(prev) === classOf(next);
  return n === "O" || n === "B" || n === "U";
}

/** Whether a sentence may end on `label`. */
export function allowedEnd(label: number): boolean {
  const p = partOf(label);
  return p !== "B" && p !== "I";
}

export interface ClassSpan {
  /** Unit indices, end exclusive. */
  first: number;
  last: number;
  cls: EntityClass;
}

export function spansToLabels(length: number, spans: ClassSpan[]): Uint8Array {
  const labels = new Uint8Array(length);
  for (const s of spans) {
    const c = ENTITY_CLASSES.indexOf(s.cls);
    if (s.last - s.first === 1) labels[s.first] = labelOf(c, "U");
    else {
      labels[s.first] = labelOf(c, "B");
      for (let k = s.first + 1; k < s.last - 1; k++) labels[k] = labelOf(c, "I");
      labels[s.last - 1] = labelOf(c, "L");
    }
  }
  return labels;
}

/** Reads spans back from a label sequence; a broken sequence (B without L) still gives its span. */
export function labelsToSpans(labels: ArrayLike<number>): ClassSpan[] {
  const spans: ClassSpan[] = [];
  let open = -1;
  let openClass = -1;
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k]!;
    const part = partOf(l);
    const cls = classOf(l);
    if (open >= 0 && (part === "O" || part === "B" || part === "U" || cls !== openClass)) {
      spans.push({ first: open, last: k, cls: ENTITY_CLASSES[openClass]! });
      open = -1;
    }
    if (part === "U") spans.push({ first: k, last: k + 1, cls: ENTITY_CLASSES[cls]! });
    else if (part === "B" || (part !== "O" && open < 0)) {
      open = k;
      openClass = cls;
    }
    if (part === "L" && open >= 0) {
      spans.push({ first: open, last: k + 1, cls: ENTITY_CLASSES[openClass]! });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ first: open, last: labels.length, cls: ENTITY_CLASSES[openClass]! });
  return spans;
}
