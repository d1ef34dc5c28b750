// How growth figures read on the profile and the report: metric names, values, changes and
// verdicts. A figure resting on too few attempts is never shown as a number.
import type { ThHTMLAttributes } from 'react'
import type { Direction, MetricName, PeriodFigure } from '#app/growth/metrics.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDuration } from '#app/utils/time-format.ts'

export const METRIC_LABELS: Record<MetricName, string> = {
	timeToFirstHypothesisMs: 'Time to first hypothesis',
	timeToRootCauseMs: 'Time to root cause',
	runsPerDiagnosis: 'Runs per diagnosis',
	predictionAccuracy: 'Prediction accuracy',
	failedFixRate: 'Failed-fix rate',
	reworkRate: 'Rework rate',
	independenceRate: 'Independence',
	hintsPerAttempt: 'Hints per attempt',
}

/** What each figure is, in a line, for captions and the screen-reader text of charts. */
export const METRIC_HELP: Record<MetricName, string> = {
	timeToFirstHypothesisMs: 'median, from the start to the first hypothesis written',
	timeToRootCauseMs: 'median, from the start to the first correct diagnosis',
	runsPerDiagnosis: 'median runs before the right diagnosis',
	predictionAccuracy: 'predictions about a run that came true',
	failedFixRate: 'submitted fixes that failed the hidden tests',
	reworkRate: 'attempts with a failed fix that were submitted again',
	independenceRate: 'attempts without hints or outside pastes, attested',
	hintsPerAttempt: 'hints revealed per attempt',
}

const RATE_METRICS = new Set<MetricName>(['predictionAccuracy', 'failedFixRate', 'reworkRate', 'independenceRate'])
const TIME_METRICS = new Set<MetricName>(['timeToFirstHypothesisMs', 'timeToRootCauseMs'])

function formatMetric(name: MetricName, value: number): string {
	if (RATE_METRICS.has(name)) return `${Math.round(value * 100)}%`
	if (TIME_METRICS.has(name)) return formatDuration(value)
	return value.toFixed(1).replace(/\.0$/, '')
}

const MINUS = '\u2212'

/** "+23", "−12", "±0": a signed whole number, with a real minus sign. */
export function formatSigned(value: number, digits = 0): string {
	const rounded = Number(value.toFixed(digits))
	if (rounded === 0) return `±${(0).toFixed(digits)}`
	return `${rounded > 0 ? '+' : MINUS}${Math.abs(rounded).toFixed(digits)}`
}

/** A change in a metric, in its own unit: "+5 pts", "−3 min", "+0.5". */
function formatMetricChange(name: MetricName, change: number): string {
	if (RATE_METRICS.has(name)) return `${formatSigned(change * 100)} pts`
	if (TIME_METRICS.has(name)) {
		const minutes = Math.round(change / 60_000)
		return minutes === 0 ? '±0 min' : `${minutes > 0 ? '+' : MINUS}${formatDuration(Math.abs(minutes) * 60_000)}`
	}
	return formatSigned(change, 1)
}

export function formatRating(rating: number, rd?: number | null): string {
	return rd === undefined || rd === null ? String(Math.round(rating)) : `${Math.round(rating)} ± ${Math.round(rd)}`
}

const DIRECTION_LABELS: Record<Direction, string> = { better: 'Better', worse: 'Worse', same: 'About the same' }

const DIRECTION_TONES: Record<Direction, string> = {
	better: 'text-emerald-700 dark:text-emerald-400',
	worse: 'text-red-700 dark:text-red-400',
	same: 'text-slate-600 dark:text-slate-400',
}

/** A metric's value over a period, or a plain note when too few attempts stand behind it. */
export function MetricValue({ name, figure, className }: { name: MetricName; figure: PeriodFigure; className?: string }) {
	if (figure.value === null)
		return (
			<span className={cn('text-slate-600 dark:text-slate-400', className)}>
				—<span className="sr-only"> no data</span>
			</span>
		)
	if (!figure.enough) {
		return <span className={cn('text-xs text-slate-600 dark:text-slate-400', className)}>too few ({figure.sample})</span>
	}
	return <span className={cn('tabular-nums', className)}>{formatMetric(name, figure.value)}</span>
}

/** "▲ better": the arrow shows which way the figure moved, the word and colour whether that is good. */
export function DirectionMark({ direction, change, name, compact = false }: { direction: Direction; change: number; name: MetricName; compact?: boolean }) {
	const arrow = direction === 'same' ? '■' : change > 0 ? '▲' : '▼'
	return (
		<span className={cn('inline-flex items-center gap-1 text-xs font-medium whitespace-nowrap', DIRECTION_TONES[direction])}>
			<span aria-hidden="true">{arrow}</span>
			{compact ? (
				<span className="sr-only">
					{DIRECTION_LABELS[direction].toLowerCase()} ({formatMetricChange(name, change)})
				</span>
			) : (
				<span>{DIRECTION_LABELS[direction].toLowerCase()}</span>
			)}
		</span>
	)
}

/** A rating change: green when it went up, red when down, always with its sign. */
export function RatingDelta({ delta, className }: { delta: number; className?: string }) {
	const rounded = Math.round(delta)
	return (
		<span
			className={cn(
				'font-medium tabular-nums',
				rounded > 0 ? 'text-emerald-700 dark:text-emerald-400' : rounded < 0 ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400',
				className,
			)}
		>
			{formatSigned(delta)}
		</span>
	)
}

/** The header cell of a table row (a metric, a topic): reads like the row's name, not like a column heading. */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
	return <th scope="row" className={cn('px-3 py-2.5 text-left align-top text-sm font-medium text-slate-800 dark:text-slate-200', className)} {...props} />
}
