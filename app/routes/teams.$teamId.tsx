import { useState } from 'react'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/teams.$teamId'
import { linkClass } from '#app/components/ui/link-style.ts'
import { ConfirmAction } from '#app/components/confirm-action.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { Input, Select } from '#app/components/ui/input.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { createInvite, INVITE_TTL_DAYS, listPendingInvites, revokeInvite } from '#app/models/invite.server.ts'
import { listMembers } from '#app/models/organization.server.ts'
import { addTeamMember, changeTeamRole, getTeamMembers, removeTeamMembership } from '#app/models/team.server.ts'
import { TeamFormSchema } from '#app/teams/team-form.ts'
import { requireTeamLead } from '#app/utils/auth.server.ts'
import { parseIntentForm, type FieldErrors } from '#app/utils/forms.ts'
import { mayAddTeamMembers, mayChangeTeamRoles, mayInviteToTeam, mayRemoveFromTeam, teamActorOf } from '#app/utils/permissions.server.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const actor = teamActorOf(user, team.id)
	const canAddMembers = mayAddTeamMembers(actor)
	const [members, invites, orgMembers] = await Promise.all([
		getTeamMembers(user.organizationId, team.id),
		listPendingInvites(user.organizationId, team.id),
		// Only someone who may add people gets the list of everyone in the organisation.
		canAddMembers ? listMembers(user.organizationId) : [],
	])
	const inTeam = new Set(members.map((m) => m.user.id))
	return {
		team,
		members: members.map((m) => ({ ...m, removable: mayRemoveFromTeam(actor, { userId: m.user.id, role: m.role }) })),
		invites,
		canInviteLeads: mayInviteToTeam(actor, 'lead'),
		canChangeRoles: mayChangeTeamRoles(actor),
		inviteTtlDays: INVITE_TTL_DAYS,
		others: orgMembers.filter((m) => !inTeam.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
	}
}

type ActionResult = {
	intent: string
	inviteUrl?: string
	invitedEmail?: string
	expiresAt?: string
	message?: string
	error?: string
	fieldErrors?: FieldErrors
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const actor = teamActorOf(user, team.id)
	const form = parseIntentForm(await request.formData(), TeamFormSchema)
	const fail = (error: string, status = 400) => data<ActionResult>({ intent: form.intent ?? 'unknown', error }, { status })

	// Refused before the fields are read: the answer to a lead is the same whatever they sent.
	if (form.intent === 'add-member' && !mayAddTeamMembers(actor))
		return fail('Only organisation admins can add an existing member to a team. Create an invite link instead: the person joins when they accept it.', 403)
	if (form.intent === 'set-role' && !mayChangeTeamRoles(actor)) return fail('Only organisation admins can change roles in a team.', 403)
	if (!form.ok && form.intent === 'invite') return data<ActionResult>({ intent: 'invite', fieldErrors: form.fieldErrors as FieldErrors }, { status: 400 })
	if (!form.ok) return fail(form.intent ? (Object.values(form.fieldErrors).flat()[0] ?? 'Check the form.') : 'Unknown action.')
	const { intent } = form
	if (form.intent === 'invite') {
		if (!mayInviteToTeam(actor, form.data.role)) return fail('Only organisation admins can make someone a lead.', 403)
		const invite = await createInvite({
			organizationId: user.organizationId,
			teamId: team.id,
			createdById: user.id,
			role: form.data.role,
			email: form.data.email,
		})
		const url = new URL(`/invite/${invite.token}`, request.url).toString()
		return data<ActionResult>({ intent, inviteUrl: url, invitedEmail: form.data.email, expiresAt: invite.expiresAt.toISOString() })
	}
	if (form.intent === 'add-member') {
		const result = await addTeamMember({
			organizationId: user.organizationId,
			actorId: user.id,
			teamId: team.id,
			userId: form.data.userId,
			role: form.data.role,
		})
		return result.ok ? data<ActionResult>({ intent, message: 'Added to the team.' }) : fail(result.message, result.status)
	}
	if (form.intent === 'set-role') {
		const result = await changeTeamRole({
			organizationId: user.organizationId,
			actorId: user.id,
			teamId: team.id,
			userId: form.data.userId,
			role: form.data.role,
		})
		return result.ok ? data<ActionResult>({ intent, message: 'Role updated.' }) : fail(result.message, result.status)
	}
	if (form.intent === 'remove-member') {
		const result = await removeTeamMembership({ organizationId: user.organizationId, actorId: user.id, teamId: team.id, userId: form.data.userId })
		return result.ok ? data<ActionResult>({ intent, message: 'Removed from the team.' }) : fail(result.message, result.status)
	}
	const revoked = await revokeInvite({ organizationId: user.organizationId, teamId: team.id, inviteId: form.data.inviteId, actorId: user.id })
	return revoked ? data<ActionResult>({ intent, message: 'Invite link revoked.' }) : fail('That invite was already used or revoked.', 404)
}

export default function TeamPage({ loaderData, actionData }: Route.ComponentProps) {
	const { team, members, invites, others, canInviteLeads, canChangeRoles, inviteTtlDays } = loaderData
	const result = actionData ?? null
	const busy = useNavigation().state === 'submitting'
	const leads = members.filter((m) => m.role === 'lead').length
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold tracking-tight">{team.name}</h1>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						{members.length} {members.length === 1 ? 'member' : 'members'} · {leads} {leads === 1 ? 'lead' : 'leads'}
					</p>
				</div>
				<div className="flex gap-2">
					<Link to={`/teams/${team.id}/growth`} className={buttonClass('secondary')}>
						Growth
					</Link>
					<Link to={`/teams/${team.id}/retention`} className={buttonClass('secondary')}>
						Retention
					</Link>
					<Link to={`/teams/${team.id}/assignments`} className={buttonClass('secondary')}>
						Assignments
					</Link>
					<Link to={`/teams/${team.id}/assignments/new`} className={buttonClass('primary')}>
						Assign practice
					</Link>
				</div>
			</div>
			{result && result.intent !== 'invite' ? <FormAlert tone={result.error ? 'error' : 'success'} message={result.error ?? result.message} /> : null}
			<div className="grid gap-6 lg:grid-cols-3">
				<Card className="lg:col-span-2">
					<CardHeader title="Members" />
					{members.length === 0 ? (
						<p className="text-sm text-slate-700 dark:text-slate-300">Nobody is in this team yet. Create an invite link and send it to your engineers.</p>
					) : (
						<Table caption={`Members of ${team.name}`}>
							<thead>
								<tr>
									<Th>Name</Th>
									<Th>E-mail</Th>
									<Th>Role</Th>
									<Th>
										<span className="sr-only">Actions</span>
									</Th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
								{members.map((m) => (
									<tr key={m.id}>
										<Td className="font-medium">
											{/* Whoever may open this page leads the team (or runs the organisation), so may see each member's growth. */}
											<Link to={`/people/${m.user.id}`} className={linkClass}>
												{m.user.name}
											</Link>
										</Td>
										<Td>{m.user.email}</Td>
										<Td>
											<Badge tone={m.role === 'lead' ? 'brand' : 'neutral'}>{m.role}</Badge>
										</Td>
										<Td className="text-right">
											{canChangeRoles ? (
												<Form method="post" className="inline-flex">
													<input type="hidden" name="userId" value={m.user.id} />
													<input type="hidden" name="role" value={m.role === 'lead' ? 'learner' : 'lead'} />
													<Button type="submit" variant="ghost" name="intent" value="set-role" className="px-2 py-1 text-xs">
														{m.role === 'lead' ? 'Make learner' : 'Make lead'}
													</Button>
												</Form>
											) : null}
											{m.removable ? (
												<ConfirmAction
													label="Remove"
													ariaLabel={`Remove ${m.user.name} from ${team.name}`}
													title={`Remove ${m.user.name}?`}
													message={`${m.user.name} leaves ${team.name}. Their account and past work stay; you can add them back later.`}
													confirmLabel="Remove from team"
													intent="remove-member"
													fields={{ userId: m.user.id }}
													className="px-2 py-1 text-xs"
												/>
											) : null}
										</Td>
									</tr>
								))}
							</tbody>
						</Table>
					)}
					{others.length > 0 ? (
						<Form method="post" className="mt-5 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
							<div className="min-w-48 flex-1 space-y-1.5">
								<label htmlFor="add-userId" className="block text-sm font-medium">
									Add someone from your organisation
								</label>
								<Select id="add-userId" name="userId" defaultValue="">
									<option value="" disabled>
										Choose a person
									</option>
									{others.map((o) => (
										<option key={o.id} value={o.id}>
											{o.name}
										</option>
									))}
								</Select>
							</div>
							<input type="hidden" name="role" value="learner" />
							<Button type="submit" variant="secondary" name="intent" value="add-member" disabled={busy}>
								Add as learner
							</Button>
						</Form>
					) : null}
				</Card>
				<InviteCard canInviteLeads={canInviteLeads} result={result?.intent === 'invite' ? result : null} busy={busy} />
			</div>
			<Card>
				<CardHeader title="Open invite links" description={`Each link works once and expires after ${inviteTtlDays} days.`} />
				{invites.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">No open invite links.</p>
				) : (
					<Table caption="Open invite links">
						<thead>
							<tr>
								<Th>For</Th>
								<Th>Role</Th>
								<Th>Created by</Th>
								<Th>Expires</Th>
								<Th>
									<span className="sr-only">Actions</span>
								</Th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
							{invites.map((invite) => (
								<tr key={invite.id}>
									<Td>{invite.email ?? 'anyone with the link'}</Td>
									<Td>{invite.role}</Td>
									<Td>{invite.createdBy.name}</Td>
									<Td className="tabular-nums">{new Date(invite.expiresAt).toISOString().slice(0, 10)}</Td>
									<Td className="text-right">
										<Form method="post">
											<input type="hidden" name="inviteId" value={invite.id} />
											<Button type="submit" variant="ghost" name="intent" value="revoke" className="px-2 py-1 text-xs">
												Revoke
											</Button>
										</Form>
									</Td>
								</tr>
							))}
						</tbody>
					</Table>
				)}
			</Card>
		</div>
	)
}

function InviteCard({ canInviteLeads, result, busy }: { canInviteLeads: boolean; result: ActionResult | null; busy: boolean }) {
	const [copied, setCopied] = useState(false)
	return (
		<Card>
			<CardHeader title="Invite an engineer" description="We e-mail them a single-use link that only their address can accept." />
			{/* A new form after each invite sent, so the address field is empty for the next one. */}
			<Form method="post" className="space-y-3" onSubmit={() => setCopied(false)} noValidate key={result?.inviteUrl ?? 'invite'}>
				<Field label="Their e-mail" name="email" type="email" autoComplete="off" required errors={result?.fieldErrors?.email} />
				{canInviteLeads ? (
					<div className="space-y-1.5">
						<label htmlFor="invite-role" className="block text-sm font-medium">
							They join as
						</label>
						<Select id="invite-role" name="role" defaultValue="learner">
							<option value="learner">learner</option>
							<option value="lead">lead</option>
						</Select>
					</div>
				) : (
					<input type="hidden" name="role" value="learner" />
				)}
				<Button type="submit" name="intent" value="invite" disabled={busy}>
					Send invite
				</Button>
			</Form>
			{result?.error ? (
				<div className="mt-3">
					<FormAlert message={result.error} />
				</div>
			) : null}
			{result?.inviteUrl ? (
				<div className="mt-4 space-y-2" role="status">
					<p className="text-sm">
						Invite sent to <strong>{result.invitedEmail}</strong>. Only that address can accept it.
					</p>
					<label htmlFor="invite-url" className="block text-sm font-medium">
						Invite link (shown once, if you would rather pass it on yourself)
					</label>
					<Input id="invite-url" readOnly value={result.inviteUrl} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
					<div className="flex items-center gap-3">
						<Button
							variant="secondary"
							onClick={() => {
								void navigator.clipboard?.writeText(result.inviteUrl!).then(() => setCopied(true))
							}}
						>
							Copy link
						</Button>
						{copied ? <span className="text-sm text-emerald-700 dark:text-emerald-300">Copied</span> : null}
					</div>
					<p className="text-xs text-slate-600 dark:text-slate-400">Expires {result.expiresAt?.slice(0, 10)}.</p>
				</div>
			) : null}
		</Card>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.team.name ?? 'Team'} · Hardmode` }]
