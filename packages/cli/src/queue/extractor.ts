/**
 * Extraction for `kg worker`, off the main thread: the main thread keeps
 * talking to Redis (BullMQ renews the locks of the jobs it holds; a worker
 * that stops renewing them looks dead and loses its jobs) and to Neo4j while
 * the threads extract. One article at a time a thread, each with a time
 * limit: a thread that overruns it is stopped and replaced, and that article
 * fails with a message saying so (a few pathological texts take minutes).
 */
import { Worker } from "node:worker_threads";
import type { ArticleExtraction, ArticleInput } from "newskg-extract";
import { compileOnWorkerThreads } from "../pipeline/pool.ts";
// from the sources a plain-JavaScript entry registers tsx first (Node won't start a thread from .ts); built, the compiled thread
const THREAD = new URL(import.meta.url.endsWith(".ts") ? "./extract-thread.mjs" : "./extract-thread.js", import.meta.url);

export interface ThreadReply {
  seq: number;
  json?: string;
  error?: string;
  stack?: string;
  /** Time inside extractArticle. */
  ms: number;
}

export interface Extracted {
  result: ArticleExtraction;
  json: string;
  ms: number;
}

/** Why an article could not be extracted; the message is what the failed list shows. */
export class ExtractionError extends Error {
  override readonly name = "ExtractionError";
}

interface Task {
  seq: number;
  article: ArticleInput;
  resolve: (value: Extracted) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
}

export class Extractor {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private seq = 0;
  private closed = false;

  constructor(threads: number, private readonly timeoutMs: number) {
    compileOnWorkerThreads(true);
    for (let i = 0; i < threads; i++) this.slots.push(this.spawn());
  }

  /** Articles handed in and not yet extracted. */
  get busy(): number {
    return this.queue.length + this.slots.filter((s) => s.task).length;
  }

  extract(article: ArticleInput): Promise<Extracted> {
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.seq++, article, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ExtractionError("the worker is stopping"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    compileOnWorkerThreads(false);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(THREAD, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }), ready: false };
    slot.worker.on("message", (msg: ThreadReply | { ready: true }) => {
      if ("ready" in msg) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.seq !== msg.seq) return;
      clearTimeout(slot.timer);
      slot.task = undefined;
      if (msg.json !== undefined) task.resolve({ result: JSON.parse(msg.json) as ArticleExtraction, json: msg.json, ms: msg.ms });
      else task.reject(Object.assign(new ExtractionError(`extraction failed: ${msg.error ?? "unknown error"}`), msg.stack ? { stack: msg.stack } : {}));
      this.dispatch();
    });
    slot.worker.on("error", (error) => this.replace(slot, new ExtractionError(`extraction failed: the extraction thread crashed (${error.message})`)));
    slot.worker.on("exit", () => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new ExtractionError("extraction failed: the extraction thread exited"));
    });
    return slot;
  }

  /** Stops a thread (overrun or crashed), fails its article, and starts a new one in its place. */
  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    this.slots[index] = this.spawn();
    void slot.worker.terminate();
    task?.reject(error);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, new ExtractionError(`extraction took longer than ${this.timeoutMs / 1000} s, stopped`)), this.timeoutMs);
      slot.worker.postMessage({ seq: task.seq, article: task.article });
    }
  }
}
