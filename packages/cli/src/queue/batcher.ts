/**
 * Jobs of one `kg worker` gathered into batches for the sinks: a batch is
 * committed when it holds `size` articles, when nothing else this worker
 * holds is still being extracted (no point waiting), or `maxWaitMs` after its
 * first article came. One commit at a time. Each article's promise settles
 * when its batch has committed (or failed): only then is its job acknowledged.
 */

export interface BatchOptions<T> {
  size: number;
  maxWaitMs: number;
  /** Commits the batch; returns, for each item, the error that kept it out (undefined: committed). */
  commit: (items: T[]) => Promise<(Error | undefined)[]>;
  /** True when no job this worker holds is still being extracted. */
  idle: () => boolean;
}

interface Entry<T> {
  item: T;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class Batcher<T> {
  private entries: Entry<T>[] = [];
  private committing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: BatchOptions<T>) {}

  get size(): number {
    return this.entries.length;
  }

  add(item: T): Promise<void> {
    const settled = new Promise<void>((resolve, reject) => this.entries.push({ item, resolve, reject }));
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.check(true);
    }, this.options.maxWaitMs);
    this.check();
    return settled;
  }

  /** Looks again whether a batch should go (call when an extraction ends without adding). */
  check(timeUp = false): void {
    if (this.committing || this.entries.length === 0) return;
    if (!timeUp && this.entries.length < this.options.size && !this.options.idle()) return;
    const batch = this.entries.splice(0, this.options.size);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.committing = true;
    void this.run(batch);
  }

  private async run(batch: Entry<T>[]): Promise<void> {
    try {
      const errors = await this.options.commit(batch.map((e) => e.item));
      batch.forEach((e, i) => (errors[i] ? e.reject(errors[i]) : e.resolve()));
    } catch (error) {
      for (const e of batch) e.reject(error as Error);
    } finally {
      this.committing = false;
      if (this.entries.length > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.check(true);
        }, this.options.maxWaitMs);
      }
      this.check();
    }
  }
}
