export type Room = { name: string; deviceId: string; setpointC: number; batteryPct: number | null };

export type HomeConfig = {
  homeId: string;
  rooms: Record<string, Room>;
  awayUntil: string | null;
  updatedAt: string;
};

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function copy(home: HomeConfig): HomeConfig {
  return { ...home, rooms: Object.fromEntries(Object.entries(home.rooms).map(([id, room]) => [id, { ...room }])) };
}

/**
 * The cloud's document store: one document per home. Each call is one round trip
 * (about 5 ms). `update` runs the change on the server side in one step, like a
 * document database's atomic update.
 */
export class HomeStore {
  private readonly docs = new Map<string, HomeConfig>();
  private readonly latencyMs: number;

  constructor(latencyMs = 5) {
    this.latencyMs = latencyMs;
  }

  async load(homeId: string): Promise<HomeConfig> {
    await delay(this.latencyMs);
    const home = this.docs.get(homeId);
    if (!home) throw new Error(`unknown home ${homeId}`);
    const loaded = copy(home);
    this.seen.set(loaded, this.writes.get(homeId) ?? 0);
    return loaded;
  }

  /** Replaces the whole document. */
  async save(home: HomeConfig): Promise<void> {
    await delay(this.latencyMs);
    this.docs.set(home.homeId, { ...copy(home), updatedAt: new Date().toISOString() });
  }

  /**
   * Replaces the document only if nobody wrote it since `home` was loaded (compared by
   * updatedAt plus a write counter); false when it was changed in the meantime.
   */
  async saveIfUnchanged(home: HomeConfig): Promise<boolean> {
    await delay(this.latencyMs);
    const stored = this.docs.get(home.homeId);
    if (!stored || (this.writes.get(home.homeId) ?? 0) !== this.seen.get(home)) return false;
    this.bump(home.homeId);
    this.docs.set(home.homeId, { ...copy(home), updatedAt: new Date().toISOString() });
    return true;
  }

  private readonly writes = new Map<string, number>();
  private readonly seen = new WeakMap<HomeConfig, number>();

  private bump(homeId: string): void {
    this.writes.set(homeId, (this.writes.get(homeId) ?? 0) + 1);
  }

  async update(homeId: string, change: (home: HomeConfig) => void): Promise<HomeConfig> {
    await delay(this.latencyMs);
    const home = this.docs.get(homeId);
    if (!home) throw new Error(`unknown home ${homeId}`);
    const next = copy(home);
    change(next);
    this.bump(homeId);
    next.updatedAt = new Date().toISOString();
    this.docs.set(homeId, next);
    return copy(next);
  }

  /** For setting a home up (installer app) and for tests. */
  put(home: HomeConfig): void {
    this.docs.set(home.homeId, copy(home));
  }
}
