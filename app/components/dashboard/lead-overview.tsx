// The lead's overview on the dashboard: what needs them across their teams, one card per list.
// Every list says what to do when it is empty; names link to profiles only where the server
// said the viewer may open them.
import { Link } from 'react-router'
import type { LeadOverview } from '#app/models/lead-overview.server.ts'
import { MEMBER_PROGRESS_LABELS } from '#app/assignments/progress.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { FLAG_REASON_LABELS } from '#app/reviews/flags.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { formatDay, formatRelativeDay, formatTimeAgo } from '#app/utils/time-format.ts'
import { EmptyState, mutedClass } from './empty-state.tsx'
import { PersonLink } from './person-link.tsx'

const subtleClass = 'text-xs text-slate-600 dark:text-slate-400'

function plural(count: number, one: string, many = `${one}s`) {
	return `${count} ${count === 1 ? one : many}`
}

export function WaitingForReviewCard({ waiting, now }: { waiting: LeadOverview['waiting']; now: Date }) {
	return (
		<Card aria-labelledby="waiting-heading">
			<CardHeader
				id="waiting-heading"
				title="Waiting for your review"
				description={
					waiting.total
						? `${plural(waiting.total, 'finished attempt')} nobody has scored yet, the longest waiting first.`
						: 'Finished attempts of the people you lead, until you score them.'
				}
				actions={
					waiting.total ? (
						<Link to="/reviews" className={buttonClass('secondary')}>
							Open the review queue
						</Link>
					) : null
				}
			/>
			{waiting.attempts.length === 0 ? (
				<EmptyState title="Nothing is waiting for review">
					When someone you lead solves an exercise or gives up on one, it waits here until you replay and score it. To give your team something to practise,
					open a team and choose <strong className="font-medium">Assign practice</strong>.
				</EmptyState>
			) : (
				<>
					<Table caption="Finished attempts waiting for your review, the longest waiting first">
						<thead>
							<tr>
								<Th>Engineer</Th>
								<Th>Exercise</Th>
								<Th>Outcome</Th>
								<Th>Waiting</Th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
							{waiting.attempts.map((attempt) => (
								<tr key={attempt.id}>
									<Td className="font-medium whitespace-nowrap">
										<PersonLink person={attempt.person} />
									</Td>
									<Td>
										<Link
											to={`/reviews/${attempt.id}`}
											className={linkClass}
											aria-label={`Review ${attempt.person.name}’s attempt at ${attempt.exercise.title}`}
										>
											{attempt.exercise.title}
										</Link>
										{attempt.teamName ? <span className={cn('block', subtleClass)}>Assigned in {attempt.teamName}</span> : null}
									</Td>
									<Td>
										<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
									</Td>
									<Td className="whitespace-nowrap">
										<span className={cn('tabular-nums', attempt.waitingDays >= 7 && 'font-semibold text-red-700 dark:text-red-300')}>
											{attempt.waitingDays === 0 ? 'Under a day' : plural(attempt.waitingDays, 'day')}
										</span>
										{attempt.finishedAt ? (
											<span className={cn('block', subtleClass)}>
												since <time dateTime={attempt.finishedAt.toISOString()}>{formatDay(attempt.finishedAt, now)}</time>
											</span>
										) : null}
									</Td>
								</tr>
							))}
						</tbody>
					</Table>
					{waiting.total > waiting.attempts.length ? (
						<p className={cn('mt-3', mutedClass)}>
							{plural(waiting.total - waiting.attempts.length, 'more attempt')} waiting.{' '}
							<Link to="/reviews" className={linkClass}>
								See them all in the review queue
							</Link>
							.
						</p>
					) : null}
				</>
			)}
		</Card>
	)
}

export function OverdueCard({ overdue, now }: { overdue: LeadOverview['overdue']; now: Date }) {
	return (
		<Card aria-labelledby="overdue-heading">
			<CardHeader
				id="overdue-heading"
				title="Overdue assignments"
				description="Past their due date and still open, with who has not finished yet. The most recently due come first."
			/>
			{overdue.assignments.length === 0 ? (
				<EmptyState title="Nothing is overdue">
					Everyone has finished what was due, or nothing was due yet. An assignment that nobody finishes closes by itself two weeks after its due date.
				</EmptyState>
			) : (
				<>
					<ul className="divide-y divide-slate-200 dark:divide-slate-800">
						{overdue.assignments.map((assignment) => (
							<li key={assignment.id} className="py-3 first:pt-0 last:pb-0">
								<div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
									<Link to={`/assignments/${assignment.id}`} className={cn('font-medium', linkClass)}>
										{assignment.exercise.title}
									</Link>
									<span className="text-sm whitespace-nowrap">
										<span className="font-semibold text-red-700 dark:text-red-300">
											Due <time dateTime={assignment.dueAt.toISOString()}>{formatDay(assignment.dueAt, now)}</time>
										</span>{' '}
										<span className={subtleClass}>({formatRelativeDay(assignment.dueAt, now)})</span>
									</span>
								</div>
								<p className={subtleClass}>
									{assignment.teamName} · {assignment.behind.length} of {assignment.audienceSize} not finished
								</p>
								<ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={`Not finished: ${assignment.exercise.title}`}>
									{assignment.behind.map((row) => (
										<li key={row.person.id} className="whitespace-nowrap">
											<PersonLink person={row.person} /> <span className={subtleClass}>{MEMBER_PROGRESS_LABELS[row.progress].toLowerCase()}</span>
										</li>
									))}
								</ul>
							</li>
						))}
					</ul>
					{overdue.total > overdue.assignments.length ? (
						<p className={cn('mt-3', mutedClass)}>
							{plural(overdue.total - overdue.assignments.length, 'more overdue assignment')}: open a team’s assignments to see them.
						</p>
					) : null}
				</>
			)}
		</Card>
	)
}

export function RecentFinishesCard({ recent, now }: { recent: LeadOverview['recent']; now: Date }) {
	return (
		<Card aria-labelledby="recent-heading">
			<CardHeader
				id="recent-heading"
				title="Recent finishes"
				description="The newest attempts finished by the people you lead, and whether you have scored them."
			/>
			{recent.length === 0 ? (
				<EmptyState title="Nobody has finished an attempt yet">
					Finished attempts appear here as they come in. Assign practice from a team’s page, or point your engineers at the exercise catalogue.
				</EmptyState>
			) : (
				<Table caption="Attempts finished most recently by the people you lead">
					<thead>
						<tr>
							<Th>Engineer</Th>
							<Th>Exercise</Th>
							<Th>Outcome</Th>
							<Th>Finished</Th>
							<Th>Review</Th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
						{recent.map((attempt) => (
							<tr key={attempt.id}>
								<Td className="font-medium whitespace-nowrap">
									<PersonLink person={attempt.person} />
								</Td>
								<Td>
									<Link to={`/reviews/${attempt.id}`} className={linkClass} aria-label={`Replay ${attempt.person.name}’s attempt at ${attempt.exercise.title}`}>
										{attempt.exercise.title}
									</Link>
								</Td>
								<Td>
									<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
								</Td>
								<Td className="whitespace-nowrap">
									{attempt.finishedAt ? <time dateTime={attempt.finishedAt.toISOString()}>{formatTimeAgo(attempt.finishedAt, now)}</time> : '—'}
								</Td>
								<Td className="whitespace-nowrap">
									{attempt.reviewPercent === null ? <Badge tone="warning">Waiting</Badge> : <span className="tabular-nums">{attempt.reviewPercent}%</span>}
								</Td>
							</tr>
						))}
					</tbody>
				</Table>
			)}
		</Card>
	)
}

export function LedTeamsCard({ teams, admin }: { teams: LeadOverview['teams']; admin: boolean }) {
	return (
		<Card aria-labelledby="teams-heading">
			<CardHeader id="teams-heading" title={admin ? 'Teams in your organisation' : 'Your teams'} />
			{teams.length === 0 ? (
				<EmptyState title="No teams yet">
					{admin ? (
						<>
							Create a team on the{' '}
							<Link to="/admin" className={linkClass}>
								Organisation
							</Link>{' '}
							page and make someone its lead.
						</>
					) : (
						'You lead no team at the moment. Ask an organisation admin to make you a team’s lead.'
					)}
				</EmptyState>
			) : (
				<ul className="divide-y divide-slate-200 dark:divide-slate-800">
					{teams.map((team) => (
						<li key={team.id} className="py-2.5 first:pt-0 last:pb-0">
							<div className="flex flex-wrap items-baseline justify-between gap-2">
								<Link to={`/teams/${team.id}`} className={cn('font-medium', linkClass)}>
									{team.name}
								</Link>
								{team.overdueAssignments ? <Badge tone="danger">{plural(team.overdueAssignments, 'overdue')}</Badge> : null}
							</div>
							<p className={subtleClass}>
								{plural(team.members, 'member')} ·{' '}
								<Link to={`/teams/${team.id}/assignments`} className={linkClass}>
									{plural(team.openAssignments, 'open assignment')}
								</Link>
							</p>
							{team.learners === 0 ? (
								<p className={cn('mt-1', subtleClass)}>No learners yet: invite engineers from the team’s page.</p>
							) : (
								<p className={cn('mt-1', subtleClass)}>
									{team.learning.retention} {team.learning.calibration}{' '}
									<Link to={`/teams/${team.id}/retention`} className={linkClass}>
										Details<span className="sr-only"> of {team.name}’s retention and calibration</span>
									</Link>
								</p>
							)}
						</li>
					))}
				</ul>
			)}
		</Card>
	)
}

export function FlagsCard({ flags, now }: { flags: LeadOverview['flags']; now: Date }) {
	return (
		<Card aria-labelledby="flags-heading">
			<CardHeader
				id="flags-heading"
				title="Open flags"
				description={flags.total ? `${plural(flags.total, 'exercise flag')} raised by learners, newest first.` : undefined}
			/>
			{flags.open.length === 0 ? (
				<EmptyState title="No open flags">
					When a learner reports an exercise as broken, ambiguous or too easy, the report shows here until someone marks it as handled in the review queue.
				</EmptyState>
			) : (
				<>
					<ul className="divide-y divide-slate-200 dark:divide-slate-800">
						{flags.open.map((flag) => (
							<li key={flag.id} className="py-2.5 first:pt-0 last:pb-0">
								<div className="flex flex-wrap items-baseline justify-between gap-2">
									<Link to={`/exercises/${flag.exercise.slug}`} className={cn('font-medium', linkClass)}>
										{flag.exercise.title}
									</Link>
									<Badge tone={flag.reason === 'broken' ? 'danger' : 'warning'}>{FLAG_REASON_LABELS[flag.reason]}</Badge>
								</div>
								{flag.comment ? <p className={cn('mt-1 line-clamp-2 text-sm', mutedClass)}>“{flag.comment}”</p> : null}
								<p className={cn('mt-1', subtleClass)}>
									{flag.raisedBy ? <PersonLink person={flag.raisedBy} /> : 'A former member'} ·{' '}
									<time dateTime={flag.createdAt.toISOString()}>{formatTimeAgo(flag.createdAt, now)}</time>
								</p>
							</li>
						))}
					</ul>
					<Link to="/reviews" className={cn('mt-3 inline-block text-sm font-medium', linkClass)}>
						Handle flags in the review queue
					</Link>
				</>
			)}
		</Card>
	)
}
