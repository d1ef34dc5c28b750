// The review queue's filters as they travel in a URL (team, exercise, assigned or self-chosen,
// how long the attempt has waited, the order), and how long an attempt has waited. Pure and
// client-safe: the queue page, the review page and its "Save and open the next" all carry the
// same query string. Reading it from a request, where every unknown value means "any", is
// queue-filter.ts (zod stays on the server).
const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

export const QUEUE_SOURCES = ['assigned', 'self'] as const
export type QueueSource = (typeof QUEUE_SOURCES)[number]
export const QUEUE_SOURCE_LABELS: Record<QueueSource, string> = { assigned: 'Assigned', self: 'Self-chosen' }

/** "Waiting more than …": the attempt was finished at least this many days ago. */
export const QUEUE_WAITING = ['3d', '7d'] as const
export type QueueWaiting = (typeof QUEUE_WAITING)[number]
export const QUEUE_WAITING_DAYS: Record<QueueWaiting, number> = { '3d': 3, '7d': 7 }
export const QUEUE_WAITING_LABELS: Record<QueueWaiting, string> = { '3d': 'Over 3 days', '7d': 'Over a week' }

export const QUEUE_SORTS = ['oldest', 'newest'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = { oldest: 'Waiting longest first', newest: 'Newest first' }

export type QueueQuery = {
	/** A team the viewer reviews (by id): attempts of its members. */
	team: string | null
	/** An exercise, by slug. */
	exercise: string | null
	source: QueueSource | null
	waiting: QueueWaiting | null
	sort: QueueSort
}

export const EMPTY_QUEUE_QUERY: QueueQuery = { team: null, exercise: null, source: null, waiting: null, sort: 'oldest' }

/** True when any filter narrows the queue (the order is not a filter). */
export function isQueueFiltered(query: QueueQuery) {
	return query.team !== null || query.exercise !== null || query.source !== null || query.waiting !== null
}

/** The query string that reproduces the query ("" for the whole queue, oldest first), with `extra` parameters after it. */
export function queueSearch(query: QueueQuery, extra: Record<string, string> = {}) {
	const params = new URLSearchParams()
	if (query.team) params.set('team', query.team)
	if (query.exercise) params.set('exercise', query.exercise)
	if (query.source) params.set('source', query.source)
	if (query.waiting) params.set('waiting', query.waiting)
	if (query.sort !== 'oldest') params.set('sort', query.sort)
	for (const [key, value] of Object.entries(extra)) params.set(key, value)
	const search = params.toString()
	return search ? `?${search}` : ''
}

/** The latest finish time an attempt may have to count as waiting longer than `waiting`. */
export function waitingCutoff(waiting: QueueWaiting, now: Date) {
	return new Date(now.getTime() - QUEUE_WAITING_DAYS[waiting] * DAY_MS)
}

/** Whole days an attempt finished at `finishedAt` has waited by `now`. */
export function daysWaiting(finishedAt: Date, now: Date) {
	return Math.max(0, Math.floor((now.getTime() - finishedAt.getTime()) / DAY_MS))
}

/** "waiting 40 min", "waiting 5 h", "waiting 1 day", "waiting 4 days", "waiting 3 weeks". */
export function waitingLabel(finishedAt: Date, now: Date) {
	const ms = Math.max(0, now.getTime() - finishedAt.getTime())
	if (ms < HOUR_MS) return `waiting ${Math.max(1, Math.floor(ms / 60_000))} min`
	if (ms < DAY_MS) return `waiting ${Math.floor(ms / HOUR_MS)} h`
	const days = Math.floor(ms / DAY_MS)
	if (days < 14) return `waiting ${days} ${days === 1 ? 'day' : 'days'}`
	return `waiting ${Math.floor(days / 7)} weeks`
}

/** How urgent a wait looks: a week or more stands out. */
export function waitingTone(finishedAt: Date, now: Date): 'neutral' | 'warning' {
	return daysWaiting(finishedAt, now) >= QUEUE_WAITING_DAYS['7d'] ? 'warning' : 'neutral'
}
