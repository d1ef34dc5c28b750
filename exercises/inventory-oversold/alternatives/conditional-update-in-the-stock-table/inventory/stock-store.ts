import { sleep } from '../infra/latency';

export class UnknownSkuError extends Error {
  constructor(sku: string) {
    super(`unknown SKU ${sku}`);
    this.name = 'UnknownSkuError';
  }
}

/**
 * Client for the inventory table (sku -> units available to sell). Every method is
 * one round trip; each statement is atomic on the database side, like a single
 * SQL statement would be.
 */
export class StockStore {
  private readonly levels = new Map<string, number>();
  private readonly latencyMs: number;

  constructor(initial: Record<string, number>, latencyMs: number) {
    for (const [sku, units] of Object.entries(initial)) this.levels.set(sku, units);
    this.latencyMs = latencyMs;
  }

  /** SELECT available FROM stock WHERE sku = $1 */
  async available(sku: string): Promise<number> {
    await sleep(this.latencyMs);
    return this.read(sku);
  }

  /** UPDATE stock SET available = $2 WHERE sku = $1 */
  async setAvailable(sku: string, units: number): Promise<void> {
    await sleep(this.latencyMs);
    this.read(sku);
    if (!Number.isInteger(units) || units < 0) throw new RangeError(`cannot set ${sku} to ${units} units`);
    this.levels.set(sku, units);
  }

  /**
   * UPDATE stock SET available = available - $2 WHERE sku = $1 AND available >= $2 RETURNING available
   * Resolves with the new level, or null (and changes nothing) when fewer than `units` are left.
   */
  async takeIfAvailable(sku: string, units: number): Promise<number | null> {
    await sleep(this.latencyMs);
    const available = this.read(sku);
    if (available < units) return null;
    this.levels.set(sku, available - units);
    return available - units;
  }

  /** UPDATE stock SET available = available + $2 WHERE sku = $1 RETURNING available */
  async adjust(sku: string, delta: number): Promise<number> {
    await sleep(this.latencyMs);
    const units = this.read(sku) + delta;
    this.levels.set(sku, units);
    return units;
  }

  /** Current levels without a round trip, for dashboards and tests. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.levels);
  }

  private read(sku: string): number {
    const units = this.levels.get(sku);
    if (units === undefined) throw new UnknownSkuError(sku);
    return units;
  }
}
