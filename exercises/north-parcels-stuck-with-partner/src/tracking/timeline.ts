import { type CarrierEvent } from '../events/carrier-event';
import { type ParcelStatus, statusFor } from '../events/status-codes';

export type TimelineEntry = { at: number; status: ParcelStatus; carrier: string; code: string; city?: string };

/**
 * Everything that happened to one parcel, in the order it happened. Partners send events late
 * and in batches, so arrival order means nothing; the current status is the latest event's.
 */
export class ParcelTimeline {
  readonly parcelId: string;
  private readonly entries: TimelineEntry[] = [];

  constructor(parcelId: string) {
    this.parcelId = parcelId;
  }

  /** Adds an event; returns false for a duplicate (same carrier, code and moment) or an unknown code. */
  add(event: CarrierEvent): boolean {
    const status = statusFor(event.carrier, event.code);
    if (status === undefined) return false;
    const at = new Date(event.occurredAt).getTime();
    if (this.entries.some((entry) => entry.carrier === event.carrier && entry.code === event.code && entry.at === at)) return false;
    this.entries.push({ at, status, carrier: event.carrier, code: event.code, city: event.location?.city });
    this.entries.sort((a, b) => a.at - b.at);
    return true;
  }

  events(): TimelineEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  current(): TimelineEntry | undefined {
    const last = this.entries.at(-1);
    return last && { ...last };
  }

  /** When the parcel was first seen with a status, e.g. picked up or delivered. */
  firstAt(status: ParcelStatus): number | undefined {
    return this.entries.find((entry) => entry.status === status)?.at;
  }
}
