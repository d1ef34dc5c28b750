// Dates as the practice pages show them. Pure and client-safe. Everything is formatted in
// UTC from a `now` the loader sends, so the server's HTML and the hydrated page agree.
const DAY_MS = 24 * 60 * 60 * 1000

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "4 Dec", or "4 Dec 2025" when the year is not the current one. */
export function formatDay(date: Date, now: Date) {
	return (date.getUTCFullYear() === now.getUTCFullYear() ? dayMonth : dayMonthYear).format(date)
}

/** Calendar days from today to the date: 0 today, 1 tomorrow, -1 yesterday. */
export function daysFromToday(date: Date, now: Date) {
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
