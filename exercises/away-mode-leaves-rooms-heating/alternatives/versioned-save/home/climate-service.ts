import type { Logger } from '../logger';
import type { ValveCapabilities, ValveGateway } from '../devices/valve-gateway';
import type { HomeStore } from './home-store';

export class UnknownRoomError extends Error {
  constructor(homeId: string, roomId: string) {
    super(`home ${homeId} has no room ${roomId}`);
    this.name = 'UnknownRoomError';
  }
}

/** Clamps a requested temperature to what the valve supports and rounds it to the valve's step. */
export function snapToValve(celsius: number, capabilities: ValveCapabilities): number {
  const clamped = Math.min(capabilities.maxC, Math.max(capabilities.minC, celsius));
  const steps = Math.round((clamped - capabilities.minC) / capabilities.stepC);
  return Math.round((capabilities.minC + steps * capabilities.stepC) * 10) / 10;
}

/** Room temperatures: what the app shows and edits, kept in the home's document and sent to the valves. */
export class ClimateService {
  private readonly store: HomeStore;
  private readonly valves: ValveGateway;
  private readonly logger: Logger;

  constructor(deps: { store: HomeStore; valves: ValveGateway; logger: Logger }) {
    this.store = deps.store;
    this.valves = deps.valves;
    this.logger = deps.logger;
  }

  /** Sets one room's target temperature: stored in the home's document, then sent to the room's valve. */
  async setRoomTemperature(homeId: string, roomId: string, celsius: number): Promise<number> {
    if (!Number.isFinite(celsius)) throw new RangeError(`not a temperature: ${celsius}`);
    let home = await this.store.load(homeId);
    let room = home.rooms[roomId];
    if (!room) throw new UnknownRoomError(homeId, roomId);

    const target = snapToValve(celsius, await this.valves.capabilities(room.deviceId));
    for (;;) {
      room.setpointC = target;
      if (await this.store.saveIfUnchanged(home)) break;
      home = await this.store.load(homeId);
      room = home.rooms[roomId];
      if (!room) throw new UnknownRoomError(homeId, roomId);
    }

    await this.valves.pushSetpoint(room.deviceId, target);
    this.logger.info(`${homeId}/${roomId}: setpoint ${target} °C`);
    return target;
  }

  /** Battery level reported by a valve (every few hours). */
  async recordBattery(homeId: string, deviceId: string, percent: number): Promise<void> {
    await this.store.update(homeId, (home) => {
      for (const room of Object.values(home.rooms)) if (room.deviceId === deviceId) room.batteryPct = percent;
    });
    if (percent < 15) this.logger.warn(`${homeId}: valve ${deviceId} battery at ${percent}%`);
  }

  /**
   * Nightly job: a valve that missed a command (it was asleep, or out of radio range)
   * is sent the setpoint stored for its room again. Returns how many valves were corrected.
   */
  async reconcile(homeId: string): Promise<number> {
    const home = await this.store.load(homeId);
    let corrected = 0;
    for (const [roomId, room] of Object.entries(home.rooms)) {
      if (this.valves.currentSetpoint(room.deviceId) === room.setpointC) continue;
      await this.valves.pushSetpoint(room.deviceId, room.setpointC);
      this.logger.info(`${homeId}/${roomId}: reconciled valve ${room.deviceId} to ${room.setpointC} °C`);
      corrected += 1;
    }
    return corrected;
  }
}
