import { THERMOSTAT } from '../config';
import { InvalidMessageError, type OverrideMessage } from '../messages/override-message';
import { type WeeklySchedule, scheduledTarget } from './schedule';

export type Override = { targetC: number; startedAt: number; until: number; boost: boolean };

export type Room = { id: string; name: string; schedule: WeeklySchedule; override?: Override; heating: boolean };

function numeric(value: unknown, field: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new InvalidMessageError(`${field} must be a number, got ${JSON.stringify(value)}`);
  return number;
}

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
    // Messages arrive as JSON from the apps: the declared types are a wish, not a guarantee.
    const fields = message as Record<string, unknown>;
    const targetC = numeric(fields.targetC, 'targetC');
    if (targetC < THERMOSTAT.minTargetC || targetC > THERMOSTAT.maxTargetC) {
      throw new RangeError(`target ${targetC} °C is outside ${THERMOSTAT.minTargetC}–${THERMOSTAT.maxTargetC} °C`);
    }
    const requested = fields.durationMinutes === undefined ? THERMOSTAT.defaultOverrideMinutes : numeric(fields.durationMinutes, 'durationMinutes');
    const minutes = Math.min(requested, THERMOSTAT.maxOverrideMinutes);
    const boost = fields.boost === undefined || fields.boost === false || fields.boost === 'false' ? false : fields.boost === true || fields.boost === 'true' ? true : undefined;
    if (boost === undefined) throw new InvalidMessageError(`boost must be true or false, got ${JSON.stringify(fields.boost)}`);
    room.override = { targetC, startedAt: now, until: now + minutes * 60_000, boost };
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
