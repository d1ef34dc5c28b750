// Dates, times and durations as every page shows them. Pure and client-safe. Calendar dates
// are formatted in UTC from a `now` the loader sends, so the server's HTML and the hydrated
// page agree.
const DAY_MS = 24 * 60 * 60 * 1000

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' })

/** "4 Dec", or "4 Dec 2025" when the year is not the current one. */
export function formatDay(date: Date, now: Date) {
	return (date.getUTCFullYear() === now.getUTCFullYear() ? dayMonth : dayMonthYear).format(date)
}

/** "4 Dec 2026", always with the year. */
export function formatFullDay(date: string | Date): string {
	return dayMonthYear.format(typeof date === 'string' ? new Date(date) : date)
}

/** "Dec 2026" from "2026-12". */
export function formatMonth(month: string): string {
	return monthYear.format(new Date(`${month}-01T00:00:00Z`))
}

/** "Dec": a month on a chart's time axis. */
export function formatMonthName(date: Date): string {
	return monthOnly.format(date)
}

/**
 * "14:05" in the time zone of the machine it runs on: when something happened during this
 * session. Pages show it through <LocalTimeOfDay> (components/ui/local-time.tsx), which leaves
 * it out of the server's HTML, since the server's zone is not the viewer's.
 */
export function formatTimeOfDay(ms: number): string {
	return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
}

/** Calendar days from today to the date: 0 today, 1 tomorrow, -1 yesterday. */
function daysFromToday(date: Date, now: Date) {
	const startOfDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
	return Math.round((startOfDay(date) - startOfDay(now)) / DAY_MS)
}

/** "today", "tomorrow", "in 3 days", "yesterday", "5 days ago". */
export function formatRelativeDay(date: Date, now: Date) {
	const days = daysFromToday(date, now)
	if (days === 0) return 'today'
	if (days === 1) return 'tomorrow'
	if (days === -1) return 'yesterday'
	return days > 0 ? `in ${days} days` : `${-days} days ago`
}

/** "just now", "12 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function formatTimeAgo(date: Date, now: Date) {
	const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000)
	if (minutes < 1) return 'just now'
	if (minutes < 60) return `${minutes} min ago`
	if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`
	const days = -daysFromToday(date, now)
	if (days <= 1) return 'yesterday'
	if (days < 14) return `${days} days ago`
	return formatDay(date, now)
}

/** "< 1 min", "42 min", "1 h 5 min", "3 h": time spent on practice. */
export function formatDuration(ms: number) {
	const minutes = Math.floor(Math.max(0, ms) / 60_000)
	if (minutes < 1) return '< 1 min'
	if (minutes < 60) return `${minutes} min`
	const hours = Math.floor(minutes / 60)
	const rest = minutes % 60
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** "12 s", "1 min 15 s": a short stretch the learner can check to the second, such as time away. */
export function formatSeconds(ms: number) {
	const seconds = Math.round(ms / 1000)
	if (seconds < 60) return `${seconds} s`
	const minutes = Math.floor(seconds / 60)
	return `${minutes} min ${seconds % 60} s`
}

/** "4:05" or "1:02:09" from milliseconds since an attempt started: a moment of the replay. */
export function formatClock(ms: number) {
	const total = Math.max(0, Math.floor(ms / 1000))
	const hours = Math.floor(total / 3600)
	const minutes = Math.floor((total % 3600) / 60)
	const seconds = String(total % 60).padStart(2, '0')
	return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
