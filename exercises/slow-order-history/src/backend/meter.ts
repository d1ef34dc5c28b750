// Counts calls to backend services. Production wires it into the service clients and
// exports the counts per request as the `backend_calls` metric; tests read it directly.
export class BackendMeter {
  private readonly counts = new Map<string, number>();

  record(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  count(operation: string): number {
    return this.counts.get(operation) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** One network round trip to a backend service (the in-memory clients resolve on the next tick). */
export function roundTrip(): Promise<void> {
  return Promise.resolve();
}
