import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { SessionManager } from '../../src/sessions/session-manager';
import { invoicesForDay } from '../../src/billing/invoicing';
import { TestSite } from '../visible/site';

const MINUTE = 60_000;
const wait = (minutes: number) => vi.advanceTimersByTimeAsync(minutes * MINUTE);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-07T06:00:00.000Z'));
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

async function chargeWithPauses(site: TestSite, sessions: SessionManager, connector: string, driver: string, pauses: number) {
  const session = sessions.startSession(connector, driver);
  sessions.onStatus(connector, 'Charging');
  site.draw(connector, 11);
  for (let i = 0; i < pauses; i++) {
    await wait(12);
    sessions.onStatus(connector, i % 2 === 0 ? 'SuspendedEVSE' : 'SuspendedEV');
    site.draw(connector, 0);
    await wait(6);
    sessions.onStatus(connector, 'Charging');
    site.draw(connector, 11);
  }
  await wait(12);
  site.draw(connector, 0);
  return session;
}

describe('metering', () => {
  // Stated in src/billing/invoicing.ts: "each line priced from the energy the session delivered"
  it('invoices each session for its own energy after several pauses and a busy connector', async () => {
    const site = new TestSite({ 'DEPOT-9/1': 40_000 });
    const sessions = new SessionManager(site);
    const first = await chargeWithPauses(site, sessions, 'DEPOT-9/1', 'drv-1', 3);
    sessions.stopSession(first.id, 'driver');
    for (const driver of ['drv-2', 'drv-3']) {
      await wait(5);
      const next = await chargeWithPauses(site, sessions, 'DEPOT-9/1', driver, 1);
      sessions.onStatus('DEPOT-9/1', 'Finishing');
      expect(sessions.live(next.id).state).toBe('completed');
    }
    await wait(120);
    const lines = invoicesForDay(sessions, '2026-01-07').map((invoice) => [invoice.driverId, invoice.lines.map((line) => line.kwh)]);
    expect(lines).toEqual([
      ['drv-1', ['8.800']],
      ['drv-2', ['4.400']],
      ['drv-3', ['4.400']],
    ]);
  });

  // Stated in src/sessions/session-manager.ts: "while a session is open its connector's meter"
  // Stated in src/config.ts: "Each charging session reads its connector's meter once a minute."
  it('reads the meter once a minute, however often the session was paused', async () => {
    const site = new TestSite({ 'DEPOT-9/2': 0 });
    const sessions = new SessionManager(site);
    await chargeWithPauses(site, sessions, 'DEPOT-9/2', 'drv-4', 4);
    const before = site.readsOf('DEPOT-9/2');
    await wait(10);
    expect(site.readsOf('DEPOT-9/2') - before).toBe(10);
  });

  // Stated in src/sessions/session-manager.ts: "while a session is open its connector's meter"
  it('stops reading the meter once the session is over', async () => {
    const site = new TestSite({ 'DEPOT-9/3': 0 });
    const sessions = new SessionManager(site);
    const session = await chargeWithPauses(site, sessions, 'DEPOT-9/3', 'drv-5', 2);
    sessions.stopSession(session.id, 'operator');
    const after = site.readsOf('DEPOT-9/3');
    await wait(120);
    expect(site.readsOf('DEPOT-9/3')).toBe(after);
  });

  // Stated in src/chargers/charge-point.ts: "repeats the current state"
  // Stated in src/config.ts: "Each charging session reads its connector's meter once a minute."
  it('copes with a charger that repeats its status after reconnecting', async () => {
    const site = new TestSite({ 'DEPOT-9/4': 7_000 });
    const sessions = new SessionManager(site);
    const session = sessions.startSession('DEPOT-9/4', 'drv-6');
    sessions.onStatus('DEPOT-9/4', 'Charging');
    site.draw('DEPOT-9/4', 22);
    await wait(20);
    sessions.onStatus('DEPOT-9/4', 'Charging');
    sessions.onStatus('DEPOT-9/4', 'Charging');
    const before = site.readsOf('DEPOT-9/4');
    await wait(10);
    expect(site.readsOf('DEPOT-9/4') - before).toBe(10);
    site.draw('DEPOT-9/4', 0);
    sessions.onStatus('DEPOT-9/4', 'Finishing');
    const after = site.readsOf('DEPOT-9/4');
    await wait(60);
    expect(site.readsOf('DEPOT-9/4')).toBe(after);
    expect(sessions.live(session.id).energyKwh).toBe(11);
  });

  // Stated in src/sessions/types.ts: "final once the session is completed"
  it('keeps the energy of a session stopped while paused, while the next car charges', async () => {
    const site = new TestSite({ 'DEPOT-9/5': 100_000 });
    const sessions = new SessionManager(site);
    const first = sessions.startSession('DEPOT-9/5', 'drv-7');
    sessions.onStatus('DEPOT-9/5', 'Charging');
    site.draw('DEPOT-9/5', 11);
    await wait(30);
    sessions.onStatus('DEPOT-9/5', 'SuspendedEV');
    site.draw('DEPOT-9/5', 0);
    await wait(3);
    sessions.onStatus('DEPOT-9/5', 'Charging');
    await wait(2);
    sessions.onStatus('DEPOT-9/5', 'SuspendedEV');
    sessions.stopSession(first.id, 'driver');
    const second = sessions.startSession('DEPOT-9/5', 'drv-8');
    sessions.onStatus('DEPOT-9/5', 'Charging');
    site.draw('DEPOT-9/5', 22);
    await wait(90);
    expect(sessions.live(first.id).energyKwh).toBe(5.5);
    expect(sessions.live(second.id).energyKwh).toBe(33);
  });
});
