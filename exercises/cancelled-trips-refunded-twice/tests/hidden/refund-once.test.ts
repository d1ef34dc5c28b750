import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type Booking, BookingStore, type Segment } from '../../src/bookings/booking';
import { type CancellationJob, createCancellationHandler, requestCancellation } from '../../src/cancellations/cancel-booking';
import { reconcileRefunds } from '../../src/finance/refund-reconciliation';
import { JobQueue } from '../../src/jobs/job-queue';
import { createLog } from '../../src/log';
import { type Email, type ProviderRefund, RefundRejectedError, type RefundRequest, SupplierUnavailableError } from '../../src/partners/clients';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MIN = 60 * 1000;
const HOUR = 60 * MIN;

type Outage = { supplier: string; until: number };

function payments(options: { unreachableUntil?: number } = {}) {
  const captured = new Map<string, number>();
  const refunds = new Map<string, ProviderRefund[]>();
  let sequence = 0;
  return {
    capture(paymentId: string, cents: number) {
      captured.set(paymentId, cents);
    },
    refundsOf(paymentId: string) {
      return refunds.get(paymentId) ?? [];
    },
    async refund(request: RefundRequest) {
      await wait(250);
      if (options.unreachableUntil !== undefined && Date.now() < options.unreachableUntil) throw new Error('ECONNRESET');
      const done = refunds.get(request.paymentId) ?? [];
      const left = (captured.get(request.paymentId) ?? 0) - done.reduce((sum, r) => sum + r.amountCents, 0);
      if (request.amountCents > left) throw new RefundRejectedError('refund_exceeds_capture', `payment ${request.paymentId} has ${left} left to refund`);
      sequence += 1;
      const refund = { refundId: `re_h${sequence}`, amountCents: request.amountCents, at: Date.now() };
      refunds.set(request.paymentId, [...done, refund]);
      return { refundId: refund.refundId };
    },
    async listRefunds(paymentId: string) {
      await wait(40);
      return [...(refunds.get(paymentId) ?? [])];
    },
  };
}

function suppliers(outages: Outage[]) {
  const released = new Map<string, number>();
  return {
    released,
    async release(segment: Segment) {
      await wait(150);
      const outage = outages.find((candidate) => candidate.supplier === segment.supplier);
      if (outage && Date.now() < outage.until) throw new SupplierUnavailableError(segment.supplier);
      released.set(segment.supplierRef, (released.get(segment.supplierRef) ?? 0) + 1);
    },
  };
}

function mailer(downUntil = 0) {
  const sent: Email[] = [];
  return {
    sent,
    async send(email: Email) {
      await wait(80);
      if (Date.now() < downUntil) throw new Error('mail relay: 451 temporary failure');
      sent.push(email);
    },
  };
}

function world(options: { outages?: Outage[]; mailDownUntil?: number; paymentsUnreachableUntil?: number } = {}) {
  const bookings = new BookingStore();
  const pay = payments({ unreachableUntil: options.paymentsUnreachableUntil });
  const supply = suppliers(options.outages ?? []);
  const mail = mailer(options.mailDownUntil);
  const log = createLog('cancellations');
  const deps = { bookings, payments: pay, suppliers: supply, mailer: mail, log };
  const queue = new JobQueue<CancellationJob>(createCancellationHandler(deps), log);
  function trip(id: string, hoursToDeparture: number, segments: Array<Pick<Segment, 'kind' | 'supplier' | 'priceCents' | 'refundable'>>): Booking {
    const full = segments.map((segment, i) => ({ ...segment, id: `${id}-${i}`, supplierRef: `${segment.supplier.toUpperCase()}-${id}-${i}` }));
    const paidCents = full.reduce((sum, segment) => sum + segment.priceCents, 0);
    pay.capture(`pay_${id}`, paidCents);
    return bookings.insert({
      id,
      travellerName: 'Tomasz Wrona',
      travellerEmail: `${id.toLowerCase()}@example.net`,
      paymentId: `pay_${id}`,
      paidCents,
      currency: 'GBP',
      departsAt: Date.now() + hoursToDeparture * HOUR,
      segments: full,
    });
  }
  const refundedCents = (id: string) => pay.refundsOf(`pay_${id}`).reduce((sum, refund) => sum + refund.amountCents, 0);
  return { bookings, pay, supply, mail, log, deps, queue, trip, refundedCents, cancel: (id: string) => requestCancellation(bookings, queue, id) };
}

const flight = (priceCents: number, refundable = true) => ({ kind: 'flight' as const, supplier: 'skyhop', priceCents, refundable });
const hotel = (priceCents: number, supplier = 'staywell') => ({ kind: 'hotel' as const, supplier, priceCents, refundable: true });
const transfer = (priceCents: number) => ({ kind: 'transfer' as const, supplier: 'rideto', priceCents, refundable: true });

describe('cancellations under partner failures', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-07T16:30:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "A traveller is refunded exactly once per cancellation"
  it('refunds a late cancellation once, at half the refundable fares, when the hotel supplier is down', async () => {
    const w = world({ outages: [{ supplier: 'staywell', until: Date.now() + 25 * MIN }] });
    w.trip('LT1', 30, [flight(21_000), hotel(9_000)]);
    w.cancel('LT1');
    await vi.advanceTimersByTimeAsync(4 * HOUR);

    expect(w.pay.refundsOf('pay_LT1')).toHaveLength(1);
    expect(w.refundedCents('LT1')).toBe(15_000);
    expect(w.bookings.get('LT1')).toMatchObject({ status: 'cancelled', refund: { amountCents: 15_000 } });
  });

  // Stated in README.md: "A traveller is refunded exactly once per cancellation"
  // Stated in README.md: "is cancelled only when every segment has been released with its supplier and the traveller has had the confirmation e-mail"
  it('completes a free cancellation after an outage: one refund, every segment released, one e-mail', async () => {
    const w = world({ outages: [{ supplier: 'staywell', until: Date.now() + 25 * MIN }] });
    w.trip('FR1', 24 * 20, [flight(8_000, false), hotel(33_000), transfer(4_500)]);
    w.cancel('FR1');
    await vi.advanceTimersByTimeAsync(4 * HOUR);

    expect(w.refundedCents('FR1')).toBe(37_500);
    expect(w.pay.refundsOf('pay_FR1')).toHaveLength(1);
    expect(w.bookings.get('FR1')?.status).toBe('cancelled');
    expect([...w.supply.released.keys()].sort()).toEqual(['RIDETO-FR1-2', 'SKYHOP-FR1-0', 'STAYWELL-FR1-1']);
    expect(w.mail.sent.map((email) => email.to)).toEqual(['fr1@example.net']);
    expect(w.queue.deadLetters()).toEqual([]);
  });

  // Stated in README.md: "A traveller is refunded exactly once per cancellation"
  it('refunds once when the confirmation e-mail cannot be sent at first', async () => {
    const w = world({ mailDownUntil: Date.now() + 20 * MIN });
    w.trip('ML1', 24 * 9, [flight(14_000), hotel(26_000, 'alpenhof')]);
    w.cancel('ML1');
    await vi.advanceTimersByTimeAsync(4 * HOUR);

    expect(w.pay.refundsOf('pay_ML1')).toHaveLength(1);
    expect(w.refundedCents('ML1')).toBe(40_000);
    expect(w.mail.sent).toHaveLength(1);
    expect(w.mail.sent[0]?.text).toContain('We have refunded £400.00');
    expect(w.bookings.get('ML1')?.status).toBe('cancelled');
  });

  // Stated in src/jobs/job-queue.ts: "whichever worker instance is free, so consecutive attempts of"
  // Stated in README.md: "A traveller is refunded exactly once per cancellation"
  it('refunds once when the retry runs on another worker instance', async () => {
    const w = world({ outages: [{ supplier: 'staywell', until: Date.now() + 10 * MIN }] });
    w.trip('WK1', 24 * 6, [flight(19_900), hotel(12_100)]);
    const job: CancellationJob = { bookingId: 'WK1', requestedAt: Date.now() };
    w.bookings.save({ ...(w.bookings.get('WK1') as Booking), status: 'cancellation-requested' }, 1);

    const first = createCancellationHandler(w.deps)(job);
    const firstOutcome = first.then(() => 'done', () => 'failed');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await firstOutcome).toBe('failed');

    await vi.advanceTimersByTimeAsync(15 * MIN);
    const second = createCancellationHandler(w.deps)(job);
    await vi.advanceTimersByTimeAsync(5_000);
    await second;

    expect(w.pay.refundsOf('pay_WK1')).toHaveLength(1);
    expect(w.refundedCents('WK1')).toBe(32_000);
    expect(w.bookings.get('WK1')?.status).toBe('cancelled');
  });

  // Stated in src/jobs/job-queue.ts: "A job that throws is retried after 30 s, 2 min, 10 min and 30 min, then dead-lettered."
  it('retries a refund the payment provider could not take, and refunds once', async () => {
    const w = world({ paymentsUnreachableUntil: Date.now() + 2 * MIN });
    w.trip('PY1', 24 * 15, [hotel(52_000, 'alpenhof')]);
    w.cancel('PY1');
    await vi.advanceTimersByTimeAsync(2 * HOUR);

    expect(w.pay.refundsOf('pay_PY1')).toHaveLength(1);
    expect(w.bookings.get('PY1')).toMatchObject({ status: 'cancelled', refund: { amountCents: 52_000 } });
  });

  // Stated in README.md: "compares what we recorded as refunded with what the provider paid back"
  it('leaves finance nothing to chase after a day with two supplier outages', async () => {
    const w = world({
      outages: [
        { supplier: 'staywell', until: Date.now() + 40 * MIN },
        { supplier: 'rideto', until: Date.now() + 12 * MIN },
      ],
    });
    w.trip('D1', 10, [flight(30_000), hotel(20_000)]);
    w.trip('D2', 24 * 30, [flight(9_000, false), transfer(3_000)]);
    w.trip('D3', 24 * 3, [hotel(41_000), transfer(2_500)]);
    w.trip('D4', 24 * 12, [flight(17_500, false)]);
    for (const id of ['D1', 'D2', 'D3', 'D4']) w.cancel(id);
    await vi.advanceTimersByTimeAsync(4 * HOUR);

    const pending = reconcileRefunds(w.bookings, ['D1', 'D2', 'D3', 'D4'], w.pay);
    await vi.advanceTimersByTimeAsync(1_000);
    const report = await pending;
    expect(report.map((line) => [line.bookingId, line.status, line.providerCents, line.providerRefunds])).toEqual([
      ['D1', 'ok', 25_000, 1],
      ['D2', 'ok', 3_000, 1],
      ['D3', 'ok', 43_500, 1],
      ['D4', 'ok', 0, 0],
    ]);
  });
});
