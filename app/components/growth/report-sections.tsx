// The sections of a growth report, each comparing the period with the one before: skills,
// process metrics, independence, the telling attempts and the lead's review excerpts. They read
// as a printed document too (see the print block in app.css).
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { METRIC_NAMES, type MetricComparison, type MetricName, type PeriodFigure, type PeriodMetrics } from '#app/growth/metrics.ts'
import type { ReportIndependence, SkillInPeriod, TellingAttempt } from '#app/growth/growth-report.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { attemptHref, type AttemptLinks } from './profile-recent-attempts.tsx'
import { DirectionMark, formatRating, METRIC_HELP, METRIC_LABELS, MetricValue, RatingDelta, RowHeader } from './report-figures.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatFullDay } from '#app/utils/time-format.ts'
import { formatSkillRating, PROVISIONAL_RD } from '#app/growth/rating-display.ts'

const muted = 'text-slate-600 dark:text-slate-400'

/** A report section: a card on screen, a titled block that does not split across pages in print. */
export function ReportSection({
	id,
	title,
	description,
	children,
	className,
}: {
	id: string
	title: string
	description?: ReactNode
	children: ReactNode
	className?: string
}) {
	return (
		<section
			aria-labelledby={`${id}-title`}
			id={id}
			className={cn('report-section rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800', className)}
		>
			<div className="mb-4">
				<h2 id={`${id}-title`} className="text-base font-semibold text-slate-900 dark:text-slate-100">
					{title}
				</h2>
				{description ? <p className={`mt-1 text-sm ${muted}`}>{description}</p> : null}
			</div>
			{children}
		</section>
	)
}

function Change({ change, games }: { change: number | null; games: number }) {
	if (change === null) return <span className={muted}>not practised</span>
	return (
		<span className="whitespace-nowrap">
			<RatingDelta delta={change} />{' '}
			<span className={`text-xs ${muted}`}>
				({games} {games === 1 ? 'attempt' : 'attempts'})
			</span>
		</span>
	)
}

export function ReportSkills({ skills, periodLabel, previousLabel }: { skills: SkillInPeriod[]; periodLabel: string; previousLabel: string }) {
	if (skills.length === 0) return <p className={`text-sm ${muted}`}>No rated attempts by the end of this period, so there are no ratings to show.</p>
	const active = skills.filter((skill) => skill.games > 0 || skill.previousGames > 0)
	const quiet = skills.filter((skill) => skill.games === 0 && skill.previousGames === 0)
	return (
		<>
			<Table caption={`Skill ratings at the end of ${periodLabel} and how they moved`}>
				<thead>
					<tr>
						<Th>Topic</Th>
						<Th className="text-right">Rating at the end</Th>
						<Th className="text-right">Change this period</Th>
						<Th className="text-right">Change the period before</Th>
						<Th className="text-right">Rated attempts</Th>
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
					{active.map((skill) => (
						<tr key={skill.topic}>
							<RowHeader>{skill.label}</RowHeader>
							<Td className="text-right tabular-nums whitespace-nowrap">
								{skill.rating === null ? '—' : formatSkillRating({ rating: skill.rating, rd: skill.rd ?? Infinity })}
							</Td>
							<Td className="text-right">
								<Change change={skill.change} games={skill.games} />
							</Td>
							<Td className="text-right">
								<Change change={skill.previousChange} games={skill.previousGames} />
							</Td>
							<Td className="text-right tabular-nums">{skill.games}</Td>
						</tr>
					))}
				</tbody>
			</Table>
			<p className={`mt-3 text-xs ${muted}`}>
				Ratings are Glicko-2, from each first attempt at an exercise: whether it was solved, how fast the root cause was found against the exercise’s usual
				time, failed fixes and hints. ± is the rating deviation, how sure the rating is; while it is {PROVISIONAL_RD} or more the rating is provisional (≈).
				“The period before” is {previousLabel}.
				{quiet.length ? ` Not practised in either period: ${quiet.map((skill) => `${skill.label} (${formatRating(skill.rating ?? 0)})`).join(', ')}.` : ''}
			</p>
		</>
	)
}

function ComparisonCell({
	comparison,
	name,
	current,
	previous,
}: {
	comparison: MetricComparison
	name: MetricName
	current: PeriodFigure
	previous: PeriodFigure
}) {
	if (comparison.enough && comparison.direction && comparison.change !== null)
		return <DirectionMark direction={comparison.direction} change={comparison.change} name={name} />
	if (current.value === null && previous.value === null) return <span className={`text-xs ${muted}`}>no data</span>
	if (previous.value === null) return <span className={`text-xs ${muted}`}>nothing to compare with</span>
	if (current.value === null) return <span className={`text-xs ${muted}`}>none this period</span>
	return <span className={`text-xs ${muted}`}>too few attempts to compare</span>
}

export function ReportMetrics({
	current,
	previous,
	comparison,
}: {
	current: PeriodMetrics
	previous: PeriodMetrics
	comparison: Record<MetricName, MetricComparison>
}) {
	const small = METRIC_NAMES.some((name) => !comparison[name].enough)
	if (current.sampleSize === 0 && previous.sampleSize === 0)
		return <p className={`text-sm ${muted}`}>No attempts were finished in this period or the one before.</p>
	return (
		<>
			<Table caption="Process metrics this period and the period before">
				<thead>
					<tr>
						<Th>Metric</Th>
						<Th className="text-right">This period</Th>
						<Th className="text-right">Period before</Th>
						<Th>Compared</Th>
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
					{METRIC_NAMES.map((name) => (
						<tr key={name}>
							<RowHeader>
								{METRIC_LABELS[name]}
								<span className={`block text-xs font-normal ${muted}`}>{METRIC_HELP[name]}</span>
							</RowHeader>
							<Td className="text-right">
								<MetricValue name={name} figure={current[name]} />
							</Td>
							<Td className="text-right">
								<MetricValue name={name} figure={previous[name]} />
							</Td>
							<Td>
								<ComparisonCell comparison={comparison[name]} name={name} current={current[name]} previous={previous[name]} />
							</Td>
						</tr>
					))}
				</tbody>
			</Table>
			<p className={`mt-3 text-xs ${muted}`}>
				{current.sampleSize} {current.sampleSize === 1 ? 'attempt' : 'attempts'} finished this period, {previous.sampleSize} the period before. Times and runs
				are medians; rates are pooled over the period.
				{small ? ' A figure needs at least three attempts behind it in both periods before it is compared: “too few (n)” shows how many there were.' : ''}
			</p>
		</>
	)
}

const percent = (figure: PeriodFigure) => (figure.value !== null && figure.enough ? `${Math.round(figure.value * 100)}%` : null)

export function ReportIndependence({ independence }: { independence: ReportIndependence }) {
	const rate = percent(independence.rate)
	const previousRate = percent(independence.previousRate)
	const items = [
		{ label: 'With hints', value: independence.withHints },
		{ label: 'With outside pastes', value: independence.withOutsidePastes },
		{ label: 'Not attested', value: independence.notAttested },
	]
	if (independence.attempts === 0) return <p className={`text-sm ${muted}`}>No attempts were finished in this period.</p>
	return (
		<div className="grid gap-4 sm:grid-cols-[minmax(0,1.3fr)_minmax(0,2fr)]">
			<div>
				<p className="text-3xl font-semibold tabular-nums">{rate ?? `${independence.independent} of ${independence.attempts}`}</p>
				<p className="text-sm text-slate-700 dark:text-slate-300">
					{rate ? `${independence.independent} of ${independence.attempts} attempts independent` : 'attempts independent (too few for a rate)'}
				</p>
				<p className={`mt-1 text-sm ${muted}`}>{previousRate ? `The period before: ${previousRate}.` : 'The period before had too few attempts for a rate.'}</p>
			</div>
			<dl className="grid grid-cols-3 gap-3">
				{items.map((item) => (
					<div key={item.label} className="rounded-md p-3 ring-1 ring-slate-200 print:border print:border-slate-400 dark:ring-slate-800">
						<dt className={`text-xs ${muted}`}>{item.label}</dt>
						<dd className="text-xl font-semibold tabular-nums">{item.value}</dd>
					</div>
				))}
			</dl>
		</div>
	)
}

const KIND_LABELS: Record<TellingAttempt['kind'], string> = { 'biggest-gain': 'Biggest gain', 'biggest-loss': 'Biggest loss', 'large-swing': 'Large swing' }

/** `subject` replaces the explanation's "you" when someone else reads about the engineer. */
export function ReportTellingAttempts({ attempts, links, subject }: { attempts: TellingAttempt[]; links: AttemptLinks; subject: string | null }) {
	if (attempts.length === 0) return <p className={`text-sm ${muted}`}>No rated attempts in this period: only a first attempt at an exercise is rated.</p>
	return (
		<ol className="space-y-3">
			{attempts.map((attempt) => {
				const href = attemptHref(links, attempt.attemptId)
				return (
					<li key={attempt.attemptId} className="report-item rounded-md p-3 ring-1 ring-slate-200 print:border print:border-slate-400 dark:ring-slate-800">
						<p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
							<Badge tone={attempt.kind === 'biggest-loss' ? 'warning' : attempt.kind === 'biggest-gain' ? 'success' : 'neutral'}>
								{KIND_LABELS[attempt.kind]}
							</Badge>
							{href ? (
								<Link to={href} className={cn('font-medium', linkClass)}>
									{attempt.exercise.title}
								</Link>
							) : (
								<span className="font-medium">{attempt.exercise.title}</span>
							)}
							<span className={muted}>
								{attempt.solved ? 'Solved' : 'Given up'} {formatFullDay(attempt.finishedAt)} · <RatingDelta delta={attempt.ratingChange} /> in all
							</span>
						</p>
						<p className="mt-1.5 text-sm text-slate-800 dark:text-slate-200">
							{capitalise(subject ? attempt.explanation.replace(/\byou solved\b/, `${subject} solved`) : attempt.explanation)}.
						</p>
					</li>
				)
			})}
		</ol>
	)
}

function capitalise(sentence: string) {
	const trimmed = sentence.trim().replace(/\.$/, '')
	return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}

export type ReportReview = {
	attemptId: string
	exerciseTitle: string
	outcome: 'solved' | 'gave_up' | null
	reviewerName: string
	percent: number
	excerpt: string
	reviewedAt: string
}

export function ReportReviews({ reviews, links }: { reviews: ReportReview[]; links: AttemptLinks }) {
	if (reviews.length === 0) return <p className={`text-sm ${muted}`}>No attempt finished in this period has been reviewed.</p>
	return (
		<ul className="divide-y divide-slate-200 dark:divide-slate-800">
			{reviews.map((review) => {
				const href = attemptHref(links, review.attemptId)
				return (
					<li key={review.attemptId} className="report-item py-3 first:pt-0 last:pb-0">
						<p className="flex flex-wrap items-baseline gap-x-3 text-sm">
							{href ? (
								<Link to={href} className={cn('font-medium', linkClass)}>
									{review.exerciseTitle}
								</Link>
							) : (
								<span className="font-medium">{review.exerciseTitle}</span>
							)}
							<span className="font-semibold tabular-nums">{review.percent}%</span>
							<span className={muted}>
								{review.outcome ? `${review.outcome === 'solved' ? 'solved' : 'given up'} · ` : ''}reviewed by {review.reviewerName},{' '}
								{formatFullDay(review.reviewedAt)}
							</span>
						</p>
						{review.excerpt ? (
							<blockquote className="mt-1 border-l-2 border-slate-300 pl-3 text-sm text-slate-800 dark:border-slate-600 dark:text-slate-200">
								{review.excerpt}
							</blockquote>
						) : (
							<p className={`mt-1 text-sm ${muted}`}>Scored without a summary.</p>
						)}
					</li>
				)
			})}
		</ul>
	)
}
