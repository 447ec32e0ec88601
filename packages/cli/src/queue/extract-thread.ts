/**
 * An extraction thread of `kg worker`: says when its models are loaded, then
 * extracts one article a message and replies with the result as JSON and the
 * time extraction took. The models load on the first extraction, so a short
 * article is extracted before the thread says it is ready: the time limit of
 * an article is its own extraction's, not the models' loading (which takes
 * seconds on a busy machine, and again in a thread that replaces one stopped).
 */
import { parentPort } from "node:worker_threads";
import { extractArticle, type ArticleInput } from "newskg-extract";
import type { ThreadReply } from "./extractor.ts";

parentPort!.on("message", (msg: { seq: number; article: ArticleInput }) => {
  const started = performance.now();
  let reply: ThreadReply;
  try {
    const json = JSON.stringify(extractArticle(msg.article));
    reply = { seq: msg.seq, json, ms: performance.now() - started };
  } catch (err) {
    reply = { seq: msg.seq, error: (err as Error).message, ...((err as Error).stack ? { stack: (err as Error).stack } : {}), ms: performance.now() - started };
  }
  parentPort!.postMessage(reply);
});
extractArticle({ id: "warm-up", text: "Angela Merkel met Emmanuel Macron in Berlin on Tuesday." });
parentPort!.postMessage({ ready: true });
