/**
 * Limits how many requests a client has in flight at once; the others wait for a free
 * slot in the order they were made. Each backend allows 8 concurrent connections per client.
 */
export class RequestPool {
  readonly size: number;
  #active = 0;
  #waiting: Array<() => void> = [];

  constructor(size = 8) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
    this.size = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.size) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active++;
    try {
      return await task();
    } finally {
      this.#active--;
      this.#waiting.shift()?.();
    }
  }

  get waiting(): number {
    return this.#waiting.length;
  }
}
