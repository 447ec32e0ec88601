import { readFile } from "node:fs/promises";
import { tagConll } from "@kg/extract";

/** `kg ner --conll file`: CoNLL tokens in, `token TAG` lines out, same tokens in the same order. */
export async function nerCommand(file: string): Promise<number> {
  const text = await readFile(file, "utf8");
  process.stdout.write(tagConll(text));
  return 0;
}
