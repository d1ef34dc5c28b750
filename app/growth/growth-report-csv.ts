// A growth report's attempts as a table: one row per attempt finished in the period, with
// every stored metric (attempt-metrics-columns.ts), and those rows as a CSV export. Pure.
import { ATTEMPT_METRICS_COLUMNS, type AttemptMetricsColumn, type AttemptMetricsColumnName, type AttemptMetricsColumns } from './attempt-metrics-columns.ts'

type ShownColumnName = Exclude<AttemptMetricsColumnName, 'solved'>

/** An attempt in the report: `solved` shows as its status, moments as ISO strings. */
export type GrowthReportAttemptRow = {
	attemptId: string
	exerciseSlug: string
	exerciseTitle: string
	status: 'solved' | 'gave_up'
	/** The sum of its rating changes; null when it was not rated. */
	ratingChange: number | null
	reviewPercent: number | null
} & { [K in ShownColumnName]: AttemptMetricsColumns[K] extends Date ? string : AttemptMetricsColumns[K] }

const isShown = (column: AttemptMetricsColumn): column is Extract<AttemptMetricsColumn, { name: ShownColumnName }> => column.name !== 'solved'
const shownColumns = (part: 'outcome' | 'process') =>
	ATTEMPT_METRICS_COLUMNS.filter(isShown)
		.filter((column) => column.part === part)
		.map((column) => column.name)

export const GROWTH_REPORT_CSV_COLUMNS: ReadonlyArray<keyof GrowthReportAttemptRow> = [
	'attemptId',
	'exerciseSlug',
	'exerciseTitle',
	'status',
	...shownColumns('outcome'),
	'ratingChange',
	...shownColumns('process'),
	'reviewPercent',
]

export function growthReportAttemptRow(
	stored: AttemptMetricsColumns & { attemptId: string },
	attempt: { exercise: { slug: string; title: string }; ratingChange: number | null; reviewPercent: number | null },
): GrowthReportAttemptRow {
	const shown = Object.fromEntries(
		ATTEMPT_METRICS_COLUMNS.filter(isShown).map(({ name }) => {
			const value = stored[name]
			return [name, value instanceof Date ? value.toISOString() : value]
		}),
	) as Omit<GrowthReportAttemptRow, 'attemptId' | 'exerciseSlug' | 'exerciseTitle' | 'status' | 'ratingChange' | 'reviewPercent'>
	return {
		attemptId: stored.attemptId,
		exerciseSlug: attempt.exercise.slug,
		exerciseTitle: attempt.exercise.title,
		status: stored.solved ? 'solved' : 'gave_up',
		...shown,
		ratingChange: attempt.ratingChange,
		reviewPercent: attempt.reviewPercent,
	}
}

function csvCell(value: string | number | boolean | null): string {
	if (value === null) return ''
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1)
	if (typeof value === 'boolean') return value ? 'yes' : 'no'
	// A spreadsheet runs a cell that starts with = + - @ as a formula.
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The report's attempts as CSV (RFC 4180, CRLF line ends), header first. */
export function growthReportCsv(attempts: GrowthReportAttemptRow[]): string {
	const lines = [GROWTH_REPORT_CSV_COLUMNS.join(','), ...attempts.map((row) => GROWTH_REPORT_CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))]
	return `${lines.join('\r\n')}\r\n`
}
