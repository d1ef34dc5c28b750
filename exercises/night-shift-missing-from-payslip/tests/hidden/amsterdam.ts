// "2026-10-25 23:00" on an Amsterdam wall clock -> ISO instant in UTC (EU summer time rules).
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

export function ams(local: string): string {
  const [date, time] = local.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const summer = wall >= Date.UTC(y, 2, lastSunday(y, 3), 2) && wall < Date.UTC(y, 9, lastSunday(y, 10), 3);
  return new Date(wall - (summer ? 2 : 1) * 3_600_000).toISOString();
}

export function plusDays(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
