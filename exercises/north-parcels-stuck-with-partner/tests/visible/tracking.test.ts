import { describe, it, expect } from 'vitest';
import { type Notification, TrackingService } from '../../src/tracking/ingest';
import { trackingPage } from '../../src/tracking/tracking-page';
import { slaReport } from '../../src/reports/sla';

// Messages exactly as they sit on the parcel-events queue.
const own = (parcelId: string, code: string, occurredAt: string, city: string) =>
  JSON.stringify({ parcelId, carrier: 'own', code, occurredAt, location: { city, country: 'GB' } });
const swiftlast = (parcelId: string, code: string, occurredAt: number, city: string) =>
  JSON.stringify({ parcelId, carrier: 'swiftlast', code, occurredAt, location: { city, country: 'GB' } });

function service() {
  const sent: Notification[] = [];
  const tracking = new TrackingService((notification) => sent.push(notification));
  return { tracking, sent };
}

// PN-400117: picked up in Leeds, handed to SwiftLast for the last mile in the North region.
const NORTH_PARCEL = [
  own('PN-400117', 'PICKED_UP', '2026-01-03T16:20:00Z', 'Leeds'),
  own('PN-400117', 'AT_HUB', '2026-01-03T22:05:00Z', 'Wakefield'),
  own('PN-400117', 'HANDED_TO_PARTNER', '2026-01-04T06:40:00Z', 'Wakefield'),
  swiftlast('PN-400117', 'SL_ACCEPTED', 1767510120, 'Harrogate'),
  swiftlast('PN-400117', 'SL_ON_VAN', 1767599100, 'Harrogate'),
  swiftlast('PN-400117', 'SL_DELIVERED', 1767611880, 'Harrogate'),
];

// PS-200881: delivered by our own vans in the South.
const SOUTH_PARCEL = [
  own('PS-200881', 'PICKED_UP', '2026-01-03T15:00:00Z', 'Reading'),
  own('PS-200881', 'AT_HUB', '2026-01-03T21:30:00Z', 'Swindon'),
  own('PS-200881', 'OUT_FOR_DELIVERY', '2026-01-04T08:10:00Z', 'Bath'),
  own('PS-200881', 'DELIVERED', '2026-01-04T12:47:00Z', 'Bath'),
];

describe('parcel tracking', () => {
  it('shows a North parcel as delivered once SwiftLast has delivered it', () => {
    const { tracking } = service();
    tracking.register('PN-400117');
    for (const message of NORTH_PARCEL) tracking.handleMessage(message);

    expect(trackingPage(tracking.timeline('PN-400117')!).headline).toBe('Delivered');
  });

  it('tells the customer when their North parcel is out for delivery and when it is delivered', () => {
    const { tracking, sent } = service();
    tracking.register('PN-400117');
    for (const message of NORTH_PARCEL) tracking.handleMessage(message);

    expect(sent).toEqual([
      { parcelId: 'PN-400117', kind: 'out-for-delivery' },
      { parcelId: 'PN-400117', kind: 'delivered' },
    ]);
  });

  it('tracks a South parcel delivered by our own vans', () => {
    const { tracking, sent } = service();
    tracking.register('PS-200881');
    for (const message of SOUTH_PARCEL) tracking.handleMessage(message);

    expect(trackingPage(tracking.timeline('PS-200881')!)).toEqual({
      headline: 'Delivered',
      lines: ['Sun 4 Jan 12:47  Delivered (Bath)', 'Sun 4 Jan 08:10  Out for delivery (Bath)', 'Sat 3 Jan 21:30  On its way (Swindon)', 'Sat 3 Jan 15:00  Picked up (Reading)'],
    });
    expect(sent.map((notification) => notification.kind)).toEqual(['out-for-delivery', 'delivered']);
  });

  it('ignores a repeated event and sends unreadable messages to the dead-letter queue', () => {
    const { tracking, sent } = service();
    tracking.register('PS-200881');
    for (const message of [...SOUTH_PARCEL, SOUTH_PARCEL[3] as string]) tracking.handleMessage(message);

    expect(sent).toHaveLength(2);
    expect(tracking.handleMessage(SOUTH_PARCEL[3] as string)).toEqual({ outcome: 'duplicate' });
    expect(tracking.handleMessage('{"parcelId":"12345","carrier":"own","code":"AT_HUB"}')).toEqual({ outcome: 'dead-letter', reason: 'bad parcelId 12345' });
    expect(tracking.handleMessage('<event/>')).toEqual({ outcome: 'dead-letter', reason: 'body is not JSON' });
  });

  it('reports South parcels against the two-day promise', () => {
    const { tracking } = service();
    tracking.register('PS-200881');
    tracking.register('PS-200902');
    for (const message of SOUTH_PARCEL) tracking.handleMessage(message);
    tracking.handleMessage(own('PS-200902', 'PICKED_UP', '2026-01-01T10:00:00Z', 'Reading'));

    expect(slaReport(tracking.parcels(), 2, Date.parse('2026-01-05T09:00:00Z'))).toEqual([
      { parcelId: 'PS-200881', result: 'on-time', days: 0.9 },
      { parcelId: 'PS-200902', result: 'late' },
    ]);
  });
});
