type Waiter<T> = { resolve: (value: T | null) => void; reject: (error: unknown) => void };

/**
 * Collects the ids asked for while a page is being presented and fetches them together:
 * every load() made in the same tick ends up in one batch request (or a few, when there
 * are more ids than one request may carry). Results are matched by id, and an id the
 * service does not know resolves to null.
 */
export class BatchLoader<T extends { id: string }> {
  private readonly fetchBatch: (ids: string[]) => Promise<T[]>;
  private readonly maxBatch: number;
  private readonly loaded = new Map<string, Promise<T | null>>();
  private queue = new Map<string, Waiter<T>[]>();
  private scheduled = false;

  constructor(fetchBatch: (ids: string[]) => Promise<T[]>, maxBatch: number) {
    this.fetchBatch = fetchBatch;
    this.maxBatch = maxBatch;
  }

  load(id: string): Promise<T | null> {
    const known = this.loaded.get(id);
    if (known) return known;
    const promise = new Promise<T | null>((resolve, reject) => {
      const waiters = this.queue.get(id) ?? [];
      waiters.push({ resolve, reject });
      this.queue.set(id, waiters);
    });
    this.loaded.set(id, promise);
    if (!this.scheduled) {
      this.scheduled = true;
      void Promise.resolve().then(() => this.dispatch());
    }
    return promise;
  }

  private async dispatch(): Promise<void> {
    const queue = this.queue;
    this.queue = new Map();
    this.scheduled = false;
    const ids = [...queue.keys()];
    const batches: string[][] = [];
    for (let start = 0; start < ids.length; start += this.maxBatch) batches.push(ids.slice(start, start + this.maxBatch));
    await Promise.all(
      batches.map(async (batch) => {
        try {
          const byId = new Map((await this.fetchBatch(batch)).map((item) => [item.id, item]));
          for (const id of batch) for (const waiter of queue.get(id) ?? []) waiter.resolve(byId.get(id) ?? null);
        } catch (error) {
          for (const id of batch) for (const waiter of queue.get(id) ?? []) waiter.reject(error);
        }
      }),
    );
  }
}
