// Figures the team growth dashboard and exercise analytics share: a figure that is shown only
// when its sample is big enough (and says why not otherwise), and a set of links that switch
// a page between views through its query string.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { cn } from '#app/components/ui/cn.ts'
import { MIN_SAMPLE, type PeriodFigure } from '#app/growth/metrics.ts'

/** "1 attempt", "3 attempts". */
export function counted(count: number, noun: readonly [singular: string, plural: string]) {
	return `${count} ${count === 1 ? noun[0] : noun[1]}`
}

/** Whether a figure may be shown: a value, from at least MIN_SAMPLE attempts. */
export function shownValue(figure: PeriodFigure): number | null {
	return figure.enough && figure.value !== null ? figure.value : null
}

/** "2 attempts — too few to say", or "No attempts yet" for an empty sample. */
export function tooFewText(figure: PeriodFigure, noun: readonly [singular: string, plural: string], none: string) {
	return figure.sample === 0 ? none : `${counted(figure.sample, noun)} — too few to say`
}

export const formatPercent = (share: number) => `${Math.round(share * 100)}%`

/**
 * One headline figure with its label: the value and what it was computed from, or — when the
 * sample is too small — a sentence saying so, never a number that would mislead.
 */
export function StatTile({
	label,
	figure,
	format,
	detail,
	noun,
	none,
}: {
	label: string
	figure: PeriodFigure
	format: (value: number) => string
	/** What the value was computed from, e.g. "5 of 7 attempts". */
	detail: ReactNode
	noun: readonly [singular: string, plural: string]
	/** What to say when there is nothing to count at all. */
	none: string
}) {
	const value = shownValue(figure)
	return (
		<div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
			{value !== null ? (
				<>
					<dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums text-slate-900 dark:text-slate-100">{format(value)}</dd>
					<dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{detail}</dd>
				</>
			) : (
				<>
					<dd className="mt-1 text-base font-medium text-slate-800 dark:text-slate-200">{tooFewText(figure, noun, none)}</dd>
					<dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">
						{figure.sample === 0
							? 'A figure appears once there are some.'
							: `A figure needs at least ${MIN_SAMPLE}; one or two say more about the day than the habit.`}
					</dd>
				</>
			)}
		</div>
	)
}

/** A plain count with its label, for figures that are facts rather than rates (attempts made). */
export function CountTile({ label, count, detail }: { label: string; count: number; detail?: ReactNode }) {
	return (
		<div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
			<dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums text-slate-900 dark:text-slate-100">{count}</dd>
			{detail ? <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{detail}</dd> : null}
		</div>
	)
}

/**
 * Links that switch between views of the same page (?window=30, ?scope=all): GET links, so a
 * view can be bookmarked and shared; the current one is marked for screen readers too.
 */
export function ViewSwitch({ label, options }: { label: string; options: Array<{ to: string; label: string; current: boolean }> }) {
	return (
		<nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
			<span className="text-slate-600 dark:text-slate-400" aria-hidden="true">
				{label}:
			</span>
			<span className="inline-flex rounded-md shadow-sm ring-1 ring-slate-300 dark:ring-slate-600">
				{options.map((option, index) => (
					<Link
						key={option.to}
						to={option.to}
						preventScrollReset
						aria-current={option.current ? 'page' : undefined}
						className={cn(
							'px-3 py-1.5 font-medium',
							index === 0 ? 'rounded-l-md' : '',
							index === options.length - 1 ? 'rounded-r-md' : 'border-r border-slate-300 dark:border-slate-600',
							option.current
								? 'bg-brand-600 text-white'
								: 'bg-white text-slate-800 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
						)}
					>
						{option.label}
					</Link>
				))}
			</span>
		</nav>
	)
}
