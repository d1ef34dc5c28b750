export type ProviderEvent = {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  start?: string;
  end?: string;
  organizer?: string;
};

export type EventsPage = { items: ProviderEvent[]; nextSyncToken: string };

export type CalendarInfo = { id: string; summary: string; timeZone: string };

export type ApiResponse = { status: number; body: unknown };

export type ApiTransport = (method: 'GET', path: string, query?: Record<string, string>) => Promise<ApiResponse>;

export class CalendarApiError extends Error {
  readonly status: number;
  readonly reason: string;

  constructor(message: string, status: number, reason: string) {
    super(message);
    this.name = 'CalendarApiError';
    this.status = status;
    this.reason = reason;
  }
}

/** The calendar itself is gone, so the room it belongs to no longer exists either. */
export class CalendarNotFoundError extends CalendarApiError {}
/** The sync token we sent cannot be used; the caller has to start from a full sync. */
export class SyncTokenRejectedError extends CalendarApiError {}
/** Temporary trouble on the provider's side; the same request may work later. */
export class ProviderUnavailableError extends CalendarApiError {}

/** Turns one of the provider's error answers into the error the sync knows how to handle. */
function errorFor(calendarId: string, response: ApiResponse): CalendarApiError {
  const reason = (response.body as { error?: { reason?: string } } | null)?.error?.reason ?? 'unknown';
  const message = `calendar ${calendarId}: ${response.status} ${reason}`;
  if (response.status === 400 && reason === 'invalidSyncToken') return new SyncTokenRejectedError(message, response.status, reason);
  if (response.status === 404) return new CalendarNotFoundError(message, response.status, reason);
  if (response.status === 410) return new ProviderUnavailableError(message, response.status, reason);
  if (response.status === 429 || response.status >= 500) return new ProviderUnavailableError(message, response.status, reason);
  return new CalendarApiError(message, response.status, reason);
}

/** Client for the calendar provider's REST API (v3), through the service account's transport. */
export class CalendarApi {
  private readonly transport: ApiTransport;

  constructor(transport: ApiTransport) {
    this.transport = transport;
  }

  async getCalendar(calendarId: string): Promise<CalendarInfo> {
    const response = await this.transport('GET', `/calendars/${encodeURIComponent(calendarId)}`);
    if (response.status !== 200) throw errorFor(calendarId, response);
    return response.body as CalendarInfo;
  }

  /** One sync step: everything (syncToken null) or the changes since syncToken. */
  async listEvents(calendarId: string, syncToken: string | null): Promise<EventsPage> {
    const query: Record<string, string> = syncToken === null ? {} : { syncToken };
    const response = await this.transport('GET', `/calendars/${encodeURIComponent(calendarId)}/events`, query);
    if (response.status !== 200) throw errorFor(calendarId, response);
    return response.body as EventsPage;
  }
}
