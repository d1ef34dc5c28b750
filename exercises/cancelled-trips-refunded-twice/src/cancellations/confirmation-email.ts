import { type Booking } from '../bookings/booking';
import { type Email } from '../partners/clients';
import { type RefundQuote, formatMoney } from './refund-policy';

const KIND_LABEL = { flight: 'Flight', hotel: 'Hotel', transfer: 'Transfer' } as const;

export function cancellationEmail(booking: Booking, quote: RefundQuote): Email {
  const lines = booking.segments.map((segment) => {
    const line = quote.lines.find((candidate) => candidate.segmentId === segment.id);
    const back = line && line.refundCents > 0 ? `refund ${formatMoney(line.refundCents, booking.currency)}` : 'no refund';
    return `- ${KIND_LABEL[segment.kind]} ${segment.supplierRef}: cancelled, ${back}`;
  });
  const total =
    quote.amountCents > 0
      ? `We have refunded ${formatMoney(quote.amountCents, booking.currency)} to the card you paid with. It can take up to 5 working days to appear.`
      : 'Under the fare rules of this trip, no refund is due.';
  return {
    to: booking.travellerEmail,
    subject: `Your trip ${booking.id} is cancelled`,
    text: [`Hello ${booking.travellerName},`, '', `Your trip ${booking.id} has been cancelled:`, ...lines, '', total].join('\n'),
  };
}
