import type { ApiResponse, ProviderEvent } from './calendar-api';

type StoredEvent = ProviderEvent & { version: number };
type Calendar = { id: string; summary: string; events: Map<string, StoredEvent>; version: number; epoch: number };

/**
 * In-memory calendar provider for tests and the staging stack. It answers
 * GET /calendars/:id and GET /calendars/:id/events the way the provider's
 * API reference documents:
 *
 *   200                    { items, nextSyncToken }. Without a syncToken: every current event.
 *                          With one: the events changed since that token was issued, deleted
 *                          ones included with status "cancelled".
 *   400 invalidSyncToken   the syncToken is not one we issued (malformed, or for another
 *                          calendar). Start over with a full sync.
 *   404 notFound           the calendar does not exist (it was deleted).
 *   410 fullSyncRequired   the syncToken has expired or was invalidated on our side (for
 *                          example after moving the calendar's storage). Discard it, do a
 *                          full sync, and continue from the new token.
 *   503 backendError       try again later.
 *
 * Error bodies look like { error: { code, reason, message } }.
 */
export class FakeCalendarProvider {
  private readonly calendars = new Map<string, Calendar>();
  private readonly outages: number[] = [];
  private seq = 0;

  addCalendar(id: string, summary: string): void {
    this.calendars.set(id, { id, summary, events: new Map(), version: 0, epoch: 1 });
  }

  deleteCalendar(id: string): void {
    this.calendars.delete(id);
  }

  /** Creates or updates an event, as a person editing the room's calendar would. */
  putEvent(calendarId: string, event: { id?: string; summary: string; start: string; end: string; organizer: string }): string {
    const calendar = this.must(calendarId);
    const id = event.id ?? `evt_${++this.seq}`;
    calendar.version += 1;
    calendar.events.set(id, { ...event, id, status: 'confirmed', version: calendar.version });
    return id;
  }

  cancelEvent(calendarId: string, eventId: string): void {
    const calendar = this.must(calendarId);
    const event = calendar.events.get(eventId);
    if (!event) throw new Error(`no event ${eventId}`);
    calendar.version += 1;
    calendar.events.set(eventId, { id: eventId, status: 'cancelled', version: calendar.version });
  }

  /** Invalidates every sync token issued so far for the calendar (storage migration). */
  invalidateSyncTokens(calendarId: string): void {
    this.must(calendarId).epoch += 1;
  }

  failNextRequests(count: number): void {
    for (let i = 0; i < count; i++) this.outages.push(503);
  }

  readonly transport = async (_method: 'GET', path: string, query: Record<string, string> = {}): Promise<ApiResponse> => {
    await Promise.resolve();
    if (this.outages.shift() !== undefined) return error(503, 'backendError', 'Backend Error');
    const match = /^\/calendars\/([^/]+)(\/events)?$/.exec(path);
    const calendar = match ? this.calendars.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !calendar) return error(404, 'notFound', 'Not Found');
    if (!match[2]) return { status: 200, body: { id: calendar.id, summary: calendar.summary, timeZone: 'Europe/London' } };

    const next = `${calendar.id}:${calendar.epoch}:${calendar.version}`;
    if (query.syncToken === undefined) {
      const items = [...calendar.events.values()].filter((e) => e.status === 'confirmed').map(strip);
      return { status: 200, body: { items, nextSyncToken: next } };
    }
    const [owner, epoch, version] = query.syncToken.split(':');
    if (owner !== calendar.id || !/^\d+$/.test(epoch ?? '') || !/^\d+$/.test(version ?? '')) {
      return error(400, 'invalidSyncToken', 'Invalid sync token');
    }
    if (Number(epoch) !== calendar.epoch) return error(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
    const items = [...calendar.events.values()].filter((e) => e.version > Number(version)).map(strip);
    return { status: 200, body: { items, nextSyncToken: next } };
  };

  private must(id: string): Calendar {
    const calendar = this.calendars.get(id);
    if (!calendar) throw new Error(`no calendar ${id}`);
    return calendar;
  }
}

function strip({ version: _version, ...event }: StoredEvent): ProviderEvent {
  return event;
}

function error(code: number, reason: string, message: string): ApiResponse {
  return { status: code, body: { error: { code, reason, message } } };
}
