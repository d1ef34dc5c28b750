import { UnreadableMessageError, readEventMessage } from '../events/carrier-event';
import { type ParcelStatus } from '../events/status-codes';
import { ParcelTimeline } from './timeline';

export type Notification = { parcelId: string; kind: 'out-for-delivery' | 'delivered' | 'delivery-failed' };

export type IngestResult = { outcome: 'applied' | 'duplicate' | 'ignored' } | { outcome: 'dead-letter'; reason: string };

const NOTIFY: ReadonlySet<ParcelStatus> = new Set(['out-for-delivery', 'delivered', 'delivery-failed']);

/**
 * The consumer of the parcel-events queue: keeps every parcel's timeline and tells the
 * customer when their parcel's current status becomes one they care about.
 */
export class TrackingService {
  private readonly timelines = new Map<string, ParcelTimeline>();
  private readonly notify: (notification: Notification) => void;

  constructor(notify: (notification: Notification) => void) {
    this.notify = notify;
  }

  /** Registers a parcel when its label is printed; events for unknown parcels are ignored. */
  register(parcelId: string): void {
    if (!this.timelines.has(parcelId)) this.timelines.set(parcelId, new ParcelTimeline(parcelId));
  }

  timeline(parcelId: string): ParcelTimeline | undefined {
    return this.timelines.get(parcelId);
  }

  parcels(): ParcelTimeline[] {
    return [...this.timelines.values()];
  }

  handleMessage(body: string): IngestResult {
    let event;
    try {
      event = readEventMessage(body);
    } catch (error) {
      if (error instanceof UnreadableMessageError) return { outcome: 'dead-letter', reason: error.message };
      throw error;
    }
    const timeline = this.timelines.get(event.parcelId);
    if (!timeline) return { outcome: 'ignored' };
    const before = timeline.current();
    if (!timeline.add(event)) return { outcome: 'duplicate' };
    const after = timeline.current();
    if (after && after.status !== before?.status && NOTIFY.has(after.status)) {
      this.notify({ parcelId: event.parcelId, kind: after.status as Notification['kind'] });
    }
    return { outcome: 'applied' };
  }
}
