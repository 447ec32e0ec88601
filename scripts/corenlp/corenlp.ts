/**
 * Stanford CoreNLP's CRF entity recogniser, run from this Maven project at
 * training and benchmark time only (GPL, 470 MB: never a dependency of the
 * packages users install). Built on first use; see README.md here.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join, delimiter } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const classes = join(here, "target", "classes");
const lib = join(here, "target", "lib");
const mainClass = join(classes, "kg", "corenlp", "Label.class");

/** The two CRF models news work compares against. */
export const CORENLP_MODELS = {
  /** Trained on CoNLL-2003 (Reuters newswire): PER, ORG, LOC, MISC. The teacher. */
  conll4: "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz",
  /** Trained on CoNLL, MUC-6/7, ACE and more: PER, ORG, LOC. */
  all3: "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
} as const;
export type CoreNlpModel = keyof typeof CORENLP_MODELS;

export function ensureCoreNlp(log: (msg: string) => void = (m) => console.error(m)): void {
  const source = join(here, "src", "main", "java", "kg", "corenlp", "Label.java");
  if (existsSync(mainClass) && existsSync(lib) && statSync(mainClass).mtimeMs >= Math.max(statSync(source).mtimeMs, statSync(join(here, "pom.xml")).mtimeMs)) return;
  log("CoreNLP: building scripts/corenlp with Maven (the first time downloads about 490 MB)...");
  const r = spawnSync("mvn", ["-q", "-B", "package", "-DskipTests"], { cwd: here, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.error) throw new Error(`CoreNLP: cannot build scripts/corenlp: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`CoreNLP: Maven build failed (exit ${r.status}):\n${(r.stdout + r.stderr).split("\n").slice(-30).join("\n")}`);
}

/**
 * Runs the labeller: `mode` "spans" takes JSON Lines {id, text} and gives
 * {id, spans: [[start, end, type]]}; "conll" takes CoNLL and gives `token TAG` lines.
 */
export async function runCoreNlp(mode: "spans" | "conll", model: CoreNlpModel, input: string, threads = 2): Promise<string> {
  ensureCoreNlp();
  const args = ["-Xmx4g", "-cp", [classes, join(lib, "*")].join(delimiter), "kg.corenlp.Label", mode, CORENLP_MODELS[model], String(threads)];
  return await new Promise((resolve, reject) => {
    const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: string[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b.toString()));
    child.on("error", (e) => reject(new Error(`CoreNLP: cannot start java: ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`CoreNLP exited with ${code}:\n${err.join("").split("\n").slice(-20).join("\n")}`));
    });
    child.stdin.end(input);
  });
}
