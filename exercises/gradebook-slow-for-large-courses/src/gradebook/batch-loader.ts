/**
 * Collects the keys requested with load() while the current task runs and fetches them
 * together, at most `maxBatchSize` keys per call of `fetchBatch`, once that task is over.
 * Results are cached per key for the loader's lifetime, so a key is fetched at most once.
 * A key the batch function does not return resolves to undefined.
 */
export class BatchLoader<K, V> {
  readonly #fetchBatch: (keys: K[]) => Promise<Map<K, V>>;
  readonly #maxBatchSize: number;
  readonly #cache = new Map<K, Promise<V | undefined>>();
  #queue: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }> = [];
  #scheduled = false;

  constructor(fetchBatch: (keys: K[]) => Promise<Map<K, V>>, maxBatchSize: number) {
    this.#fetchBatch = fetchBatch;
    this.#maxBatchSize = maxBatchSize;
  }

  load(key: K): Promise<V | undefined> {
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => this.#queue.push({ key, resolve, reject }));
    this.#cache.set(key, promise);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setTimeout(() => this.#dispatch(), 0);
    }
    return promise;
  }

  loadMany(keys: readonly K[]): Promise<Array<V | undefined>> {
    return Promise.all(keys.map((key) => this.load(key)));
  }

  #dispatch(): void {
    const queue = this.#queue;
    this.#queue = [];
    this.#scheduled = false;
    for (let i = 0; i < queue.length; i += this.#maxBatchSize) {
      const batch = queue.slice(i, i + this.#maxBatchSize);
      this.#fetchBatch(batch.map((entry) => entry.key)).then(
        (results) => batch.forEach((entry) => entry.resolve(results.get(entry.key))),
        (error) => {
          for (const entry of batch) {
            this.#cache.delete(entry.key);
            entry.reject(error);
          }
        },
      );
    }
  }
}
