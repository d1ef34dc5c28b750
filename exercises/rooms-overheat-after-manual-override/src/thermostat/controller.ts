import { THERMOSTAT } from '../config';
import { InvalidMessageError, parseOverrideMessage, parseOverrideTopic } from '../messages/override-message';
import { type Rooms } from './rooms';

export type Relay = { set(roomId: string, on: boolean): void };

export type OverrideResult = { accepted: true; until: string } | { accepted: false; reason: string };

/** The hub in each home: takes app messages, and every minute decides each room's heater from its sensor. */
export function createController(deps: { homeId: string; rooms: Rooms; relay: Relay }) {
  const { homeId, rooms, relay } = deps;

  function onMessage(topic: string, payload: string): OverrideResult {
    const parsed = parseOverrideTopic(topic);
    if (!parsed || parsed.homeId !== homeId) return { accepted: false, reason: `not for this hub: ${topic}` };
    try {
      const override = rooms.applyOverride(parsed.roomId, parseOverrideMessage(payload), Date.now());
      return { accepted: true, until: new Date(override.until).toISOString() };
    } catch (error) {
      if (error instanceof InvalidMessageError || error instanceof RangeError) return { accepted: false, reason: error.message };
      if (error instanceof Error && error.message.startsWith('unknown room')) return { accepted: false, reason: error.message };
      throw error;
    }
  }

  /** Called once a minute with the latest reading of every room's sensor. */
  function tick(readings: Record<string, number>): void {
    const now = Date.now();
    for (const room of rooms.all()) {
      const temperature = readings[room.id];
      if (temperature === undefined) continue;
      const { targetC, boosting } = rooms.target(room, now);
      let heating = room.heating;
      if (temperature >= THERMOSTAT.safetyCutoffC) heating = false;
      else if (boosting) heating = true;
      else if (temperature < targetC - THERMOSTAT.hysteresisC) heating = true;
      else if (temperature > targetC + THERMOSTAT.hysteresisC) heating = false;
      if (heating !== room.heating) {
        room.heating = heating;
        relay.set(room.id, heating);
      }
    }
  }

  return { onMessage, tick };
}
