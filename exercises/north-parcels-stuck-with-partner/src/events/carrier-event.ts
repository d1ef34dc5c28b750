/**
 * A tracking event as it arrives on the `parcel-events` queue. Our own depots publish them,
 * and the webhook gateway forwards our delivery partners' events onto the same queue.
 */
export type CarrierEvent = {
  parcelId: string;
  /** "own" for our network, otherwise the partner's id, e.g. "swiftlast". */
  carrier: string;
  /** The carrier's event code, see status-codes.ts. */
  code: string;
  /** When it happened, ISO 8601 with offset, e.g. "2026-01-05T14:03:00Z". */
  occurredAt: string;
  location?: { city: string; country: string };
};

export class UnreadableMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableMessageError';
  }
}

/** Reads one queue message body. */
export function readEventMessage(body: string): CarrierEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new UnreadableMessageError('body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new UnreadableMessageError('body is not an object');
  const event = parsed as CarrierEvent;
  if (typeof event.parcelId !== 'string' || !/^P[A-Z]-\d{6,}$/.test(event.parcelId)) throw new UnreadableMessageError(`bad parcelId ${String(event.parcelId)}`);
  if (typeof event.carrier !== 'string' || typeof event.code !== 'string') throw new UnreadableMessageError('carrier and code are required');
  return event;
}
