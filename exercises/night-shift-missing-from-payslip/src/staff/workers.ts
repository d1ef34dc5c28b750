export type Worker = {
  id: string;
  name: string;
  team: 'inbound' | 'outbound' | 'returns';
  /** Gross hourly wage in euro cents. */
  hourlyRateCents: number;
  active: boolean;
};

export class WorkerDirectory {
  private readonly workers = new Map<string, Worker>();

  add(worker: Worker): void {
    if (!/^W\d{3,5}$/.test(worker.id)) throw new Error(`invalid worker id "${worker.id}"`);
    if (!Number.isInteger(worker.hourlyRateCents) || worker.hourlyRateCents <= 0) {
      throw new Error(`worker ${worker.id} has an invalid hourly rate`);
    }
    this.workers.set(worker.id, { ...worker });
  }

  get(id: string): Worker | undefined {
    const worker = this.workers.get(id);
    return worker ? { ...worker } : undefined;
  }

  active(): Worker[] {
    return [...this.workers.values()].filter((worker) => worker.active).map((worker) => ({ ...worker }));
  }
}
