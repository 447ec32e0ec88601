/** A worker thread that extracts articles sent to it; results go back with their sequence number. */
import { parentPort } from "node:worker_threads";
import { extractArticle, type ArticleInput } from "newskg-extract";
import type { WorkerReply } from "./pool.ts";

parentPort!.on("message", (msg: { seq: number; article: ArticleInput }) => {
  let reply: WorkerReply;
  try {
    reply = { seq: msg.seq, json: JSON.stringify(extractArticle(msg.article)) };
  } catch (err) {
    reply = { seq: msg.seq, error: (err as Error).message, ...((err as Error).stack ? { stack: (err as Error).stack } : {}) };
  }
  parentPort!.postMessage(reply);
});
