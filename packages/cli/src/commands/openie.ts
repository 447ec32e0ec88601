import { readFile } from "node:fs/promises";
import { openie, toCarbLines } from "newskg-extract";

/** `kg openie sentences.txt`: one tokenised sentence a line in, CaRB system-output lines out. */
export async function openieCommand(file: string): Promise<number> {
  const text = await readFile(file, "utf8");
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const sentence = line.replace(/\r$/, "");
    if (!sentence.trim()) continue;
    out.push(...toCarbLines(sentence, openie(sentence)));
    if (out.length > 1000) process.stdout.write(out.splice(0).join("\n") + "\n");
  }
  if (out.length) process.stdout.write(out.join("\n") + "\n");
  return 0;
}
