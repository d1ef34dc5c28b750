import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskLine } from '../../src/kiosk/kiosk-view';
import { createOffice } from '../../src/office';
import { FakeCalendarProvider } from '../../src/provider/fake-provider';
import { findFreeRooms } from '../../src/rooms/directory';

async function friday() {
  vi.setSystemTime(new Date('2026-01-09T17:00:00.000Z'));
  const provider = new FakeCalendarProvider();
  provider.addCalendar('c_aurora@rooms', 'Aurora (4th floor)');
  provider.addCalendar('c_birch@rooms', 'Birch (4th floor)');
  provider.addCalendar('c_cedar@rooms', 'Cedar (2nd floor)');
  const board = provider.putEvent('c_aurora@rooms', { summary: 'Board meeting', start: '2026-01-12T10:00:00.000Z', end: '2026-01-12T11:30:00.000Z', organizer: 'ceo@northwind.example' });
  provider.putEvent('c_aurora@rooms', { summary: 'Quarterly review', start: '2026-01-12T14:00:00.000Z', end: '2026-01-12T15:00:00.000Z', organizer: 'cfo@northwind.example' });
  provider.putEvent('c_birch@rooms', { summary: 'Design stand-up', start: '2026-01-12T09:30:00.000Z', end: '2026-01-12T10:00:00.000Z', organizer: 'lena@northwind.example' });
  provider.putEvent('c_cedar@rooms', { summary: '1:1', start: '2026-01-12T11:00:00.000Z', end: '2026-01-12T12:00:00.000Z', organizer: 'sam@northwind.example' });

  const office = createOffice(provider.transport);
  await office.sync.linkRoom({ id: 'aurora', name: 'Aurora', floor: 4, seats: 12, calendarId: 'c_aurora@rooms' });
  await office.sync.linkRoom({ id: 'birch', name: 'Birch', floor: 4, seats: 6, calendarId: 'c_birch@rooms' });
  await office.sync.linkRoom({ id: 'cedar', name: 'Cedar', floor: 2, seats: 4, calendarId: 'c_cedar@rooms' });
  await office.sync.syncAll();
  return { provider, board, ...office };
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('meeting rooms', () => {
  it("shows Monday's board meeting on Aurora's kiosk after the provider's weekend maintenance", async () => {
    const { provider, sync, directory, bookings } = await friday();
    vi.setSystemTime(new Date('2026-01-11T02:10:00.000Z'));
    provider.invalidateSyncTokens('c_aurora@rooms');
    provider.invalidateSyncTokens('c_birch@rooms');

    vi.setSystemTime(new Date('2026-01-12T06:00:00.000Z'));
    await sync.syncAll();

    expect(kioskLine(directory, bookings, 'aurora', new Date('2026-01-12T09:55:00.000Z'))).toBe('Free until 10:00 · next: Board meeting');
  });

  it('offers both 4th-floor rooms for a lunch slot on Monday', async () => {
    const { provider, sync, directory, bookings } = await friday();
    provider.invalidateSyncTokens('c_aurora@rooms');
    provider.invalidateSyncTokens('c_birch@rooms');
    await sync.syncAll();

    const free = findFreeRooms(directory, bookings, { start: '2026-01-12T12:00:00.000Z', end: '2026-01-12T13:00:00.000Z', seats: 6 });
    expect(free.map((room) => room.id)).toEqual(['birch', 'aurora']);
  });

  it('shows a meeting booked in the calendar after the next sync', async () => {
    const { provider, sync, directory, bookings } = await friday();
    provider.putEvent('c_cedar@rooms', { summary: 'Hiring panel', start: '2026-01-12T09:00:00.000Z', end: '2026-01-12T10:30:00.000Z', organizer: 'hr@northwind.example' });
    await sync.syncAll();

    expect(kioskLine(directory, bookings, 'cedar', new Date('2026-01-12T09:15:00.000Z'))).toBe('Busy until 10:30 · Hiring panel');
  });

  it('frees the room when a meeting is cancelled', async () => {
    const { provider, sync, directory, bookings, board } = await friday();
    provider.cancelEvent('c_aurora@rooms', board);
    await sync.syncAll();

    expect(kioskLine(directory, bookings, 'aurora', new Date('2026-01-12T10:15:00.000Z'))).toBe('Free until 14:00 · next: Quarterly review');
  });

  it('stops offering a room whose calendar was deleted', async () => {
    const { provider, sync, directory, bookings } = await friday();
    provider.deleteCalendar('c_cedar@rooms');
    const summary = await sync.syncAll();

    expect(summary.retired).toEqual(['cedar']);
    expect(kioskLine(directory, bookings, 'cedar', new Date('2026-01-12T09:00:00.000Z'))).toBe('Not available for booking');
    const free = findFreeRooms(directory, bookings, { start: '2026-01-12T16:00:00.000Z', end: '2026-01-12T17:00:00.000Z', seats: 2 });
    expect(free.map((room) => room.id)).toEqual(['birch', 'aurora']);
  });

  it('keeps the bookings it has while the provider is down', async () => {
    const { provider, sync, directory, bookings } = await friday();
    provider.failNextRequests(3);
    const summary = await sync.syncAll();

    expect(summary.skipped).toEqual(['aurora', 'birch', 'cedar']);
    expect(kioskLine(directory, bookings, 'birch', new Date('2026-01-12T09:40:00.000Z'))).toBe('Busy until 10:00 · Design stand-up');
  });
});
