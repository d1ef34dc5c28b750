// The learner's own practice on the dashboard: what is assigned to them, what they have open,
// what they finished, reviews of their work and the next exercise to try.
import { Link } from 'react-router'
import type { listReviewsForLearner } from '#app/models/review.server.ts'
import type { AssignmentProgress, LearnerDashboard } from '#app/models/practice.server.ts'
import { topicLabel } from '#app/exercises/topics.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { difficultyBand } from '#app/practice/catalogue-labels.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatDay, formatRelativeDay, formatTimeAgo } from '#app/utils/time-format.ts'
import { EmptyState, mutedClass } from './empty-state.tsx'
import { formatDifficulty } from '#app/growth/rating-display.ts'

/** h3 when the cards sit under the lead's "Your own practice" heading. */
type HeadingLevel = 2 | 3

const PROGRESS: Record<AssignmentProgress, { label: string; tone: 'neutral' | 'brand' | 'success' | 'warning' }> = {
	not_started: { label: 'Not started', tone: 'neutral' },
	in_progress: { label: 'In progress', tone: 'brand' },
	solved: { label: 'Solved', tone: 'success' },
	given_up: { label: 'Given up', tone: 'warning' },
}

export function ReviewsCard({ reviews, now, level }: { reviews: Awaited<ReturnType<typeof listReviewsForLearner>>; now: Date; level?: HeadingLevel }) {
	if (reviews.length === 0) return null
	return (
		<Card aria-label="Reviews of your work">
			<CardHeader level={level} title="Reviews of your work" description="Your lead’s rubric scores and comments." />
			<ul className="divide-y divide-slate-200 dark:divide-slate-800">
				{reviews.map((review) => (
					<li key={review.id} className="flex items-center justify-between gap-3 py-2.5">
						<div className="min-w-0">
							<Link to={`/attempts/${review.attemptId}`} className={cn('font-medium', linkClass)}>
								{review.exerciseTitle}
							</Link>
							<p className="text-xs text-slate-600 dark:text-slate-400">
								{review.reviewerName} · {formatTimeAgo(new Date(review.updatedAt), now)}
							</p>
						</div>
						<span className="flex shrink-0 items-center gap-2">
							{review.isNew ? <Badge tone="brand">New</Badge> : null}
							<span className="font-semibold tabular-nums">{review.percent}%</span>
						</span>
					</li>
				))}
			</ul>
		</Card>
	)
}

export function AssignedCard({
	assignments,
	now,
	leads,
	level,
}: {
	assignments: LearnerDashboard['assignments']
	now: Date
	leads: boolean
	level?: HeadingLevel
}) {
	return (
		<Card aria-label="Assigned to you">
			<CardHeader level={level} title="Assigned to you" description="Exercises your leads asked you to practise, overdue ones first." />
			{assignments.length === 0 ? (
				<EmptyState title="Nothing assigned yet">
					{leads
						? 'To give your team practice, open its page and choose Assign practice.'
						: 'When your lead assigns an exercise, it shows up here with its due date. Meanwhile, pick one from the catalogue.'}
				</EmptyState>
			) : (
				<ul className="divide-y divide-slate-200 dark:divide-slate-800">
					{assignments.map((assignment) => (
						<li key={assignment.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
							<div className="min-w-0">
								<Link to={`/exercises/${assignment.exercise.slug}`} className={cn('font-medium', linkClass)}>
									{assignment.exercise.title}
								</Link>
								<p className="text-xs text-slate-600 dark:text-slate-400">
									{assignment.teamName} ·{' '}
									<time dateTime={assignment.dueAt.toISOString()} className={assignment.overdue ? 'font-semibold text-red-700 dark:text-red-300' : undefined}>
										Due {formatDay(assignment.dueAt, now)}
									</time>{' '}
									({formatRelativeDay(assignment.dueAt, now)})
								</p>
							</div>
							<div className="flex items-center gap-2">
								{assignment.overdue ? <Badge tone="danger">Overdue</Badge> : null}
								<Badge tone={PROGRESS[assignment.progress].tone}>{PROGRESS[assignment.progress].label}</Badge>
							</div>
						</li>
					))}
				</ul>
			)}
		</Card>
	)
}

export function InProgressCard({ attempts, now, level }: { attempts: LearnerDashboard['inProgress']; now: Date; level?: HeadingLevel }) {
	return (
		<Card>
			<CardHeader level={level} title="In progress" description="Attempts you started and have not finished; your code and journal are saved." />
			{attempts.length === 0 ? (
				<EmptyState title="Nothing in progress">
					Start an exercise from the{' '}
					<Link to="/exercises" className={cn('font-medium', linkClass)}>
						catalogue
					</Link>{' '}
					or take the suggestion; you can leave and come back at any time.
				</EmptyState>
			) : (
				<ul className="divide-y divide-slate-200 dark:divide-slate-800">
					{attempts.map((attempt) => (
						<li key={attempt.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
							<div className="min-w-0">
								<p className="font-medium">{attempt.exercise.title}</p>
								<p className="text-xs text-slate-600 dark:text-slate-400">
									Started {formatDay(attempt.startedAt, now)} · last active{' '}
									<time dateTime={attempt.lastActiveAt.toISOString()}>{formatTimeAgo(attempt.lastActiveAt, now)}</time>
								</p>
							</div>
							<Link to={`/attempts/${attempt.id}`} className={buttonClass('secondary')}>
								Resume<span className="sr-only"> {attempt.exercise.title}</span>
							</Link>
						</li>
					))}
				</ul>
			)}
		</Card>
	)
}

export function RecentlyFinishedCard({ attempts, now, level }: { attempts: LearnerDashboard['recentlyFinished']; now: Date; level?: HeadingLevel }) {
	return (
		<Card>
			<CardHeader
				level={level}
				title="Recently finished"
				actions={
					attempts.length ? (
						<Link to="/attempts" className={cn('text-sm font-medium', linkClass)}>
							All my attempts
						</Link>
					) : null
				}
			/>
			{attempts.length === 0 ? (
				<EmptyState title="Nothing finished yet">
					When you solve an exercise or give up on one, it appears here with the outcome, and the reference explanation opens up.
				</EmptyState>
			) : (
				<ul className="divide-y divide-slate-200 dark:divide-slate-800">
					{attempts.map((attempt) => {
						const finishedAt = attempt.finishedAt ?? attempt.lastActiveAt
						return (
							<li key={attempt.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
								<div className="min-w-0">
									<Link to={`/attempts/${attempt.id}`} className={cn('font-medium', linkClass)}>
										{attempt.exercise.title}
									</Link>
									<p className="text-xs text-slate-600 dark:text-slate-400">
										Finished <time dateTime={finishedAt.toISOString()}>{formatTimeAgo(finishedAt, now)}</time>
									</p>
								</div>
								<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
							</li>
						)
					})}
				</ul>
			)}
		</Card>
	)
}

const NOTHING_TO_SUGGEST: Record<NonNullable<LearnerDashboard['nothingToSuggest']>, { title: string; text: string }> = {
	no_exercises: { title: 'No exercises yet', text: 'No exercises are loaded on this server. Ask whoever runs Hardmode to add some to the exercises/ folder.' },
	all_solved: { title: 'You have solved everything', text: 'Every exercise in the catalogue is solved. New ones will be suggested here as they are added.' },
	rest_in_progress: { title: 'Finish what you started', text: 'Everything you have not solved is already in progress; resume one of those first.' },
}

export function SuggestionCard({
	nextUp,
	nothingToSuggest,
	revisitMore = false,
	level,
}: {
	nextUp: LearnerDashboard['nextUp']
	nothingToSuggest: LearnerDashboard['nothingToSuggest']
	/** The learner asked for what they met before to come back as often as it may. */
	revisitMore?: boolean
	level?: HeadingLevel
}) {
	const empty = nothingToSuggest ? NOTHING_TO_SUGGEST[nothingToSuggest] : null
	const [suggestion, ...later] = nextUp
	return (
		<Card aria-labelledby="next-up-title">
			<CardHeader id="next-up-title" level={level} title="Next up" />
			{suggestion ? (
				<div className="space-y-3">
					<div>
						<Link to={`/exercises/${suggestion.exercise.slug}`} className={cn('font-medium', linkClass)}>
							{suggestion.exercise.title}
						</Link>
						<p className="text-xs text-slate-600 dark:text-slate-400">
							Difficulty {formatDifficulty({ value: suggestion.exercise.difficulty, source: suggestion.exercise.difficultySource })} ·{' '}
							{difficultyBand(suggestion.exercise.difficulty).label}
							{suggestion.exercise.topics.length ? ` · ${suggestion.exercise.topics.map(topicLabel).join(', ')}` : ''}
						</p>
					</div>
					<p className={mutedClass}>{suggestion.reason}.</p>
					<div className="flex flex-wrap items-center gap-3">
						<Link to={`/exercises/${suggestion.exercise.slug}`} className={buttonClass('primary')}>
							Open exercise<span className="sr-only">: {suggestion.exercise.title}</span>
						</Link>
						<Link to="/exercises" className={cn('text-sm font-medium', linkClass)}>
							Browse all
						</Link>
					</div>
					{later.length ? (
						<div className="border-t border-slate-200 pt-3 dark:border-slate-800">
							<p className="text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">After that</p>
							<ol className="mt-2 space-y-1.5 text-sm">
								{later.map((item) => (
									<li key={item.exercise.slug}>
										<Link to={`/exercises/${item.exercise.slug}`} className={linkClass}>
											{item.exercise.title}
										</Link>{' '}
										<span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">
											· {formatDifficulty({ value: item.exercise.difficulty, source: item.exercise.difficultySource })}
										</span>
									</li>
								))}
							</ol>
						</div>
					) : null}
					<p className="text-xs text-slate-600 dark:text-slate-400">
						{revisitMore ? (
							<>
								Kinds of bug you met before come back as soon as they are due.{' '}
								<Link to="/dashboard" className={linkClass}>
									Back to the usual mix
								</Link>
							</>
						) : (
							<>
								Kinds of bug you met before come back now and then, mixed with new work.{' '}
								<Link to="/dashboard?revisit=more" className={linkClass}>
									Bring them back sooner
								</Link>
							</>
						)}
					</p>
				</div>
			) : empty ? (
				<EmptyState title={empty.title}>{empty.text}</EmptyState>
			) : null}
		</Card>
	)
}
