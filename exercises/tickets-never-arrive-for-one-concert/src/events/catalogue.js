/**
 * @typedef {{ id: string, title: string, venue: string, startsAt: string, timeZone: string }} ConcertEvent
 * `startsAt` is an ISO instant; `timeZone` is the venue's IANA zone.
 */

export class EventCatalogue {
  constructor() {
    /** @type {Map<string, ConcertEvent>} */
    this.events = new Map();
  }

  /** @param {ConcertEvent} event */
  add(event) {
    if (!event.title || !event.title.trim()) throw new Error(`Event ${event.id} needs a title`);
    if (Number.isNaN(Date.parse(event.startsAt))) throw new Error(`Event ${event.id} has an invalid start: ${event.startsAt}`);
    this.events.set(event.id, { ...event });
  }

  /** @param {string} id */
  get(id) {
    const event = this.events.get(id);
    if (!event) throw new Error(`Unknown event ${id}`);
    return { ...event };
  }
}

/** "Sat 14 Mar 2026, 19:30" in the venue's own time zone. */
export function formatStart(event) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: event.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(event.startsAt));
  const get = (type) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}
