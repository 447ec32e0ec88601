/**
 * An extraction thread of `kg worker`: says when its models are loaded, then
 * extracts one article a message and replies with the result as JSON and the
 * time extraction took.
 */
import { parentPort } from "node:worker_threads";
import { extractArticle, type ArticleInput } from "@kg/extract";
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
parentPort!.postMessage({ ready: true });
