import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type Booking, BookingStore, type Segment } from '../../src/bookings/booking';
import { type CancellationJob, createCancellationHandler, requestCancellation } from '../../src/cancellations/cancel-booking';
import { reconcileRefunds } from '../../src/finance/refund-reconciliation';
import { JobQueue } from '../../src/jobs/job-queue';
import { createLog } from '../../src/log';
import { type Email, type ProviderRefund, RefundRejectedError, type RefundRequest, SupplierUnavailableError } from '../../src/partners/clients';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Payment provider: refuses to pay back more than was captured, like the real one.
function fakePayments() {
  const captured = new Map<string, number>();
  const refunds = new Map<string, ProviderRefund[]>();
  let sequence = 0;
  return {
    capture(paymentId: string, cents: number) {
      captured.set(paymentId, cents);
    },
    async refund(request: RefundRequest) {
      await wait(300);
      const done = refunds.get(request.paymentId) ?? [];
      const left = (captured.get(request.paymentId) ?? 0) - done.reduce((sum, r) => sum + r.amountCents, 0);
      if (request.amountCents > left) {
        throw new RefundRejectedError('refund_exceeds_capture', `payment ${request.paymentId} has ${left} left to refund`);
      }
      sequence += 1;
      const refund = { refundId: `re_${String(sequence).padStart(4, '0')}`, amountCents: request.amountCents, at: Date.now() };
      refunds.set(request.paymentId, [...done, refund]);
      return { refundId: refund.refundId };
    },
    async listRefunds(paymentId: string) {
      await wait(50);
      return [...(refunds.get(paymentId) ?? [])];
    },
  };
}

// Suppliers: staywell (hotels) is down until `staywellBackAt`.
function fakeSuppliers(staywellBackAt: number) {
  const released: string[] = [];
  return {
    released,
    async release(segment: Segment) {
      await wait(200);
      if (segment.supplier === 'staywell' && Date.now() < staywellBackAt) throw new SupplierUnavailableError('staywell');
      if (!released.includes(segment.supplierRef)) released.push(segment.supplierRef);
    },
  };
}

function fakeMailer() {
  const sent: Email[] = [];
  return {
    sent,
    async send(email: Email) {
      await wait(100);
      sent.push(email);
    },
  };
}

const HOUR = 60 * 60 * 1000;

function world(options: { staywellDownForMs?: number } = {}) {
  const bookings = new BookingStore();
  const payments = fakePayments();
  const suppliers = fakeSuppliers(Date.now() + (options.staywellDownForMs ?? 0));
  const mailer = fakeMailer();
  const log = createLog('cancellations');
  const handler = createCancellationHandler({ bookings, payments, suppliers, mailer, log });
  const queue = new JobQueue<CancellationJob>(handler, log);
  function book(booking: Omit<Booking, 'version' | 'status' | 'paidCents' | 'travellerName' | 'travellerEmail' | 'currency'>) {
    const paidCents = booking.segments.reduce((sum, segment) => sum + segment.priceCents, 0);
    payments.capture(booking.paymentId, paidCents);
    return bookings.insert({ ...booking, paidCents, travellerName: 'Ines Moreau', travellerEmail: 'ines@example.org', currency: 'EUR' });
  }
  return { bookings, payments, suppliers, mailer, log, queue, book, cancel: (id: string) => requestCancellation(bookings, queue, id) };
}

function lateTrip(w: ReturnType<typeof world>) {
  return w.book({
    id: 'BK-7Q2M',
    paymentId: 'pay_7Q2M',
    departsAt: Date.now() + 22 * HOUR,
    segments: [
      { id: 's1', kind: 'flight', supplier: 'aerolink', supplierRef: 'AL-55K2Q', priceCents: 32_000, refundable: true },
      { id: 's2', kind: 'hotel', supplier: 'staywell', supplierRef: 'SW-880412', priceCents: 18_000, refundable: true },
    ],
  });
}

function springTrip(w: ReturnType<typeof world>) {
  return w.book({
    id: 'BK-4HXD',
    paymentId: 'pay_4HXD',
    departsAt: Date.now() + 19 * 24 * HOUR,
    segments: [
      { id: 's1', kind: 'flight', supplier: 'aerolink', supplierRef: 'AL-61PQ0', priceCents: 12_000, refundable: false },
      { id: 's2', kind: 'hotel', supplier: 'staywell', supplierRef: 'SW-880977', priceCents: 46_000, refundable: true },
    ],
  });
}

describe('trip cancellations', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T14:02:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reconciles every refund made during the hotel supplier outage', async () => {
    const w = world({ staywellDownForMs: 38 * 60 * 1000 });
    lateTrip(w);
    springTrip(w);
    w.cancel('BK-7Q2M');
    w.cancel('BK-4HXD');

    await vi.advanceTimersByTimeAsync(3 * HOUR);
    const report = await (async () => {
      const pending = reconcileRefunds(w.bookings, ['BK-7Q2M', 'BK-4HXD'], w.payments);
      await vi.advanceTimersByTimeAsync(1000);
      return pending;
    })();

    expect(report.map((line) => [line.bookingId, line.status, line.providerCents])).toEqual([
      ['BK-7Q2M', 'ok', 25_000],
      ['BK-4HXD', 'ok', 46_000],
    ]);
  });

  it('finishes a cancellation made during the outage once the supplier is back', async () => {
    const w = world({ staywellDownForMs: 38 * 60 * 1000 });
    springTrip(w);
    w.cancel('BK-4HXD');

    await vi.advanceTimersByTimeAsync(3 * HOUR);

    expect(w.bookings.get('BK-4HXD')?.status).toBe('cancelled');
    expect(w.suppliers.released).toEqual(['AL-61PQ0', 'SW-880977']);
    expect(w.mailer.sent.map((email) => email.subject)).toEqual(['Your trip BK-4HXD is cancelled']);
  });

  it('refunds half of the refundable fares within 48 hours of departure', async () => {
    const w = world();
    lateTrip(w);
    w.cancel('BK-7Q2M');

    await vi.advanceTimersByTimeAsync(HOUR);

    expect(w.bookings.get('BK-7Q2M')).toMatchObject({ status: 'cancelled', refund: { amountCents: 25_000 } });
    expect(w.queue.deadLetters()).toEqual([]);
  });

  it('tells the traveller what each segment gave back', async () => {
    const w = world();
    springTrip(w);
    w.cancel('BK-4HXD');

    await vi.advanceTimersByTimeAsync(HOUR);

    expect(w.mailer.sent).toHaveLength(1);
    expect(w.mailer.sent[0]?.text).toBe(
      [
        'Hello Ines Moreau,',
        '',
        'Your trip BK-4HXD has been cancelled:',
        '- Flight AL-61PQ0: cancelled, no refund',
        '- Hotel SW-880977: cancelled, refund €460.00',
        '',
        'We have refunded €460.00 to the card you paid with. It can take up to 5 working days to appear.',
      ].join('\n'),
    );
  });

  it('does not accept a second cancellation of the same trip', () => {
    const w = world();
    springTrip(w);
    w.cancel('BK-4HXD');
    expect(() => w.cancel('BK-4HXD')).toThrow('already cancellation-requested');
  });
});
