const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type LoggedInterval = { meterId: string; intervalStart: string; kWh: number };

/**
 * The time-series store every ingested interval is appended to (one round trip per
 * append). The per-meter report and the electricians' tools read it.
 */
export class MeterLog {
  private readonly entries: LoggedInterval[] = [];

  async append(entry: LoggedInterval): Promise<void> {
    await sleep(2);
    this.entries.push({ ...entry });
  }

  /** kWh of one meter between two instants [from, to). */
  total(meterId: string, from: string, to: string): number {
    const sum = this.entries
      .filter((entry) => entry.meterId === meterId && entry.intervalStart >= from && entry.intervalStart < to)
      .reduce((total, entry) => total + entry.kWh, 0);
    return Math.round(sum * 1000) / 1000;
  }

  count(): number {
    return this.entries.length;
  }
}
