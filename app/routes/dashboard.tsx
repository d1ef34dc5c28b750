import { Link, useSearchParams } from 'react-router'
import type { Route } from './+types/dashboard'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { topicLabel } from '#app/exercises/topics.ts'
import { listReviewsForLearner } from '#app/models/review.server.ts'
import { getLearnerDashboard, type AssignmentProgress, type LearnerDashboard } from '#app/models/practice.server.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { difficultyBand } from '#app/practice/catalogue-labels.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { isLeadOrAdmin, listedTeamsWhere, mayLeadTeam, reviewableAttemptsWhere } from '#app/utils/permissions.server.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDay, formatRelativeDay, formatTimeAgo } from '#app/utils/time-format.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const prisma = getPrisma()
	const now = new Date()
	const reviewer = isLeadOrAdmin(user)
	const [teams, practice, reviews, waiting] = await Promise.all([
		prisma.team.findMany({
			where: listedTeamsWhere(user),
			orderBy: { name: 'asc' },
			select: {
				id: true,
				name: true,
				_count: { select: { memberships: true } },
				memberships: { where: { role: 'lead' }, select: { user: { select: { name: true } } } },
			},
		}),
		getLearnerDashboard(prisma, user, now),
		listReviewsForLearner(user),
		reviewer ? prisma.attempt.count({ where: { ...reviewableAttemptsWhere(user), status: { not: 'in_progress' }, review: null } }) : Promise.resolve(null),
	])
	const roleByTeam = new Map(user.teams.map((t) => [t.id, t.role]))
	return {
		name: user.name,
		orgRole: user.orgRole,
		organizationName: user.organizationName,
		now,
		practice,
		reviews,
		waitingForReview: waiting,
		teams: teams.map((team) => ({
			id: team.id,
			name: team.name,
			members: team._count.memberships,
			leads: team.memberships.map((m) => m.user.name),
			myRole: roleByTeam.get(team.id) ?? null,
			canManage: mayLeadTeam(user, team.id),
		})),
	}
}

const PROGRESS: Record<AssignmentProgress, { label: string; tone: 'neutral' | 'brand' | 'success' | 'warning' }> = {
	not_started: { label: 'Not started', tone: 'neutral' },
	in_progress: { label: 'In progress', tone: 'brand' },
	solved: { label: 'Solved', tone: 'success' },
	given_up: { label: 'Given up', tone: 'warning' },
}

const mutedClass = 'text-sm text-slate-700 dark:text-slate-300'

export default function Dashboard({ loaderData }: Route.ComponentProps) {
	const { name, orgRole, organizationName, teams, practice, now, reviews, waitingForReview } = loaderData
	const [params] = useSearchParams()
	const firstName = name.split(' ')[0]
	const myTeams = teams.filter((t) => t.myRole)
	const leads = teams.some((t) => t.canManage)
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold tracking-tight">Welcome, {firstName}</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					{organizationName} · {orgRole === 'admin' ? 'Organisation admin' : myTeams.some((t) => t.myRole === 'lead') ? 'Team lead' : 'Engineer'}
				</p>
			</div>
			<FormAlert tone="success" message={params.get('joined') ? 'You joined the team.' : params.get('welcome') ? 'Your account is ready.' : null} />
			<div className="grid gap-6 lg:grid-cols-3">
				<div className="space-y-6 lg:col-span-2">
					<AssignedCard assignments={practice.assignments} now={now} leads={leads} />
					<InProgressCard attempts={practice.inProgress} now={now} />
					<RecentlyFinishedCard attempts={practice.recentlyFinished} now={now} />
				</div>
				<div className="space-y-6">
					{waitingForReview !== null ? (
						<Card>
							<CardHeader title="Review queue" />
							<p className={mutedClass}>
								{waitingForReview === 0
									? 'No finished attempts are waiting for your review.'
									: `${waitingForReview} finished ${waitingForReview === 1 ? 'attempt is' : 'attempts are'} waiting for your review.`}
							</p>
							<Link to="/reviews" className={buttonClass(waitingForReview ? 'primary' : 'secondary', 'mt-3')}>
								Open the review queue
							</Link>
						</Card>
					) : null}
					<ReviewsCard reviews={reviews} now={now} />
					<SuggestionCard suggestion={practice.suggestion} nothingToSuggest={practice.nothingToSuggest} />
					<Card>
						<CardHeader title={orgRole === 'admin' ? 'Teams in your organisation' : 'Your teams'} />
						{teams.length === 0 ? (
							<div className={mutedClass}>
								<p>{orgRole === 'admin' ? 'Your organisation has no teams yet.' : 'You are not in a team yet. Ask your lead for an invite link.'}</p>
								{orgRole === 'admin' ? (
									<Link to="/admin" className={buttonClass('primary', 'mt-3')}>
										Create a team
									</Link>
								) : null}
							</div>
						) : (
							<ul className="divide-y divide-slate-200 dark:divide-slate-800">
								{teams.map((team) => (
									<li key={team.id} className="flex items-center justify-between gap-3 py-2.5">
										<div>
											{team.canManage ? (
												<Link to={`/teams/${team.id}`} className={cn('font-medium', linkClass)}>
													{team.name}
												</Link>
											) : (
												<span className="font-medium">{team.name}</span>
											)}
											<p className="text-xs text-slate-600 dark:text-slate-400">
												{team.members} {team.members === 1 ? 'member' : 'members'}
												{team.leads.length ? ` · led by ${team.leads.join(', ')}` : ''}
											</p>
										</div>
										{team.myRole ? <Badge tone={team.myRole === 'lead' ? 'brand' : 'neutral'}>{team.myRole}</Badge> : null}
									</li>
								))}
							</ul>
						)}
					</Card>
				</div>
			</div>
		</div>
	)
}

function ReviewsCard({ reviews, now }: { reviews: Awaited<ReturnType<typeof listReviewsForLearner>>; now: Date }) {
	if (reviews.length === 0) return null
	return (
		<Card aria-label="Reviews of your work">
			<CardHeader title="Reviews of your work" description="Your lead’s rubric scores and comments." />
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

function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
	return (
		<div className="rounded-md border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
			<p className="font-medium">{title}</p>
			<div className={`mt-1 ${mutedClass}`}>{children}</div>
		</div>
	)
}

function AssignedCard({ assignments, now, leads }: { assignments: LearnerDashboard['assignments']; now: Date; leads: boolean }) {
	return (
		<Card aria-label="Assigned to you">
			<CardHeader title="Assigned to you" description="Exercises your leads asked you to practise, overdue ones first." />
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

function InProgressCard({ attempts, now }: { attempts: LearnerDashboard['inProgress']; now: Date }) {
	return (
		<Card>
			<CardHeader title="In progress" description="Attempts you started and have not finished; your code and journal are saved." />
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

function RecentlyFinishedCard({ attempts, now }: { attempts: LearnerDashboard['recentlyFinished']; now: Date }) {
	return (
		<Card>
			<CardHeader
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

function SuggestionCard({
	suggestion,
	nothingToSuggest,
}: {
	suggestion: LearnerDashboard['suggestion']
	nothingToSuggest: LearnerDashboard['nothingToSuggest']
}) {
	const empty = nothingToSuggest ? NOTHING_TO_SUGGEST[nothingToSuggest] : null
	return (
		<Card>
			<CardHeader title="Suggested next" />
			{suggestion ? (
				<div className="space-y-3">
					<div>
						<Link to={`/exercises/${suggestion.exercise.slug}`} className={cn('font-medium', linkClass)}>
							{suggestion.exercise.title}
						</Link>
						<p className="text-xs text-slate-600 dark:text-slate-400">
							Difficulty {suggestion.exercise.difficulty} · {difficultyBand(suggestion.exercise.difficulty).label}
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
				</div>
			) : empty ? (
				<EmptyState title={empty.title}>{empty.text}</EmptyState>
			) : null}
		</Card>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Dashboard · Hardmode' }]
