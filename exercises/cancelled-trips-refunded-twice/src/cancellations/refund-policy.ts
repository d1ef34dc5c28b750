import { type Booking } from '../bookings/booking';

const HOUR = 60 * 60 * 1000;

/** Until this long before departure, refundable segments are refunded in full. */
export const FREE_CANCELLATION_BEFORE_MS = 48 * HOUR;
/** Later cancellations (but before departure) get this share of refundable segments back. */
export const LATE_CANCELLATION_SHARE = 0.5;

export type RefundLine = { segmentId: string; refundCents: number; rule: 'free' | 'late' | 'non-refundable' | 'departed' };

export type RefundQuote = { amountCents: number; lines: RefundLine[] };

/**
 * What the traveller gets back, judged at the moment they asked to cancel
 * (`requestedAt`), not at the moment the cancellation is processed.
 */
export function quoteRefund(booking: Booking, requestedAt: number): RefundQuote {
  const untilDeparture = booking.departsAt - requestedAt;
  const lines = booking.segments.map((segment): RefundLine => {
    if (!segment.refundable) return { segmentId: segment.id, refundCents: 0, rule: 'non-refundable' };
    if (untilDeparture <= 0) return { segmentId: segment.id, refundCents: 0, rule: 'departed' };
    if (untilDeparture >= FREE_CANCELLATION_BEFORE_MS) return { segmentId: segment.id, refundCents: segment.priceCents, rule: 'free' };
    return { segmentId: segment.id, refundCents: Math.floor(segment.priceCents * LATE_CANCELLATION_SHARE), rule: 'late' };
  });
  const amountCents = Math.min(
    booking.paidCents,
    lines.reduce((sum, line) => sum + line.refundCents, 0),
  );
  return { amountCents, lines };
}

export function formatMoney(cents: number, currency: Booking['currency']): string {
  const symbol = currency === 'EUR' ? '€' : '£';
  return `${symbol}${(cents / 100).toFixed(2)}`;
}
