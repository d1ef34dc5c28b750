import { STATUS_TEXT } from '../events/status-codes';
import { type ParcelTimeline } from './timeline';

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function when(at: number): string {
  const parts = FORMAT.formatToParts(new Date(at));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('hour')}:${get('minute')}`;
}

/** The public tracking page: the current status on top, then every event, newest first. */
export function trackingPage(timeline: ParcelTimeline): { headline: string; lines: string[] } {
  const current = timeline.current();
  const lines = timeline
    .events()
    .reverse()
    .map((entry) => `${when(entry.at)}  ${STATUS_TEXT[entry.status]}${entry.city ? ` (${entry.city})` : ''}`);
  return { headline: current ? STATUS_TEXT[current.status] : 'Label created', lines };
}
