import { type ParcelTimeline } from '../tracking/timeline';

const DAY = 86_400_000;

export type SlaLine = { parcelId: string; result: 'on-time' | 'late' | 'in-flight'; days?: number };

/**
 * The weekly delivery promise report: a parcel is on time when it is delivered within
 * `promisedDays` of being picked up; undelivered parcels past that are late.
 */
export function slaReport(timelines: readonly ParcelTimeline[], promisedDays: number, now: number): SlaLine[] {
  const lines: SlaLine[] = [];
  for (const timeline of timelines) {
    const pickedUp = timeline.firstAt('picked-up');
    if (pickedUp === undefined) continue;
    const current = timeline.current();
    if (current?.status === 'delivered') {
      const days = Math.round(((current.at - pickedUp) / DAY) * 10) / 10;
      lines.push({ parcelId: timeline.parcelId, result: days <= promisedDays ? 'on-time' : 'late', days });
    } else {
      lines.push({ parcelId: timeline.parcelId, result: now - pickedUp > promisedDays * DAY ? 'late' : 'in-flight' });
    }
  }
  return lines.sort((a, b) => a.parcelId.localeCompare(b.parcelId));
}
