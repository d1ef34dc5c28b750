import { type ChargePointLink } from '../../src/chargers/charge-point';

/**
 * A charging site for tests: each connector has an energy register that grows while a car
 * draws power. Every meter read the back end makes is counted.
 */
export class TestSite implements ChargePointLink {
  readonly reads = new Map<string, number>();
  private readonly registers = new Map<string, { wh: number; kw: number; since: number }>();

  constructor(connectors: Record<string, number>) {
    for (const [id, wh] of Object.entries(connectors)) this.registers.set(id, { wh, kw: 0, since: Date.now() });
  }

  /** The car on `connectorId` starts drawing `kw` (0 to stop drawing). */
  draw(connectorId: string, kw: number): void {
    const register = this.register(connectorId);
    register.wh = this.currentWh(connectorId);
    register.kw = kw;
    register.since = Date.now();
  }

  readMeter(connectorId: string): number {
    this.reads.set(connectorId, (this.reads.get(connectorId) ?? 0) + 1);
    return this.currentWh(connectorId);
  }

  readsOf(connectorId: string): number {
    return this.reads.get(connectorId) ?? 0;
  }

  private currentWh(connectorId: string): number {
    const register = this.register(connectorId);
    return Math.round(register.wh + (register.kw * 1_000 * (Date.now() - register.since)) / 3_600_000);
  }

  private register(connectorId: string) {
    const register = this.registers.get(connectorId);
    if (!register) throw new Error(`no connector ${connectorId}`);
    return register;
  }
}
