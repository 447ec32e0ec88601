/**
 * The gold news dev set's errors by class (missed, spurious, wrong type, wrong span), each in its
 * context, for reading while fixing the recogniser (printed, never written into the repository).
 *   tsx scripts/ner/errors.ts [--type MISC] [--class missed] [--summary]
 */
import { loadNewsGold, type Span } from "../../packages/extract/src/bench/ner/news.ts";
import { articleMentions } from "../../packages/extract/src/ner/mentions.ts";

const argv = process.argv.slice(2);
const opt = (k: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
const onlyType = opt("--type");
const onlyClass = opt("--class");
const summary = argv.includes("--summary");
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const lines: string[] = [];
for (const a of loadNewsGold()) {
  const sys: Span[] = articleMentions({ id: a.ref, text: a.text }).map((m) => [m.start, m.end, m.conll]);
  const ctx = (s: number, e: number) => `${a.text.slice(Math.max(0, s - 50), s).replace(/\s+/g, " ")}[[${a.text.slice(s, e)}]]${a.text.slice(e, e + 40).replace(/\s+/g, " ")}`;
  const key = (x: Span) => `${x[0]}:${x[1]}`;
  const sysBy = new Map(sys.map((x) => [key(x), x]));
  const goldBy = new Map(a.mentions.map((x) => [key(x), x]));
  const overlap = (x: Span, y: Span) => x[0] < y[1] && y[0] < x[1];
  const report = (cls: string, type: string, text: string) => {
    bump(`${cls} ${type}`);
    if ((!onlyType || type.includes(onlyType)) && (!onlyClass || cls === onlyClass)) lines.push(`${cls.padEnd(8)} ${type.padEnd(9)} ${a.ref}  ${text}`);
  };
  for (const g of a.mentions) {
    const s = sysBy.get(key(g));
    if (s) {
      if (s[2] !== g[2]) report("type", `${g[2]}>${s[2]}`, ctx(g[0], g[1]));
      continue;
    }
    const ov = sys.filter((x) => overlap(x, g));
    if (ov.length) report("span", g[2], ctx(g[0], g[1]) + "   sys: " + ov.map((x) => `${a.text.slice(x[0], x[1])}/${x[2]}`).join(", "));
    else report("missed", g[2], ctx(g[0], g[1]));
  }
  for (const s of sys) {
    if (goldBy.has(key(s))) continue;
    if (a.mentions.some((g) => overlap(g, s))) continue; // counted as span above
    report("spur", s[2], ctx(s[0], s[1]));
  }
}
if (!summary) console.log(lines.sort().join("\n"));
console.log([...counts].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k}: ${n}`).join("\n"));
