import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/admin'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Field, FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { Select } from '#app/components/ui/input.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { listRecentActivity } from '#app/models/activity.server.ts'
import { listMembers, setOrgRole } from '#app/models/organization.server.ts'
import { endSessionsOf, liftLockoutOf, listPeople, removeMember, setTwoFactorRequirement, twoFactorRequirement } from '#app/models/people.server.ts'
import { PeopleCard } from '#app/components/admin/people-card.tsx'
import { TwoFactorRequirementCard } from '#app/components/admin/two-factor-requirement-card.tsx'
import { createTeam, listTeams } from '#app/models/team.server.ts'
import { AdminFormSchema } from '#app/organization/organization-form.ts'
import { requireOrgAdmin } from '#app/utils/auth.server.ts'
import { parseIntentForm, type FieldErrors as FieldErrorMap } from '#app/utils/forms.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireOrgAdmin(request)
	const [{ people, removed }, teams, audit, twoFactor] = await Promise.all([
		listPeople(user.organizationId),
		listTeams(user.organizationId),
		listRecentActivity(user.organizationId),
		twoFactorRequirement(user.organizationId),
	])
	return { me: user.id, organizationName: user.organizationName, members: people, removed, teams, audit, twoFactor }
}

type ActionResult = { intent: string; fieldErrors?: FieldErrorMap; message?: string; error?: string; confirmSelfDemotion?: boolean }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireOrgAdmin(request)
	const form = parseIntentForm(await request.formData(), AdminFormSchema)
	if (!form.ok) {
		if (form.intent === 'create-team') return data<ActionResult>({ intent: form.intent, fieldErrors: form.fieldErrors }, { status: 400 })
		if (form.intent === 'set-role') return data<ActionResult>({ intent: form.intent, error: 'Choose admin or member.' }, { status: 400 })
		if (form.intent) return data<ActionResult>({ intent: 'person', error: 'Choose a member from the list.' }, { status: 400 })
		return data<ActionResult>({ intent: 'unknown', error: 'Unknown action.' }, { status: 400 })
	}
	const { intent } = form
	if (form.intent === 'create-team') {
		const { name, leadUserId } = form.data
		if (leadUserId) {
			const members = await listMembers(user.organizationId)
			if (!members.some((m) => m.id === leadUserId)) {
				return data<ActionResult>({ intent, fieldErrors: { leadUserId: ['Choose a lead from your organisation.'] } }, { status: 400 })
			}
		}
		const result = await createTeam({ organizationId: user.organizationId, actorId: user.id, name, leadUserId })
		if (!result.ok) return data<ActionResult>({ intent, fieldErrors: { name: [result.message] } }, { status: 400 })
		return data<ActionResult>({ intent, message: `Team “${name}” created.` })
	}
	if (form.intent === 'two-factor-requirement') {
		const required = form.data.required === 'yes'
		await setTwoFactorRequirement({ organizationId: user.organizationId, actorId: user.id, required })
		return data<ActionResult>({
			intent,
			message: required ? 'Two-factor sign-in is now required for admins and leads.' : 'Two-factor sign-in is no longer required.',
		})
	}
	if (form.intent === 'remove-member' || form.intent === 'end-sessions' || form.intent === 'lift-lockout') {
		const act = { 'remove-member': removeMember, 'end-sessions': endSessionsOf, 'lift-lockout': liftLockoutOf }[form.intent]
		const result = await act({ organizationId: user.organizationId, actorId: user.id, userId: form.data.userId })
		if (!result.ok) return data<ActionResult>({ intent: 'person', error: result.message }, { status: result.status })
		return data<ActionResult>({ intent: 'person', message: result.message })
	}
	// Giving up one's own admin role cannot be undone alone: ask first, and say what goes with it.
	if (form.data.userId === user.id && form.data.role === 'member' && user.orgRole === 'admin' && form.data.confirmSelfDemotion !== 'yes') {
		return data<ActionResult>({ intent, confirmSelfDemotion: true })
	}
	const result = await setOrgRole({ organizationId: user.organizationId, actorId: user.id, userId: form.data.userId, role: form.data.role })
	if (!result.ok) return data<ActionResult>({ intent, error: result.message }, { status: result.status })
	return data<ActionResult>({ intent, message: 'Role updated.' })
}

function SelfDemotionConfirmation({ me, organizationName, busy }: { me: string; organizationName: string; busy: boolean }) {
	return (
		<section
			role="alertdialog"
			aria-labelledby="self-demotion-title"
			aria-describedby="self-demotion-what"
			className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
		>
			<h3 id="self-demotion-title" className="font-semibold">
				Stop being an admin of {organizationName}?
			</h3>
			<div id="self-demotion-what" className="mt-1 space-y-1">
				<p>As a member you will no longer be able to:</p>
				<ul className="list-disc pl-5">
					<li>open this page, create teams or choose their leads;</li>
					<li>make people admins or members;</li>
					<li>see the organisation’s activity log.</li>
				</ul>
				<p>You keep your teams, your attempts and your growth. Only another admin can make you an admin again.</p>
			</div>
			<div className="mt-3 flex flex-wrap gap-2">
				<Form method="post">
					<input type="hidden" name="userId" value={me} />
					<input type="hidden" name="role" value="member" />
					<input type="hidden" name="confirmSelfDemotion" value="yes" />
					<Button type="submit" name="intent" value="set-role" disabled={busy}>
						Yes, make me a member
					</Button>
				</Form>
				<Link to="/admin" className={cn('self-center text-sm font-medium', linkClass)}>
					Keep me an admin
				</Link>
			</div>
		</section>
	)
}

export default function Admin({ loaderData, actionData }: Route.ComponentProps) {
	const { members, removed, teams, audit, organizationName, me, twoFactor } = loaderData
	const result = actionData ?? null
	const busy = useNavigation().state === 'submitting'
	const teamResult = result?.intent === 'create-team' ? result : null
	const roleResult = result?.intent === 'set-role' || result?.intent === 'person' ? result : null
	const requirementResult = result?.intent === 'two-factor-requirement' ? result : null
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold tracking-tight">{organizationName}</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					{members.length} {members.length === 1 ? 'member' : 'members'} · {teams.length} {teams.length === 1 ? 'team' : 'teams'}
				</p>
				<p className="mt-1 text-sm">
					<Link to="/admin/sso" className={linkClass}>
						Single sign-on settings
					</Link>
				</p>
			</div>
			<div className="grid gap-6 lg:grid-cols-3">
				<Card className="lg:col-span-2">
					<CardHeader title="Teams" description="Leads assign practice and review attempts for their teams." />
					{teams.length === 0 ? (
						<p className="text-sm text-slate-700 dark:text-slate-300">No teams yet. Create the first one with the form beside this list.</p>
					) : (
						<Table caption="Teams">
							<thead>
								<tr>
									<Th>Team</Th>
									<Th>Leads</Th>
									<Th className="text-right">Members</Th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
								{teams.map((team) => (
									<tr key={team.id}>
										<Td>
											<Link to={`/teams/${team.id}`} className={cn('font-medium', linkClass)}>
												{team.name}
											</Link>
										</Td>
										<Td>{team.memberships.map((m) => m.user.name).join(', ') || <span className="text-slate-600 dark:text-slate-400">No lead yet</span>}</Td>
										<Td className="text-right tabular-nums">{team._count.memberships}</Td>
									</tr>
								))}
							</tbody>
						</Table>
					)}
				</Card>
				<Card>
					<CardHeader title="Create a team" />
					<Form method="post" className="space-y-4" key={teamResult?.message ?? 'create-team'}>
						<FormAlert tone="success" message={teamResult?.message} />
						<Field label="Team name" name="name" required errors={teamResult?.fieldErrors?.name} />
						<div className="space-y-1.5">
							<label htmlFor="leadUserId" className="block text-sm font-medium">
								Lead (optional)
							</label>
							<Select id="leadUserId" name="leadUserId" defaultValue="">
								<option value="">No lead yet</option>
								{members.map((m) => (
									<option key={m.id} value={m.id}>
										{m.name}
									</option>
								))}
							</Select>
							<FieldErrors errors={teamResult?.fieldErrors?.leadUserId} />
						</div>
						<Button type="submit" name="intent" value="create-team" disabled={busy}>
							Create team
						</Button>
					</Form>
				</Card>
			</div>
			<PeopleCard
				people={members}
				removed={removed}
				me={me}
				notice={
					<>
						<FormAlert tone={roleResult?.error ? 'error' : 'success'} message={roleResult?.error ?? roleResult?.message} />
						{roleResult?.confirmSelfDemotion ? <SelfDemotionConfirmation me={me} organizationName={organizationName} busy={busy} /> : null}
					</>
				}
			/>
			<TwoFactorRequirementCard required={twoFactor.required} withoutTwoFactor={twoFactor.withoutTwoFactor} message={requirementResult?.message} />
			<Card>
				<CardHeader title="Outgoing mail" description="Invites, password resets and address confirmations Hardmode sends, and whether each went out." />
				<Link to="/admin/outbox" className={linkClass}>
					Open the outbox
				</Link>
			</Card>
			<Card>
				<CardHeader title="Recent activity" description="Who did what in your organisation." />
				{audit.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">Nothing has happened yet.</p>
				) : (
					<ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
						{audit.map((event) => (
							<li key={event.id} className="flex justify-between gap-4 py-2">
								<p>
									<span className="font-medium">{event.actor}</span>{' '}
									{event.parts.map((part, index) =>
										typeof part === 'string' ? (
											<span key={index}>{part}</span>
										) : (
											<Link key={index} to={part.href} className={linkClass}>
												{part.text}
											</Link>
										),
									)}
									.
								</p>
								<time dateTime={new Date(event.at).toISOString()} className="shrink-0 text-slate-600 tabular-nums dark:text-slate-400">
									{new Date(event.at).toISOString().slice(0, 16).replace('T', ' ')} UTC
								</time>
							</li>
						))}
					</ul>
				)}
			</Card>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Organisation · Hardmode' }]
