/** One day's plan: from `from` ("HH:MM", local time) the room aims for `targetC`. */
export type SchedulePoint = { from: string; targetC: number };

export type WeeklySchedule = { timeZone: string; weekdays: SchedulePoint[]; weekend: SchedulePoint[] };

function localClock(at: number, timeZone: string): { minutes: number; weekend: boolean } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { minutes: Number(get('hour')) * 60 + Number(get('minute')), weekend: get('weekday') === 'Sat' || get('weekday') === 'Sun' };
}

function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The scheduled target at a moment; before the day's first point, the previous day's last one applies. */
export function scheduledTarget(schedule: WeeklySchedule, at: number): number {
  const { minutes, weekend } = localClock(at, schedule.timeZone);
  const points = [...(weekend ? schedule.weekend : schedule.weekdays)].sort((a, b) => toMinutes(a.from) - toMinutes(b.from));
  if (points.length === 0) throw new Error('a schedule needs at least one point per day type');
  let current = points[points.length - 1] as SchedulePoint;
  for (const point of points) if (toMinutes(point.from) <= minutes) current = point;
  return current.targetC;
}
