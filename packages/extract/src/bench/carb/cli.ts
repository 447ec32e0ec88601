/**
 * CaRB benchmark (open information extraction), dev split.
 *
 *   tsx packages/extract/src/bench/carb/cli.ts [system.tsv]
 *
 * With a file: scores that system output (`sentence \t confidence \t relation \t arg1 \t arg2 …`).
 * Without: runs `pnpm kg openie <dev-sentences.txt>` from the repo root and scores its stdout.
 * Data comes from ../shared/bench/carb/ (or $KG_SHARED/bench/carb/).
 */
import { readFileSync } from "node:fs";
import { benchPath } from "../paths.ts";
import { forKg, systemOutput } from "../run-kg.ts";
import { scoreCarb } from "./score.ts";
import { runMain } from "../cli-main.ts";

async function main(argv: string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log("usage: tsx packages/extract/src/bench/carb/cli.ts [system.tsv]");
    return 0;
  }
  const goldPath = benchPath("carb", "dev-gold.tsv");
  const gold = readFileSync(goldPath, "utf8");

  const run = await systemOutput(argv, ["openie", forKg(benchPath("carb", "dev-sentences.txt"))], "CaRB");
  if (!run) return 1;
  const { system, label } = run;

  const s = scoreCarb(gold, system);
  console.log(`CaRB dev (${s.goldSentences} sentences, ${s.goldTuples} gold tuples)  system: ${label}`);
  console.log(`  extractions   ${s.systemTuples}`);
  if (s.unknownSystemSentences > 0) {
    console.log(`  warning: ${s.unknownSystemSentences} system sentence(s) not found in the gold were ignored`);
  }
  console.log(`  precision     ${s.precision.toFixed(3)}`);
  console.log(`  recall        ${s.recall.toFixed(3)}`);
  console.log(`  F1            ${s.f1.toFixed(3)}` + (s.threshold === null ? "" : `   (best over thresholds, at confidence >= ${s.threshold})`));
  console.log(`  AUC           ${s.auc.toFixed(3)}`);
  if (s.curve.length === 1) console.log("  note: one constant confidence gives a single-point curve; graded confidences raise AUC");
  return 0;
}

runMain(main);
