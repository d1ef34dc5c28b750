import { Link, useSearchParams } from 'react-router'
import type { Route } from './+types/dashboard'
import { FlagsCard, LedTeamsCard, OverdueCard, RecentFinishesCard, WaitingForReviewCard } from '#app/components/dashboard/lead-overview.tsx'
import { AssignedCard, InProgressCard, RecentlyFinishedCard, ReviewsCard, SuggestionCard } from '#app/components/dashboard/own-practice.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { getLeadOverview } from '#app/models/lead-overview.server.ts'
import { getLearnerDashboard } from '#app/models/practice.server.ts'
import { listReviewsForLearner } from '#app/models/review.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { isLeadOrAdmin, listedTeamsWhere, mayLeadTeam } from '#app/utils/permissions.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const prisma = getPrisma()
	const now = new Date()
	const revisitMore = new URL(request.url).searchParams.get('revisit') === 'more'
	// Leads and admins see what needs them across their teams first; everyone sees their own practice.
	const leads = isLeadOrAdmin(user)
	const [teams, practice, reviews, overview] = await Promise.all([
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
		getLearnerDashboard(prisma, user, now, { moreChecks: revisitMore }),
		listReviewsForLearner(user),
		leads ? getLeadOverview(user, now) : Promise.resolve(null),
	])
	const roleByTeam = new Map(user.teams.map((t) => [t.id, t.role]))
	return {
		name: user.name,
		orgRole: user.orgRole,
		organizationName: user.organizationName,
		now,
		revisitMore,
		practice,
		reviews,
		overview,
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

export default function Dashboard({ loaderData }: Route.ComponentProps) {
	const { name, orgRole, organizationName, teams, practice, now, reviews, overview } = loaderData
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
			{overview ? (
				<>
					<div className="grid gap-6 lg:grid-cols-3">
						<div className="min-w-0 space-y-6 lg:col-span-2">
							<WaitingForReviewCard waiting={overview.waiting} now={now} />
							<OverdueCard overdue={overview.overdue} now={now} />
							<RecentFinishesCard recent={overview.recent} now={now} />
						</div>
						<div className="min-w-0 space-y-6">
							<LedTeamsCard teams={overview.teams} admin={orgRole === 'admin'} />
							<FlagsCard flags={overview.flags} now={now} />
						</div>
					</div>
					<section aria-labelledby="own-practice-heading" className="space-y-4 border-t border-slate-200 pt-6 dark:border-slate-800">
						<div>
							<h2 id="own-practice-heading" className="text-xl font-bold tracking-tight">
								Your own practice
							</h2>
							<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">What is assigned to you, what you have open, and what to try next.</p>
						</div>
						<div className="grid gap-6 lg:grid-cols-3">
							<div className="min-w-0 space-y-6 lg:col-span-2">
								<AssignedCard assignments={practice.assignments} now={now} leads={leads} level={3} />
								<InProgressCard attempts={practice.inProgress} now={now} level={3} />
								<RecentlyFinishedCard attempts={practice.recentlyFinished} now={now} level={3} />
							</div>
							<div className="min-w-0 space-y-6">
								<SuggestionCard nextUp={practice.nextUp} nothingToSuggest={practice.nothingToSuggest} revisitMore={loaderData.revisitMore} level={3} />
								<ReviewsCard reviews={reviews} now={now} level={3} />
							</div>
						</div>
					</section>
				</>
			) : (
				<div className="grid gap-6 lg:grid-cols-3">
					<div className="min-w-0 space-y-6 lg:col-span-2">
						<AssignedCard assignments={practice.assignments} now={now} leads={leads} />
						<InProgressCard attempts={practice.inProgress} now={now} />
						<RecentlyFinishedCard attempts={practice.recentlyFinished} now={now} />
					</div>
					<div className="min-w-0 space-y-6">
						<SuggestionCard nextUp={practice.nextUp} nothingToSuggest={practice.nothingToSuggest} revisitMore={loaderData.revisitMore} />
						<ReviewsCard reviews={reviews} now={now} />
						<TeamsCard teams={teams} admin={orgRole === 'admin'} />
					</div>
				</div>
			)}
		</div>
	)
}

const mutedClass = 'text-sm text-slate-700 dark:text-slate-300'

function TeamsCard({ teams, admin }: { teams: Route.ComponentProps['loaderData']['teams']; admin: boolean }) {
	return (
		<Card>
			<CardHeader title={admin ? 'Teams in your organisation' : 'Your teams'} />
			{teams.length === 0 ? (
				<div className={mutedClass}>
					<p>{admin ? 'Your organisation has no teams yet.' : 'You are not in a team yet. Ask your lead for an invite link.'}</p>
					{admin ? (
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
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Dashboard · Hardmode' }]
