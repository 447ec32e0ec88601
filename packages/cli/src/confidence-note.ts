/** Says how many triples the --min-confidence threshold kept out of a graph, and how to keep them: nothing is left out silently. */
export function belowConfidenceNote(count: number, minConfidence: number): string {
  return `${count} triple(s) less sure than --min-confidence ${minConfidence} left out (--min-confidence 0 keeps them all)`;
}
