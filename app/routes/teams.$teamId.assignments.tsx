import { Link } from 'react-router'
import type { Route } from './+types/teams.$teamId.assignments'
import { ASSIGNMENT_GRACE_DAYS, graceEndsAt } from '#app/assignments/closure.ts'
import { countProgress, MEMBER_PROGRESS, MEMBER_PROGRESS_LABELS } from '#app/assignments/progress.ts'
import { ProgressBadge, ProgressBar, RuleBadges } from '#app/components/progress-badge.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { listTeamAssignments } from '#app/models/assignment.server.ts'
import { requireTeamLead } from '#app/utils/auth.server.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatDay, formatRelativeDay } from '#app/utils/time-format.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const now = new Date()
	const assignments = await listTeamAssignments(user.organizationId, team.id, now)
	const search = new URL(request.url).searchParams
	const count = (name: string) => {
		const value = Number(search.get(name) ?? 0)
		return Number.isInteger(value) && value > 0 && value <= 500 ? value : 0
	}
	return {
		team,
		now: now.toISOString(),
		created: count('created'),
		leftOut: count('left'),
		assignments: assignments.map((assignment) => ({
			id: assignment.id,
			exercise: assignment.exercise,
			dueAt: assignment.dueAt.toISOString(),
			cancelledAt: assignment.cancelledAt?.toISOString() ?? null,
			closure: assignment.closure
				? {
						at: assignment.closure.at.toISOString(),
						by: assignment.closure.by,
						lead: assignment.closure.by === 'lead' ? (assignment.closedBy?.name ?? null) : null,
					}
				: null,
			wholeTeam: assignment.wholeTeam,
			rules: { hintsAllowed: assignment.hintsAllowed, pasteBlocked: assignment.pasteBlocked, hardMode: assignment.hardMode },
			audienceSize: assignment.audienceSize,
			counts: countProgress(assignment.standings),
			finished: assignment.standings.filter((standing) => standing.finished).length,
			overdue: assignment.standings.filter((standing) => standing.overdue).length,
			standings: assignment.standings.map((standing) => ({ person: standing.person, progress: standing.progress, attemptId: standing.attemptId })),
		})),
	}
}

export default function TeamAssignmentsPage({ loaderData }: Route.ComponentProps) {
	const { team, assignments, created, leftOut } = loaderData
	const now = new Date(loaderData.now)
	const active = assignments.filter((assignment) => !assignment.cancelledAt && !assignment.closure)
	const closed = assignments.filter((assignment) => !assignment.cancelledAt && assignment.closure).sort((a, b) => b.closure!.at.localeCompare(a.closure!.at))
	const cancelled = assignments.filter((assignment) => assignment.cancelledAt)
	// The members × assignments grid: everyone any active assignment is for.
	const people = [
		...new Map(active.flatMap((assignment) => assignment.standings.map((standing) => [standing.person.id, standing.person] as const))).values(),
	].sort((a, b) => a.name.localeCompare(b.name))
	return (
		<div className="space-y-6">
			<Breadcrumbs trail={[{ label: team.name, to: `/teams/${team.id}` }, { label: 'Assignments' }]} />
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold tracking-tight">Assignments for {team.name}</h1>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						{active.length === 1 ? '1 active assignment' : `${active.length} active assignments`}
						{closed.length ? ` · ${closed.length} closed` : ''}
						{cancelled.length ? ` · ${cancelled.length} cancelled` : ''}
					</p>
				</div>
				<div className="flex gap-2">
					<Link to="/reviews" className={buttonClass('secondary')}>
						Review queue
					</Link>
					<Link to={`/teams/${team.id}/assignments/new`} className={buttonClass('primary')}>
						New assignment
					</Link>
				</div>
			</div>
			{created ? (
				<FormAlert
					tone="success"
					message={`${
						created === 1
							? 'Assigned. The learners see it on their dashboard now.'
							: `${created} exercises assigned. The learners see them on their dashboard now.`
					}${leftOut ? ` Left out ${leftOut === 1 ? 'one person who already had it' : `${leftOut} people who already had them`} open.` : ''}`}
				/>
			) : null}
			{active.length === 0 ? (
				<Card>
					<p className="text-sm text-slate-700 dark:text-slate-300">
						Nothing is assigned to {team.name} right now.{' '}
						<Link to={`/teams/${team.id}/assignments/new`} className={linkClass}>
							Assign an exercise
						</Link>{' '}
						with a due date and the rules it should be practised under.
					</p>
				</Card>
			) : (
				<>
					<Card>
						<CardHeader
							title="Active"
							description={`Progress of everyone each assignment is for. Open one to see who is where, change, close or cancel it. An assignment closes by itself ${ASSIGNMENT_GRACE_DAYS} days after it is due.`}
						/>
						<Table caption={`Active assignments of ${team.name}`}>
							<thead>
								<tr>
									<Th>Exercise</Th>
									<Th>Due</Th>
									<Th>For</Th>
									<Th>Rules</Th>
									<Th className="w-64">Progress</Th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
								{active.map((assignment) => {
									const dueAt = new Date(assignment.dueAt)
									return (
										<tr key={assignment.id}>
											<Td className="font-medium">
												<Link to={`/assignments/${assignment.id}`} className={linkClass}>
													{assignment.exercise.title}
												</Link>
											</Td>
											<Td className="whitespace-nowrap">
												{formatDay(dueAt, now)} <span className="text-slate-600 dark:text-slate-400">({formatRelativeDay(dueAt, now)})</span>
												{assignment.overdue ? (
													<span className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
														<Badge tone="danger">Overdue</Badge> closes {formatDay(graceEndsAt(dueAt), now)}
													</span>
												) : null}
											</Td>
											<Td>{assignment.wholeTeam ? 'Whole team' : `${assignment.audienceSize} chosen`}</Td>
											<Td>
												<RuleBadges rules={assignment.rules} />
											</Td>
											<Td>
												<ProgressBar counts={assignment.counts} total={assignment.audienceSize} />
											</Td>
										</tr>
									)
								})}
							</tbody>
						</Table>
					</Card>
					{people.length ? (
						<Card>
							<CardHeader
								title="Who is where"
								description={`Each member against each active assignment: ${MEMBER_PROGRESS.map((p) => MEMBER_PROGRESS_LABELS[p].toLowerCase()).join(', ')}.`}
							/>
							<Table caption="Progress of each member on each active assignment">
								<thead>
									<tr>
										<Th>Member</Th>
										{active.map((assignment) => (
											<Th key={assignment.id} className="normal-case">
												{assignment.exercise.title}
											</Th>
										))}
									</tr>
								</thead>
								<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
									{people.map((person) => (
										<tr key={person.id}>
											<Td className="font-medium whitespace-nowrap">
												{/* The page is the team's leads' (and admins'), who may open every member's profile. */}
												<Link to={`/people/${person.id}`} className={linkClass}>
													{person.name}
												</Link>
											</Td>
											{active.map((assignment) => {
												const standing = assignment.standings.find((s) => s.person.id === person.id)
												return (
													<Td key={assignment.id}>
														{!standing ? (
															<span className="text-slate-500 dark:text-slate-400">Not assigned</span>
														) : standing.progress === 'submitted' || standing.progress === 'reviewed' ? (
															<Link to={`/reviews/${standing.attemptId}`} className="rounded-full">
																<ProgressBadge progress={standing.progress} />
																<span className="sr-only">
																	{standing.progress === 'submitted' ? ': review' : ': open the review of'} {person.name}’s attempt at{' '}
																	{assignment.exercise.title}
																</span>
															</Link>
														) : (
															<ProgressBadge progress={standing.progress} />
														)}
													</Td>
												)
											})}
										</tr>
									))}
								</tbody>
							</Table>
						</Card>
					) : null}
				</>
			)}
			{closed.length ? (
				<Card>
					<CardHeader
						title="Closed"
						description={`No longer on anyone’s dashboard: closed by a lead, or by themselves ${ASSIGNMENT_GRACE_DAYS} days after they were due. Progress is as it stood when each closed; the attempts still count in growth.`}
					/>
					<Table caption={`Closed assignments of ${team.name}`}>
						<thead>
							<tr>
								<Th>Exercise</Th>
								<Th>Was due</Th>
								<Th>Closed</Th>
								<Th className="w-64">Final progress</Th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
							{closed.map((assignment) => {
								const closure = assignment.closure!
								return (
									<tr key={assignment.id}>
										<Td className="font-medium">
											<Link to={`/assignments/${assignment.id}`} className={linkClass}>
												{assignment.exercise.title}
											</Link>
										</Td>
										<Td className="whitespace-nowrap">{formatDay(new Date(assignment.dueAt), now)}</Td>
										<Td>
											<span className="whitespace-nowrap">{formatDay(new Date(closure.at), now)}</span>
											<span className="block text-xs text-slate-600 dark:text-slate-400">
												{closure.by === 'lead' ? `by ${closure.lead ?? 'a former lead'}` : `automatically, ${ASSIGNMENT_GRACE_DAYS} days after due`}
											</span>
										</Td>
										<Td>
											<p className="mb-1 text-sm tabular-nums">
												{assignment.finished} of {assignment.audienceSize} finished
											</p>
											<ProgressBar counts={assignment.counts} total={assignment.audienceSize} />
										</Td>
									</tr>
								)
							})}
						</tbody>
					</Table>
				</Card>
			) : null}
			{cancelled.length ? (
				<Card>
					<CardHeader title="Cancelled" description="Learners no longer see these; the attempts made for them are kept." />
					<ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
						{cancelled.map((assignment) => (
							<li key={assignment.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
								<Link to={`/assignments/${assignment.id}`} className={linkClass}>
									{assignment.exercise.title}
								</Link>
								<span className="text-slate-600 dark:text-slate-400">
									Cancelled {formatDay(new Date(assignment.cancelledAt!), now)} · {assignment.counts.submitted + assignment.counts.reviewed} submitted
								</span>
							</li>
						))}
					</ul>
				</Card>
			) : null}
		</div>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Assignments · ${loaderData?.team.name ?? 'Team'} · Hardmode` }]
