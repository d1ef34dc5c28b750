import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/teams.$teamId.retention'
import { ConfirmAction } from '#app/components/confirm-action.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { CalibrationCard } from '#app/components/growth/calibration-card.tsx'
import { RetentionCard } from '#app/components/growth/retention-card.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { pooledCalibration } from '#app/models/growth/calibration.server.ts'
import { DUE_SOON_DAYS, getTeamChecks, type MemberChecks } from '#app/models/retention/due.server.ts'
import { getRetentionReport } from '#app/models/retention/report.server.ts'
import { assignDueChecks, setTeamChecks } from '#app/models/retention/team.server.ts'
import { requireTeamLead } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { formatDay, formatRelativeDay } from '#app/utils/time-format.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const prisma = getPrisma()
	const now = new Date()
	const checks = await getTeamChecks(prisma, team, now)
	const userIds = checks.members.map((member) => member.userId)
	const [report, calibration] = await Promise.all([
		getRetentionReport(prisma, { organizationId: user.organizationId, userIds }),
		pooledCalibration({ organizationId: user.organizationId, userIds }),
	])
	return { team: { id: team.id, name: team.name }, now, checks, report, calibration, dueSoonDays: DUE_SOON_DAYS }
}

const RetentionActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('checks'), on: z.enum(['on', 'off']) }),
	z.object({ intent: z.literal('assign-due') }),
])

export async function action({ request, params }: Route.ActionArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const parsed = RetentionActionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ ok: false as const, message: 'That action is not one this page offers. Reload the page and try again.' }, { status: 400 })
	const prisma = getPrisma()
	if (parsed.data.intent === 'checks') {
		await setTeamChecks(prisma, team, user.id, parsed.data.on === 'on')
		return { ok: true as const, message: parsed.data.on === 'on' ? 'Retention checks are on for this team.' : 'Retention checks are off for this team.' }
	}
	const created = await assignDueChecks(prisma, team, user.id, new Date())
	if (created.length === 0) return data({ ok: false as const, message: 'No checks are due this week, so nothing was assigned.' }, { status: 409 })
	const people = created.reduce((sum, assignment) => sum + assignment.members, 0)
	return {
		ok: true as const,
		message: `Assigned ${created.length} ${created.length === 1 ? 'exercise' : 'exercises'} (${people} ${people === 1 ? 'check' : 'checks'}), due in ${DUE_SOON_DAYS} days. Learners see them as ordinary assignments.`,
	}
}

export default function TeamRetentionPage({ loaderData, actionData }: Route.ComponentProps) {
	const { team, checks, report, calibration, dueSoonDays } = loaderData
	const now = new Date(loaderData.now)
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST'
	const dueCount = checks.members.reduce((sum, member) => sum + member.overdue.length + member.dueSoon.length, 0)
	return (
		<div className="space-y-6">
			<Breadcrumbs trail={[{ label: team.name, to: `/teams/${team.id}` }, { label: 'Retention' }]} />
			<div>
				<h1 className="text-2xl font-bold tracking-tight">Retention in {team.name}</h1>
				<p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
					After a learner finishes a variant of a bug family, another variant comes back unannounced after a gap that grows with each success and shrinks after
					a miss. Here you see who has checks due, and whether lessons last across the team.
				</p>
			</div>
			{actionData ? <FormAlert tone={actionData.ok ? 'success' : 'error'} message={actionData.message} /> : null}
			<Card>
				<CardHeader
					title="Checks due"
					description={
						checks.enabled
							? `Overdue, and due within ${dueSoonDays} days. Learners are not told which exercises are checks; only you see this list.`
							: 'Retention checks are off for this team: members get no checks in Next up (their schedules are kept).'
					}
					actions={
						<div className="flex flex-wrap gap-2">
							{checks.enabled && dueCount > 0 ? (
								<ConfirmAction
									label={`Assign the ${dueCount} ${dueCount === 1 ? 'check' : 'checks'} due this week`}
									title="Assign this week’s checks?"
									message={`Each check becomes an ordinary assignment for the member it is due for, due in ${dueSoonDays} days, with hints allowed. Learners are not told that they are checks.`}
									confirmLabel="Assign them"
									intent="assign-due"
									variant="primary"
								/>
							) : null}
							<Form method="post">
								<input type="hidden" name="intent" value="checks" />
								<input type="hidden" name="on" value={checks.enabled ? 'off' : 'on'} />
								<Button type="submit" variant="secondary" disabled={busy}>
									{checks.enabled ? 'Turn retention checks off' : 'Turn retention checks on'}
								</Button>
							</Form>
						</div>
					}
				/>
				{checks.members.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">{team.name} has no learners yet.</p>
				) : (
					<DueTable members={checks.members} now={now} />
				)}
			</Card>
			<div className="grid gap-6 lg:grid-cols-2">
				<RetentionCard report={report} scope="team" />
				<CalibrationCard calibration={calibration} subject={{ name: team.name }} />
			</div>
			<p className="text-sm text-slate-600 dark:text-slate-400">
				Team figures only: Hardmode shows no ranking of people.{' '}
				<Link to="/what-we-record" className={linkClass}>
					What Hardmode records and who sees it
				</Link>
			</p>
		</div>
	)
}

function DueTable({ members, now }: { members: MemberChecks[]; now: Date }) {
	return (
		<Table caption="Retention checks per learner">
			<thead>
				<tr>
					<Th>Learner</Th>
					<Th>Overdue</Th>
					<Th>Due within a week</Th>
				</tr>
			</thead>
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{members.map((member) => (
					<tr key={member.userId} className="align-top">
						<Td>
							<Link to={`/people/${member.userId}`} className={linkClass}>
								{member.name}
							</Link>
						</Td>
						<Td>
							<CheckList checks={member.overdue} now={now} overdue />
						</Td>
						<Td>
							<CheckList checks={member.dueSoon} now={now} />
						</Td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}

function CheckList({ checks, now, overdue = false }: { checks: MemberChecks['overdue']; now: Date; overdue?: boolean }) {
	if (checks.length === 0) return <span className="text-slate-600 dark:text-slate-400">—</span>
	return (
		<ul className="space-y-2">
			{checks.map((check) => (
				<li key={check.family}>
					<span className="font-medium">{check.familyName}</span>{' '}
					<Badge tone={overdue ? 'warning' : 'neutral'}>due {formatRelativeDay(new Date(check.due), now)}</Badge>
					<span className="block text-xs text-slate-600 dark:text-slate-400">
						Serves “{check.exercise.title}” · {check.reason} (due {formatDay(new Date(check.due), now)})
					</span>
				</li>
			))}
		</ul>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Retention · ${loaderData?.team.name ?? 'Team'} · Hardmode` }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
