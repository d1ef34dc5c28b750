import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { SessionManager, ConnectorBusyError } from '../../src/sessions/session-manager';
import { invoicesForDay } from '../../src/billing/invoicing';
import { TestSite } from './site';

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T08:00:00.000Z'));
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('charging and the nightly invoices', () => {
  it('bills each driver only for the energy of their own session', async () => {
    const site = new TestSite({ 'HUB-04/1': 1_250_000 });
    const sessions = new SessionManager(site);

    // Anna charges at 11 kW; at 08:40 the site's peak shaving pauses her for 20 minutes.
    const anna = sessions.startSession('HUB-04/1', 'drv-anna');
    sessions.onStatus('HUB-04/1', 'Charging');
    site.draw('HUB-04/1', 11);
    await vi.advanceTimersByTimeAsync(40 * MINUTE);
    sessions.onStatus('HUB-04/1', 'SuspendedEVSE');
    site.draw('HUB-04/1', 0);
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    sessions.onStatus('HUB-04/1', 'Charging');
    site.draw('HUB-04/1', 11);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    site.draw('HUB-04/1', 0);
    sessions.stopSession(anna.id, 'driver');
    expect(sessions.live(anna.id).energyKwh).toBeCloseTo(12.833, 3);

    // Ben plugs in a quarter of an hour later and charges at 22 kW for an hour.
    await vi.advanceTimersByTimeAsync(15 * MINUTE);
    const ben = sessions.startSession('HUB-04/1', 'drv-ben');
    sessions.onStatus('HUB-04/1', 'Charging');
    site.draw('HUB-04/1', 22);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    site.draw('HUB-04/1', 0);
    sessions.onStatus('HUB-04/1', 'Finishing');
    expect(sessions.live(ben.id).energyKwh).toBe(22);

    await vi.advanceTimersByTimeAsync(3 * 60 * MINUTE);
    const invoices = invoicesForDay(sessions, '2026-01-05');
    expect(invoices.map((invoice) => [invoice.driverId, invoice.lines.map((line) => line.kwh)])).toEqual([
      ['drv-anna', ['12.833']],
      ['drv-ben', ['22.000']],
    ]);
    expect(invoices[0]?.totalCents).toBe(664);
  });

  it('prices a session at the tariff', async () => {
    const site = new TestSite({ 'HUB-02/2': 88_000 });
    const sessions = new SessionManager(site);
    const session = sessions.startSession('HUB-02/2', 'drv-carla');
    sessions.onStatus('HUB-02/2', 'Charging');
    site.draw('HUB-02/2', 7.4);
    await vi.advanceTimersByTimeAsync(90 * MINUTE);
    site.draw('HUB-02/2', 0);
    sessions.onStatus('HUB-02/2', 'Finishing');

    const [invoice] = invoicesForDay(sessions, '2026-01-05');
    expect(invoice).toEqual({
      driverId: 'drv-carla',
      day: '2026-01-05',
      lines: [{ sessionId: session.id, connectorId: 'HUB-02/2', kwh: '11.100', amountCents: 579 }],
      totalCents: 579,
      currency: 'EUR',
    });
  });

  it('shows live energy and cost in the app while charging', async () => {
    const site = new TestSite({ 'HUB-01/1': 5_000 });
    const sessions = new SessionManager(site);
    const session = sessions.startSession('HUB-01/1', 'drv-dev');
    sessions.onStatus('HUB-01/1', 'Charging');
    site.draw('HUB-01/1', 11);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(sessions.live(session.id)).toEqual({ sessionId: session.id, state: 'charging', energyKwh: 5.5, minutes: 30, costSoFarCents: 305 });
  });

  it('refuses a second session on a connector that is in use', () => {
    const site = new TestSite({ 'HUB-01/2': 0 });
    const sessions = new SessionManager(site);
    sessions.startSession('HUB-01/2', 'drv-eli');
    expect(() => sessions.startSession('HUB-01/2', 'drv-fay')).toThrow(ConnectorBusyError);
  });
});
