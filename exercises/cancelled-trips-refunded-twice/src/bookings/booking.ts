export type SegmentKind = 'flight' | 'hotel' | 'transfer';

export type Segment = {
  id: string;
  kind: SegmentKind;
  /** Supplier code, e.g. "aerolink" or "staywell". */
  supplier: string;
  /** The supplier's own reference for this reservation. */
  supplierRef: string;
  priceCents: number;
  refundable: boolean;
  /** Set once the supplier has confirmed the reservation is released. */
  releasedAt?: number;
};

export type BookingStatus = 'confirmed' | 'cancellation-requested' | 'cancelled';

export type Refund = { id: string; amountCents: number; at: number };

export type Booking = {
  id: string;
  travellerName: string;
  travellerEmail: string;
  paymentId: string;
  /** What the traveller paid, captured in full at booking time. */
  paidCents: number;
  currency: 'EUR' | 'GBP';
  /** Departure of the first segment, epoch milliseconds. */
  departsAt: number;
  segments: Segment[];
  status: BookingStatus;
  refund?: Refund;
  cancelledAt?: number;
  /** Incremented by every save; a save based on an older version is refused. */
  version: number;
};

export class VersionConflictError extends Error {
  constructor(bookingId: string, expected: number, actual: number) {
    super(`Booking ${bookingId} was changed concurrently (expected version ${expected}, found ${actual})`);
    this.name = 'VersionConflictError';
  }
}

function copy(booking: Booking): Booking {
  return { ...booking, segments: booking.segments.map((segment) => ({ ...segment })), refund: booking.refund && { ...booking.refund } };
}

/**
 * The bookings table. Every change to a booking is one save of the whole record with an
 * optimistic version check, so a booking is never left half-updated by two writers.
 */
export class BookingStore {
  private readonly rows = new Map<string, Booking>();

  insert(booking: Omit<Booking, 'version' | 'status'>): Booking {
    if (this.rows.has(booking.id)) throw new Error(`Booking ${booking.id} already exists`);
    const row = copy({ ...booking, status: 'confirmed', version: 1 });
    this.rows.set(row.id, row);
    return copy(row);
  }

  get(id: string): Booking | undefined {
    const row = this.rows.get(id);
    return row ? copy(row) : undefined;
  }

  /** Writes the whole booking if nobody saved it since `expectedVersion`; returns the stored copy. */
  save(booking: Booking, expectedVersion: number): Booking {
    const current = this.rows.get(booking.id);
    if (!current) throw new Error(`Unknown booking ${booking.id}`);
    if (current.version !== expectedVersion) throw new VersionConflictError(booking.id, expectedVersion, current.version);
    const row = copy({ ...booking, version: expectedVersion + 1 });
    this.rows.set(row.id, row);
    return copy(row);
  }
}
