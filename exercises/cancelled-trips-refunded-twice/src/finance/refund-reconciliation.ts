import { type Booking, type BookingStore } from '../bookings/booking';
import { type PaymentsClient } from '../partners/clients';

export type ReconciliationStatus = 'ok' | 'over-refunded' | 'under-refunded' | 'in-progress';

export type ReconciliationLine = {
  bookingId: string;
  status: ReconciliationStatus;
  /** What our booking record says was refunded. */
  recordedCents: number;
  /** What the payment provider actually paid back. */
  providerCents: number;
  providerRefunds: number;
};

/**
 * Finance's daily check: for every booking with a cancellation, compare what we recorded
 * as refunded with what the payment provider has paid back on the traveller's card.
 */
export async function reconcileRefunds(bookings: BookingStore, bookingIds: string[], payments: PaymentsClient): Promise<ReconciliationLine[]> {
  const lines: ReconciliationLine[] = [];
  for (const id of bookingIds) {
    const booking = bookings.get(id);
    if (!booking || booking.status === 'confirmed') continue;
    const refunds = await payments.listRefunds(booking.paymentId);
    const providerCents = refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
    const recordedCents = booking.refund?.amountCents ?? 0;
    lines.push({ bookingId: id, status: classify(booking, recordedCents, providerCents), recordedCents, providerCents, providerRefunds: refunds.length });
  }
  return lines;
}

function classify(booking: Booking, recordedCents: number, providerCents: number): ReconciliationStatus {
  if (providerCents > recordedCents) return 'over-refunded';
  if (booking.status !== 'cancelled') return 'in-progress';
  if (providerCents < recordedCents) return 'under-refunded';
  return 'ok';
}
