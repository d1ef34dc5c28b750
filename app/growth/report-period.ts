// The period a growth report covers, read from its URL (?from=YYYY-MM-DD&to=YYYY-MM-DD, both
// days included, or ?period=<quick period>), shared by the report page and its CSV export.
// Days are UTC days, as every date on the growth pages is. Pure and client-safe.

const DAY_MS = 86_400_000
/** A report longer than this is refused: the comparison with a previous period stops meaning much. */
const MAX_PERIOD_YEARS = 2

export const QUICK_PERIODS = ['last-quarter', 'this-quarter', 'last-90-days', 'last-6-months'] as const
export type QuickPeriod = (typeof QUICK_PERIODS)[number]

export const QUICK_PERIOD_LABELS: Record<QuickPeriod, string> = {
	'last-quarter': 'Last quarter',
	'this-quarter': 'This quarter',
	'last-90-days': 'Last 90 days',
	'last-6-months': 'Last 6 months',
}

/** [from, to): `to` is the midnight after the last day. `fromDay` and `toDay` are the first and last day, as the URL carries them. */
export type ReportPeriod = { from: Date; to: Date; fromDay: string; toDay: string; label: string }

export type ParsedReportPeriod = {
	period: ReportPeriod
	/** Which quick period it is, if it is one (a custom range that happens to match counts). */
	quick: QuickPeriod | null
	/** Why the requested period could not be used (the default is used instead); null when it could. */
	error: string | null
	/** What was asked for, to put back in the form next to the error. */
	requested: { from: string; to: string }
}

const startOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS)
const dayString = (date: Date) => date.toISOString().slice(0, 10)

/** The day a YYYY-MM-DD string names, or null when it is not a real calendar day (2026-02-30, 26-1-1, …). */
export function parseDay(text: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
	if (!match) return null
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
	if (year < 1970) return null
	const date = new Date(Date.UTC(year, month - 1, day))
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null
}

function quarterStart(date: Date, quartersBack = 0) {
	return new Date(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3 - quartersBack * 3, 1))
}

/** "Q3 2026" when the period is exactly a calendar quarter, else "3 Sep – 1 Dec 2026" (the first year shown only when it differs). */
export function periodLabel(from: Date, to: Date): string {
	const last = addDays(to, -1)
	const quarter = quarterStart(from)
	if (quarter.getTime() === from.getTime() && quarterStart(from, -1).getTime() === to.getTime()) {
		return `Q${Math.floor(from.getUTCMonth() / 3) + 1} ${from.getUTCFullYear()}`
	}
	const day = (date: Date, withYear: boolean) =>
		new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(date)
	if (from.getTime() === last.getTime()) return day(from, true)
	return `${day(from, from.getUTCFullYear() !== last.getUTCFullYear())} – ${day(last, true)}`
}

function makePeriod(from: Date, to: Date): ReportPeriod {
	return { from, to, fromDay: dayString(from), toDay: dayString(addDays(to, -1)), label: periodLabel(from, to) }
}

/**
 * A quick period as of `now`. Periods that are under way end with today ("this quarter" is the
 * quarter so far), so the comparison with the period before is between equal lengths of time.
 */
export function quickPeriod(quick: QuickPeriod, now: Date): ReportPeriod {
	const today = startOfDay(now)
	const tomorrow = addDays(today, 1)
	switch (quick) {
		case 'last-quarter':
			return makePeriod(quarterStart(now, 1), quarterStart(now))
		case 'this-quarter':
			return makePeriod(quarterStart(now), tomorrow)
		case 'last-90-days':
			return makePeriod(addDays(tomorrow, -90), tomorrow)
		case 'last-6-months':
			return makePeriod(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 6, today.getUTCDate() + 1)), tomorrow)
	}
}

/** The default period: the last full calendar quarter. */
export function defaultReportPeriod(now: Date): ReportPeriod {
	return quickPeriod('last-quarter', now)
}

/** The period of the same length just before, that a report compares with. */
export function previousPeriod(period: { from: Date; to: Date }): { from: Date; to: Date } {
	return { from: new Date(period.from.getTime() - (period.to.getTime() - period.from.getTime())), to: period.from }
}

const isQuick = (value: string | null): value is QuickPeriod => QUICK_PERIODS.includes(value as QuickPeriod)

function matchingQuick(period: ReportPeriod, now: Date): QuickPeriod | null {
	return (
		QUICK_PERIODS.find((quick) => {
			const candidate = quickPeriod(quick, now)
			return candidate.from.getTime() === period.from.getTime() && candidate.to.getTime() === period.to.getTime()
		}) ?? null
	)
}

// Long enough for any date a person types; longer input is not echoed back.
const echo = (value: string | null) => (value ?? '').slice(0, 20)

/**
 * The period a report URL asks for. `period=<quick period>` wins; otherwise `from` and `to`
 * (both needed, both real days, from not after to, at most two years). Anything else falls
 * back to the default period with a message saying why; nothing here throws.
 */
export function parseReportPeriod(search: URLSearchParams, now: Date): ParsedReportPeriod {
	const quick = search.get('period')
	const fromText = search.get('from')
	const toText = search.get('to')
	const requested = { from: echo(fromText), to: echo(toText) }
	const fallback = (error: string): ParsedReportPeriod => {
		const period = defaultReportPeriod(now)
		return { period, quick: matchingQuick(period, now), error, requested }
	}
	if (isQuick(quick)) {
		const period = quickPeriod(quick, now)
		return { period, quick, error: null, requested: { from: period.fromDay, to: period.toDay } }
	}
	if (quick !== null && quick !== 'custom') return fallback('Choose one of the periods offered, or a start and an end date.')
	if (!fromText && !toText) {
		if (quick === 'custom') return fallback('Choose a start and an end date for a custom period.')
		const period = defaultReportPeriod(now)
		return { period, quick: 'last-quarter', error: null, requested: { from: period.fromDay, to: period.toDay } }
	}
	if (!fromText || !toText) return fallback(`Choose ${fromText ? 'an end' : 'a start'} date as well: a period needs both.`)
	const from = parseDay(fromText)
	const last = parseDay(toText)
	if (!from || !last) {
		const bad = !from ? fromText : toText
		return fallback(`“${echo(bad)}” is not a date. Use a real day written as YYYY-MM-DD, like 2026-07-01.`)
	}
	if (from > last) return fallback(`The start (${dayString(from)}) is after the end (${dayString(last)}). Swap them, or choose another period.`)
	const to = addDays(last, 1)
	const limit = new Date(Date.UTC(from.getUTCFullYear() + MAX_PERIOD_YEARS, from.getUTCMonth(), from.getUTCDate()))
	if (to > limit)
		return fallback(
			`A report covers at most ${MAX_PERIOD_YEARS} years; this period is ${Math.round((to.getTime() - from.getTime()) / DAY_MS)} days. Choose a shorter one.`,
		)
	const period = makePeriod(from, to)
	return { period, quick: matchingQuick(period, now), error: null, requested: { from: period.fromDay, to: period.toDay } }
}

/** The query string that names a period exactly (for links, the CSV export and the note form). */
export function periodSearch(period: ReportPeriod): string {
	return new URLSearchParams({ from: period.fromDay, to: period.toDay }).toString()
}

/** A file-name-safe form of a person's name: "Tomás Ruiz" → "tomas-ruiz". */
export function nameSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '')
	return slug || 'engineer'
}

/** growth-<name>-<first day>-<last day>.csv */
export function growthReportFileName(name: string, period: ReportPeriod): string {
	return `growth-${nameSlug(name)}-${period.fromDay}-${period.toDay}.csv`
}
