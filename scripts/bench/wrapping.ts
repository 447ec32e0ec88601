/**
 * `pnpm bench:wrapping [--limit N]`: what hard wrapping costs. The first N
 * (default 2,000) Reuters articles of ../shared/bench/news/reuters21578 are
 * extracted in process as they are (lines wrapped at about 70 characters,
 * paragraphs indented) and with every single line break joined into a space
 * (blank lines kept); the triples of both are counted. Wrapped text should
 * give (nearly) what the same text on long lines gives. (Joined, the
 * indented lines of a table of figures run together into one line, which
 * yields a few triples of its own, nearly all wrong.)
 */
import { extractArticle, type ArticleInput } from "newskg-extract";
import { readReuters } from "./corpus.ts";

const limitAt = process.argv.indexOf("--limit");
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : 2000;

/** Single line breaks (with the indentation after them) become spaces; a blank line stays. */
const unwrap = (text: string) => text.replace(/([^\n])\n(?!\s*\n)/g, "$1 ");

interface Count {
  triples: number;
  failed: number;
  problems: number;
}

function count(articles: ArticleInput[], text: (a: ArticleInput) => string): Count {
  const c: Count = { triples: 0, failed: 0, problems: 0 };
  for (const a of articles) {
    try {
      const x = extractArticle({ ...a, text: text(a) });
      c.triples += x.triples.length;
      c.problems += x.problems?.length ?? 0;
    } catch {
      c.failed++;
    }
  }
  return c;
}

const articles = await readReuters(limit);
const wrapped = count(articles, (a) => a.text);
const joined = count(articles, (a) => unwrap(a.text));
const line = (what: string, c: Count) => `${what}: ${c.triples.toLocaleString("en")} triples, ${c.failed} article(s) failed, ${c.problems} sentence(s) skipped`;
console.log(`${articles.length.toLocaleString("en")} Reuters articles`);
console.log(line("as they are (hard-wrapped)", wrapped));
console.log(line("single line breaks joined ", joined));
console.log(`wrapped / joined: ${((100 * wrapped.triples) / joined.triples).toFixed(1)} %`);
