import { type Booking, type BookingStore } from '../bookings/booking';
import { PermanentJobError } from '../jobs/job-queue';
import { type Log } from '../log';
import { type Mailer, type PaymentsClient, RefundRejectedError, type SupplierClient } from '../partners/clients';
import { cancellationEmail } from './confirmation-email';
import { quoteRefund } from './refund-policy';

/** Enqueued by the "Cancel trip" button; `requestedAt` is when the traveller pressed it. */
export type CancellationJob = { bookingId: string; requestedAt: number };

/** The "Cancel trip" button: marks the booking and queues the work. */
export function requestCancellation(bookings: BookingStore, queue: { enqueue(job: CancellationJob): string }, bookingId: string): string {
  const booking = bookings.get(bookingId);
  if (!booking) throw new Error(`Unknown booking ${bookingId}`);
  if (booking.status !== 'confirmed') throw new Error(`Booking ${bookingId} is already ${booking.status}`);
  bookings.save({ ...booking, status: 'cancellation-requested' }, booking.version);
  return queue.enqueue({ bookingId, requestedAt: Date.now() });
}

export type CancellationDeps = {
  bookings: BookingStore;
  payments: PaymentsClient;
  suppliers: SupplierClient;
  mailer: Mailer;
  log: Log;
};

/**
 * Processes one cancellation: refund what the policy allows, release every segment with
 * its supplier, confirm by e-mail, and mark the booking cancelled. A step that fails throws,
 * and the queue runs the job again later.
 */
export function createCancellationHandler(deps: CancellationDeps) {
  const { bookings, payments, suppliers, mailer, log } = deps;

  return async function cancelBooking(job: CancellationJob): Promise<Booking> {
    const booking = bookings.get(job.bookingId);
    if (!booking) throw new PermanentJobError(`unknown booking ${job.bookingId}`);
    if (booking.status === 'cancelled') {
      log.line(`${booking.id} already cancelled, nothing to do`);
      return booking;
    }

    const next: Booking = { ...booking, segments: booking.segments.map((segment) => ({ ...segment })) };
    const quote = quoteRefund(booking, job.requestedAt);

    if (!next.refund && quote.amountCents > 0) {
      try {
        // The provider's ledger is the truth about money already paid back: an earlier attempt
        // of this job may have refunded and then failed before the booking was saved.
        const earlier = await payments.listRefunds(booking.paymentId);
        const alreadyCents = earlier.reduce((sum, refund) => sum + refund.amountCents, 0);
        let refundId = earlier.at(-1)?.refundId ?? '';
        if (alreadyCents < quote.amountCents) {
          ({ refundId } = await payments.refund({
            paymentId: booking.paymentId,
            amountCents: quote.amountCents - alreadyCents,
            statementText: `Refund trip ${booking.id}`,
          }));
        }
        next.refund = { id: refundId, amountCents: quote.amountCents, at: Date.now() };
        log.line(`${booking.id} refunded ${quote.amountCents} refund=${refundId}`);
      } catch (error) {
        if (error instanceof RefundRejectedError) throw new PermanentJobError(`refund rejected: ${error.code}: ${error.message}`);
        throw error;
      }
    }

    for (const segment of next.segments) {
      if (segment.releasedAt !== undefined) continue;
      await suppliers.release(segment);
      segment.releasedAt = Date.now();
      log.line(`${booking.id} released ${segment.kind} ${segment.supplierRef}`);
    }

    await mailer.send(cancellationEmail(next, quote));

    next.status = 'cancelled';
    next.cancelledAt = Date.now();
    const saved = bookings.save(next, booking.version);
    log.line(`${booking.id} cancelled`);
    return saved;
  };
}
