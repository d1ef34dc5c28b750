export type ValveCapabilities = { minC: number; maxC: number; stepC: number; firmware: string };

export class ValveOfflineError extends Error {
  constructor(deviceId: string) {
    super(`valve ${deviceId} is offline`);
    this.name = 'ValveOfflineError';
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Talks to the radiator valves through the home's hub. Every call is a radio round trip
 * (about 80 ms). In-memory here: each valve remembers the setpoint it was last given.
 */
export class ValveGateway {
  private readonly valves = new Map<string, { capabilities: ValveCapabilities; setpointC: number | null; online: boolean }>();
  readonly roundTripMs: number;

  constructor(roundTripMs = 80) {
    this.roundTripMs = roundTripMs;
  }

  install(deviceId: string, capabilities: ValveCapabilities): void {
    this.valves.set(deviceId, { capabilities: { ...capabilities }, setpointC: null, online: true });
  }

  setOnline(deviceId: string, online: boolean): void {
    this.valve(deviceId).online = online;
  }

  async capabilities(deviceId: string): Promise<ValveCapabilities> {
    await delay(this.roundTripMs);
    const valve = this.reachable(deviceId);
    return { ...valve.capabilities };
  }

  async pushSetpoint(deviceId: string, celsius: number): Promise<void> {
    await delay(this.roundTripMs);
    this.reachable(deviceId).setpointC = celsius;
  }

  /** What the valve is regulating to right now (read from the valve's last report). */
  currentSetpoint(deviceId: string): number | null {
    return this.valve(deviceId).setpointC;
  }

  private reachable(deviceId: string) {
    const valve = this.valve(deviceId);
    if (!valve.online) throw new ValveOfflineError(deviceId);
    return valve;
  }

  private valve(deviceId: string) {
    const valve = this.valves.get(deviceId);
    if (!valve) throw new Error(`unknown valve ${deviceId}`);
    return valve;
  }
}
