// "Flex Saver" time-of-use tariff, prices in pence per kWh (GMT, which is UTC in winter).
export const PEAK_PENCE_PER_KWH = 41.5
export const OFF_PEAK_PENCE_PER_KWH = 19.8
export const STANDING_PENCE_PER_DAY = 53.2

/** Peak is 16:00 to 19:00 on weekdays: the hours starting at 16, 17 and 18. */
export function isPeakHour(hourStart: number): boolean {
  const date = new Date(hourStart)
  const weekday = date.getUTCDay() >= 1 && date.getUTCDay() <= 5
  const hour = date.getUTCHours()
  return weekday && hour >= 16 && hour < 19
}
