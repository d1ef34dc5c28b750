import { THERMOSTAT } from '../config';
import { type OverrideMessage } from '../messages/override-message';
import { type WeeklySchedule, scheduledTarget } from './schedule';

export type Override = { targetC: number; startedAt: number; until: number; boost: boolean };

export type Room = { id: string; name: string; schedule: WeeklySchedule; override?: Override; heating: boolean };

export class Rooms {
  private readonly rooms = new Map<string, Room>();

  add(room: Omit<Room, 'heating' | 'override'>): void {
    this.rooms.set(room.id, { ...room, heating: false });
  }

  get(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  applyOverride(roomId: string, message: OverrideMessage, now: number): Override {
    const room = this.rooms.get(roomId);
    if (!room) throw new Error(`unknown room ${roomId}`);
    if (message.targetC < THERMOSTAT.minTargetC || message.targetC > THERMOSTAT.maxTargetC) {
      throw new RangeError(`target ${message.targetC} °C is outside ${THERMOSTAT.minTargetC}–${THERMOSTAT.maxTargetC} °C`);
    }
    const minutes = Math.min(message.durationMinutes ?? THERMOSTAT.defaultOverrideMinutes, THERMOSTAT.maxOverrideMinutes);
    room.override = { targetC: message.targetC, startedAt: now, until: now + minutes * 60_000, boost: message.boost ?? false };
    return { ...room.override };
  }

  /** What the room aims for right now: an active override, else its schedule. Expired overrides are dropped. */
  target(room: Room, now: number): { targetC: number; boosting: boolean } {
    if (room.override && room.override.until <= now) room.override = undefined;
    if (room.override) {
      return { targetC: room.override.targetC, boosting: room.override.boost && now - room.override.startedAt < THERMOSTAT.boostMs };
    }
    return { targetC: scheduledTarget(room.schedule, now), boosting: false };
  }
}
