import { Link, useSearchParams } from 'react-router'
import type { Route } from './+types/dashboard'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const teamIds = user.teams.map((t) => t.id)
	const teams = await getPrisma().team.findMany({
		where: { organizationId: user.organizationId, ...(user.orgRole === 'admin' ? {} : { id: { in: teamIds } }) },
		orderBy: { name: 'asc' },
		select: {
			id: true,
			name: true,
			_count: { select: { memberships: true } },
			memberships: { where: { role: 'lead' }, select: { user: { select: { name: true } } } },
		},
	})
	const roleByTeam = new Map(user.teams.map((t) => [t.id, t.role]))
	return {
		name: user.name,
		orgRole: user.orgRole,
		organizationName: user.organizationName,
		teams: teams.map((team) => ({
			id: team.id,
			name: team.name,
			members: team._count.memberships,
			leads: team.memberships.map((m) => m.user.name),
			myRole: roleByTeam.get(team.id) ?? null,
			canManage: user.orgRole === 'admin' || roleByTeam.get(team.id) === 'lead',
		})),
	}
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
	const { name, orgRole, organizationName, teams } = loaderData
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
				<Card className="lg:col-span-2">
					<CardHeader title="Your practice" description="Exercises your lead assigns, and the ones you pick yourself, appear here." />
					<div className="rounded-md border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
						<p className="font-medium">Nothing assigned yet</p>
						<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
							{leads
								? 'Invite your engineers from a team page; assignments will follow from there.'
								: 'When your lead assigns an exercise, it shows up here with its due date.'}
						</p>
					</div>
				</Card>
				<Card>
					<CardHeader title={orgRole === 'admin' ? 'Teams in your organisation' : 'Your teams'} />
					{teams.length === 0 ? (
						<div className="text-sm text-slate-700 dark:text-slate-300">
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
											<Link to={`/teams/${team.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
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
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Dashboard · Hardmode' }]
