import { describe, it, expect } from 'vitest';
import { type Notification, TrackingService } from '../../src/tracking/ingest';
import { trackingPage } from '../../src/tracking/tracking-page';
import { slaReport } from '../../src/reports/sla';

const own = (parcelId: string, code: string, occurredAt: unknown, city = 'York') => JSON.stringify({ parcelId, carrier: 'own', code, occurredAt, location: { city, country: 'GB' } });
const sl = (parcelId: string, code: string, occurredAt: unknown, city = 'Ripon') => JSON.stringify({ parcelId, carrier: 'swiftlast', code, occurredAt, location: { city, country: 'GB' } });
const unix = (iso: string) => Date.parse(iso) / 1000;

function setup(...parcels: string[]) {
  const sent: Notification[] = [];
  const tracking = new TrackingService((notification) => sent.push(notification));
  for (const parcel of parcels) tracking.register(parcel);
  return { tracking, sent, feed: (...messages: string[]) => messages.map((message) => tracking.handleMessage(message)) };
}

const HANDOVER = (id: string) => [
  own(id, 'PICKED_UP', '2026-01-06T15:10:00Z'),
  own(id, 'AT_HUB', '2026-01-06T21:45:00Z'),
  own(id, 'HANDED_TO_PARTNER', '2026-01-07T05:30:00Z'),
];

describe('events from the last-mile partner', () => {
  // Stated in src/tracking/timeline.ts: "the current status is the latest event's"
  // Stated in README.md: "`event_time`: when the scan happened, as Unix time"
  it('puts SwiftLast scans at the moment they happened', () => {
    const { tracking, feed } = setup('PN-700001');
    feed(...HANDOVER('PN-700001'), sl('PN-700001', 'SL_ACCEPTED', unix('2026-01-07T06:02:00Z')), sl('PN-700001', 'SL_ON_VAN', unix('2026-01-08T07:15:00Z')), sl('PN-700001', 'SL_DELIVERED', unix('2026-01-08T10:41:00Z')));
    expect(trackingPage(tracking.timeline('PN-700001')!)).toEqual({
      headline: 'Delivered',
      lines: [
        'Thu 8 Jan 10:41  Delivered (Ripon)',
        'Thu 8 Jan 07:15  Out for delivery (Ripon)',
        'Wed 7 Jan 06:02  With our delivery partner (Ripon)',
        'Wed 7 Jan 05:30  With our delivery partner (York)',
        'Tue 6 Jan 21:45  On its way (York)',
        'Tue 6 Jan 15:10  Picked up (York)',
      ],
    });
  });

  // Stated in src/tracking/timeline.ts: "and in batches, so arrival order means nothing"
  // Stated in README.md: "Customers get an e-mail when their parcel's current status becomes"
  it('handles a late batch of scans that arrives out of order', () => {
    const { tracking, sent, feed } = setup('PN-700002');
    feed(...HANDOVER('PN-700002'));
    feed(sl('PN-700002', 'SL_DELIVERED', unix('2026-01-08T12:20:00Z')), sl('PN-700002', 'SL_ACCEPTED', unix('2026-01-07T06:00:00Z')), sl('PN-700002', 'SL_ON_VAN', unix('2026-01-08T08:00:00Z')));
    expect(trackingPage(tracking.timeline('PN-700002')!).headline).toBe('Delivered');
    expect(sent).toEqual([{ parcelId: 'PN-700002', kind: 'delivered' }]);
  });

  // Stated in README.md: "Customers get an e-mail when their parcel's current status becomes"
  it('follows a missed delivery and the next day’s new attempt', () => {
    const { tracking, sent, feed } = setup('PN-700003');
    feed(...HANDOVER('PN-700003'), sl('PN-700003', 'SL_ON_VAN', unix('2026-01-07T08:00:00Z')), sl('PN-700003', 'SL_NOT_HOME', unix('2026-01-07T13:05:00Z')), sl('PN-700003', 'SL_ON_VAN', unix('2026-01-08T08:10:00Z')));
    expect(trackingPage(tracking.timeline('PN-700003')!).headline).toBe('Out for delivery');
    expect(sent.map((notification) => notification.kind)).toEqual(['out-for-delivery', 'delivery-failed', 'out-for-delivery']);
  });

  // Stated in src/reports/sla.ts: "a parcel is on time when it is delivered within"
  it('counts a parcel SwiftLast delivered in time as on time', () => {
    const { tracking, feed } = setup('PN-700004', 'PN-700005');
    feed(...HANDOVER('PN-700004'), sl('PN-700004', 'SL_DELIVERED', unix('2026-01-08T10:22:00Z')));
    feed(own('PN-700005', 'PICKED_UP', '2026-01-04T09:00:00Z'), own('PN-700005', 'HANDED_TO_PARTNER', '2026-01-05T05:00:00Z'), sl('PN-700005', 'SL_DELIVERED', unix('2026-01-07T16:00:00Z')));
    expect(slaReport(tracking.parcels(), 2, Date.parse('2026-01-09T09:00:00Z'))).toEqual([
      { parcelId: 'PN-700004', result: 'on-time', days: 1.8 },
      { parcelId: 'PN-700005', result: 'late', days: 3.3 },
    ]);
  });

  // Stated in README.md: "the queue delivers some messages twice"
  it('ignores a SwiftLast scan delivered twice by the queue', () => {
    const { sent, feed } = setup('PN-700006');
    const delivered = sl('PN-700006', 'SL_DELIVERED', unix('2026-01-08T09:00:00Z'));
    const outcomes = feed(...HANDOVER('PN-700006'), delivered, delivered);
    expect(outcomes.at(-1)).toEqual({ outcome: 'duplicate' });
    expect(sent).toEqual([{ parcelId: 'PN-700006', kind: 'delivered' }]);
  });

  // Stated in README.md: "A message the consumer cannot read goes to the dead-letter queue"
  it('sends messages without a readable time to the dead-letter queue', () => {
    const { tracking, feed } = setup('PN-700007');
    const outcomes = feed(own('PN-700007', 'PICKED_UP', 'yesterday'), sl('PN-700007', 'SL_ON_VAN', null), sl('PN-700007', 'SL_DELIVERED', '2026-13-45'));
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['dead-letter', 'dead-letter', 'dead-letter']);
    expect(tracking.timeline('PN-700007')?.events()).toEqual([]);
  });

  // Stated in README.md: "Our depots send ISO 8601 times"
  it('still reads our depots’ times with an offset', () => {
    const { tracking, feed } = setup('PS-300001');
    feed(own('PS-300001', 'PICKED_UP', '2026-01-06T16:00:00+01:00', 'Dover'), own('PS-300001', 'DELIVERED', '2026-01-07T09:30:00Z', 'Deal'));
    expect(trackingPage(tracking.timeline('PS-300001')!).lines).toEqual(['Wed 7 Jan 09:30  Delivered (Deal)', 'Tue 6 Jan 15:00  Picked up (Dover)']);
  });
});
