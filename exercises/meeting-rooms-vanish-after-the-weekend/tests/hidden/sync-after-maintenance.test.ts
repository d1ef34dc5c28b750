import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskLine } from '../../src/kiosk/kiosk-view';
import { createOffice } from '../../src/office';
import { FakeCalendarProvider } from '../../src/provider/fake-provider';
import { findFreeRooms } from '../../src/rooms/directory';

const DAY = '2026-03-02';
const at = (time: string) => `${DAY}T${time}:00.000Z`;

async function setup() {
  vi.setSystemTime(new Date('2026-02-27T16:00:00.000Z'));
  const provider = new FakeCalendarProvider();
  provider.addCalendar('res_fjord', 'Fjord');
  provider.addCalendar('res_glade', 'Glade');
  const planning = provider.putEvent('res_fjord', { summary: 'Sprint planning', start: at('09:00'), end: at('10:00'), organizer: 'ana@example.test' });
  const retro = provider.putEvent('res_fjord', { summary: 'Retro', start: at('15:00'), end: at('16:00'), organizer: 'ana@example.test' });
  provider.putEvent('res_glade', { summary: 'Interview', start: at('11:00'), end: at('12:00'), organizer: 'hr@example.test' });
  const office = createOffice(provider.transport);
  await office.sync.linkRoom({ id: 'fjord', name: 'Fjord', floor: 3, seats: 8, calendarId: 'res_fjord' });
  await office.sync.linkRoom({ id: 'glade', name: 'Glade', floor: 3, seats: 5, calendarId: 'res_glade' });
  await office.sync.syncAll();
  const line = (room: string, time: string) => kioskLine(office.directory, office.bookings, room, new Date(at(time)));
  return { provider, planning, retro, line, ...office };
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('sync when the provider invalidates sync tokens', () => {
  // Stated in README.md: "A room is retired (taken out of the finder and the kiosks) only when its calendar has been deleted at the provider."
  it('keeps the room and its bookings', async () => {
    const { provider, sync, line, directory } = await setup();
    provider.invalidateSyncTokens('res_fjord');
    const summary = await sync.syncAll();

    expect(summary.retired).toEqual([]);
    expect(directory.get('fjord')?.active).toBe(true);
    expect(line('fjord', '09:30')).toBe('Busy until 10:00 · Sprint planning');
    expect(line('glade', '11:10')).toBe('Busy until 12:00 · Interview');
  });

  // Stated in README.md: "After a sync run, our copy of a room's calendar matches the calendar at the provider: new meetings appear, moved ones move, cancelled ones disappear."
  it('picks up a meeting booked after the tokens were invalidated, in the same run', async () => {
    const { provider, sync, line } = await setup();
    provider.invalidateSyncTokens('res_fjord');
    provider.putEvent('res_fjord', { summary: 'Customer call', start: at('12:00'), end: at('12:30'), organizer: 'raj@example.test' });
    await sync.syncAll();

    expect(line('fjord', '12:10')).toBe('Busy until 12:30 · Customer call');
  });

  // Stated in README.md: "After a sync run, our copy of a room's calendar matches the calendar at the provider: new meetings appear, moved ones move, cancelled ones disappear."
  it('drops a meeting cancelled after the tokens were invalidated', async () => {
    const { provider, sync, line, planning } = await setup();
    provider.invalidateSyncTokens('res_fjord');
    provider.cancelEvent('res_fjord', planning);
    await sync.syncAll();

    expect(line('fjord', '09:30')).toBe('Free until 15:00 · next: Retro');
  });

  // Stated in README.md: "After a sync run, our copy of a room's calendar matches the calendar at the provider: new meetings appear, moved ones move, cancelled ones disappear."
  it('moves a meeting rescheduled while the tokens were invalid', async () => {
    const { provider, sync, line, directory, bookings, retro } = await setup();
    provider.invalidateSyncTokens('res_fjord');
    provider.putEvent('res_fjord', { id: retro, summary: 'Retro', start: at('13:00'), end: at('14:00'), organizer: 'ana@example.test' });
    await sync.syncAll();

    expect(line('fjord', '13:30')).toBe('Busy until 14:00 · Retro');
    const free = findFreeRooms(directory, bookings, { start: at('15:00'), end: at('16:00'), seats: 5 });
    expect(free.map((room) => room.id)).toEqual(['glade', 'fjord']);
  });

  // Stated in README.md: "After a sync run, our copy of a room's calendar matches the calendar at the provider"
  it('goes on syncing changes in later runs', async () => {
    const { provider, sync, line, retro } = await setup();
    provider.invalidateSyncTokens('res_fjord');
    await sync.syncAll();
    provider.cancelEvent('res_fjord', retro);
    provider.putEvent('res_fjord', { summary: 'Demo', start: at('16:00'), end: at('17:00'), organizer: 'li@example.test' });
    await sync.syncAll();

    expect(line('fjord', '14:00')).toBe('Free until 16:00 · next: Demo');
  });

  // Stated in README.md: "A room is retired (taken out of the finder and the kiosks) only when its calendar has been deleted at the provider."
  it('still retires a room whose calendar was deleted', async () => {
    const { provider, sync, line, directory, bookings } = await setup();
    provider.invalidateSyncTokens('res_glade');
    await sync.syncAll();
    provider.deleteCalendar('res_glade');
    const summary = await sync.syncAll();

    expect(summary.retired).toEqual(['glade']);
    expect(line('glade', '11:10')).toBe('Not available for booking');
    expect(findFreeRooms(directory, bookings, { start: at('18:00'), end: at('19:00'), seats: 1 }).map((room) => room.id)).toEqual(['fjord']);
  });

  // Stated in README.md: "When the provider has trouble, we keep the bookings we have and catch up on a later run."
  it('keeps the bookings through an outage and catches up afterwards', async () => {
    const { provider, sync, line, planning } = await setup();
    provider.invalidateSyncTokens('res_fjord');
    provider.cancelEvent('res_fjord', planning);
    provider.failNextRequests(2);
    await sync.syncAll();
    expect(line('fjord', '09:30')).toBe('Busy until 10:00 · Sprint planning');

    await sync.syncAll();
    expect(line('fjord', '09:30')).toBe('Free until 15:00 · next: Retro');
  });
});
