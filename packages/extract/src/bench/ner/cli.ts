/**
 * NER benchmark on WikiGold (entity-level exact match, conlleval style).
 *
 *   tsx packages/extract/src/bench/ner/cli.ts [system.txt]
 *
 * With a file: scores that output (`token TAG` a line, aligned with the gold).
 * Without: runs `pnpm kg ner --conll <wikigold.conll>` from the repo root and scores its stdout.
 * Data comes from ../shared/bench/ner/ (or $KG_SHARED/bench/ner/).
 */
import { readFileSync } from "node:fs";
import { benchPath } from "../paths.ts";
import { forKg, systemOutput } from "../run-kg.ts";
import { HEADLINE_TYPES, scoreNer, type TypeScore } from "./score.ts";
import { runMain } from "../cli-main.ts";

const KNOWN = new Set<string>([...HEADLINE_TYPES, "MISC"]);

function row(name: string, s: TypeScore): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  return `  ${name.padEnd(14)} ${String(s.gold).padStart(6)} ${String(s.guessed).padStart(7)} ${String(s.correct).padStart(7)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log("usage: tsx packages/extract/src/bench/ner/cli.ts [system.txt]");
    return 0;
  }
  const goldPath = benchPath("ner", "wikigold.conll");
  const gold = readFileSync(goldPath, "utf8");

  const run = await systemOutput(argv, ["ner", "--conll", forKg(goldPath)], "NER");
  if (!run) return 1;
  const { system, label } = run;

  const s = scoreNer(gold, system);
  console.log(`WikiGold NER (${s.tokens} tokens, ${s.sentences} sentences)  system: ${label}`);
  console.log(`  ${"type".padEnd(14)} ${"gold".padStart(6)} ${"system".padStart(7)} ${"correct".padStart(7)} ${"P%".padStart(6)} ${"R%".padStart(6)} ${"F1%".padStart(6)}`);
  for (const t of HEADLINE_TYPES) console.log(row(t, s.byType[t]!));
  console.log(row("PER+ORG+LOC", s.headline));
  const rest = Object.keys(s.byType).filter((t) => !(HEADLINE_TYPES as readonly string[]).includes(t));
  for (const t of rest) console.log(row(KNOWN.has(t) ? `${t} (apart)` : `${t} (unknown)`, s.byType[t]!));
  const strays = rest.filter((t) => !KNOWN.has(t));
  if (strays.length) console.log(`  warning: the output uses type(s) the gold does not: ${strays.join(", ")} (counted nowhere in the headline)`);
  console.log(`PER/ORG/LOC micro F1: ${(100 * s.headline.f1).toFixed(1)}  (P ${(100 * s.headline.precision).toFixed(1)}, R ${(100 * s.headline.recall).toFixed(1)})`);
  return 0;
}

runMain(main);
