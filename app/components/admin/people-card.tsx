import { Form, Link } from 'react-router'
import { ConfirmAction } from '#app/components/confirm-action.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Select } from '#app/components/ui/input.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'

export type Person = {
	id: string
	name: string
	email: string
	orgRole: 'admin' | 'member'
	lastSignInAt: Date | string | null
	twoFactor: boolean
	sessions: number
	lockedUntil: Date | string | null
	memberships: Array<{ role: 'lead' | 'learner'; team: { id: string; name: string } }>
}

export type RemovedPerson = { id: string; name: string; email: string; removedAt: Date | string }

/** A moment as the activity log writes it, the same on the server and in any browser. */
export function utcMinute(at: Date | string) {
	return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

const muted = 'text-slate-600 dark:text-slate-400'

/** The organisation's people: teams, role, last sign-in, lockouts, and an admin's actions on each account. */
export function PeopleCard({ people, removed, me, notice }: { people: Person[]; removed: RemovedPerson[]; me: string; notice?: React.ReactNode }) {
	return (
		<Card aria-labelledby="people-title">
			<CardHeader
				id="people-title"
				title="Members"
				description="Admins manage the organisation; everyone else practises and leads within their teams. Removing someone keeps their attempts and reviews under their name."
			/>
			{notice}
			<Table caption="Members of the organisation">
				<thead>
					<tr>
						<Th>Name</Th>
						<Th>Teams</Th>
						<Th>Last sign-in</Th>
						<Th>Organisation role</Th>
						<Th>Account</Th>
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
					{people.map((person) => (
						<PersonRow key={person.id} person={person} isMe={person.id === me} />
					))}
				</tbody>
			</Table>
			{removed.length ? (
				<div className="mt-6">
					<h3 className="text-sm font-semibold">Removed from the organisation</h3>
					<p className={cn('mt-1 text-sm', muted)}>They cannot sign in. Their attempts, reviews and notes stay, under their name.</p>
					<ul className="mt-2 divide-y divide-slate-200 text-sm dark:divide-slate-800">
						{removed.map((person) => (
							<li key={person.id} className="flex flex-wrap justify-between gap-2 py-2">
								<span>
									<Link to={`/people/${person.id}`} className={cn('font-medium', linkClass)}>
										{person.name}
									</Link>{' '}
									<span className={muted}>{person.email}</span>
								</span>
								<span className={muted}>Removed {utcMinute(person.removedAt)}</span>
							</li>
						))}
					</ul>
				</div>
			) : null}
		</Card>
	)
}

function PersonRow({ person, isMe }: { person: Person; isMe: boolean }) {
	return (
		<tr>
			<Td>
				<Link to={`/people/${person.id}`} className={cn('font-medium', linkClass)}>
					{person.name}
				</Link>
				{isMe ? <span className={cn('ml-1 text-xs', muted)}>(you)</span> : null}
				{person.twoFactor ? (
					<span className="ml-2">
						<Badge tone="success">two-factor</Badge>
					</span>
				) : null}
				<span className={cn('block text-xs', muted)}>{person.email}</span>
			</Td>
			<Td>
				<div className="flex flex-wrap gap-1">
					{person.memberships.length === 0 ? <span className={muted}>—</span> : null}
					{person.memberships.map((m) => (
						<Badge key={m.team.id} tone={m.role === 'lead' ? 'brand' : 'neutral'}>
							{m.team.name}
							{m.role === 'lead' ? ' · lead' : ''}
						</Badge>
					))}
				</div>
			</Td>
			<Td className="tabular-nums">
				<span className="whitespace-nowrap">{person.lastSignInAt ? utcMinute(person.lastSignInAt) : <span className={muted}>None recorded</span>}</span>
				{person.lockedUntil ? (
					<div className="mt-1 space-y-1">
						<p className="text-xs font-medium text-red-700 dark:text-red-400">
							Locked out until <span className="whitespace-nowrap">{utcMinute(person.lockedUntil)}</span>
						</p>
						<Form method="post">
							<input type="hidden" name="userId" value={person.id} />
							<Button
								type="submit"
								variant="secondary"
								className="px-2 py-1 text-xs"
								name="intent"
								value="lift-lockout"
								aria-label={`Lift lockout of ${person.name}`}
							>
								Lift lockout
							</Button>
						</Form>
					</div>
				) : null}
			</Td>
			<Td>
				<Form method="post" className="flex items-center gap-2 whitespace-nowrap">
					<input type="hidden" name="userId" value={person.id} />
					<label htmlFor={`role-${person.id}`} className="sr-only">
						Organisation role of {person.name}
					</label>
					{/* The select fills its box (inputs are full width), so the box sets its width. */}
					<div className="w-32 shrink-0">
						<Select id={`role-${person.id}`} name="role" defaultValue={person.orgRole}>
							<option value="member">member</option>
							<option value="admin">admin</option>
						</Select>
					</div>
					<Button type="submit" variant="secondary" name="intent" value="set-role">
						Save
					</Button>
				</Form>
			</Td>
			<Td>
				{isMe ? (
					<Link to="/settings" className={cn('text-sm', linkClass)}>
						Your settings
					</Link>
				) : (
					<div className="flex items-center gap-1 whitespace-nowrap">
						<ConfirmAction
							label="End sessions"
							ariaLabel={`End sessions of ${person.name}`}
							title={`Sign ${person.name} out everywhere?`}
							message={`${person.name} is signed out of every browser (${person.sessions} open ${person.sessions === 1 ? 'session' : 'sessions'} now) and needs their password${person.twoFactor ? ' and a code' : ''} to sign in again. Nothing they saved is lost.`}
							confirmLabel="End sessions"
							intent="end-sessions"
							fields={{ userId: person.id }}
						/>
						<ConfirmAction
							label="Remove"
							ariaLabel={`Remove ${person.name} from the organisation`}
							title={`Remove ${person.name} from the organisation?`}
							message={`${person.name} can no longer sign in or be assigned practice. Every session ends, they leave all their teams, and invite links they made stop working. Their attempts, reviews and notes stay, under their name.`}
							confirmLabel={`Remove ${person.name}`}
							intent="remove-member"
							fields={{ userId: person.id }}
						/>
					</div>
				)}
			</Td>
		</tr>
	)
}
