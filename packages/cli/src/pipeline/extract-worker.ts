/** A worker thread that extracts articles sent to it; results go back with their sequence number. */
import { parentPort } from "node:worker_threads";
import { extractArticle, type ArticleInput } from "@kg/extract";

parentPort!.on("message", (msg: { seq: number; article: ArticleInput }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, result: extractArticle(msg.article) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: (err as Error).message });
  }
});
