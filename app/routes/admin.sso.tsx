import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/admin.sso'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Field, FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { Input, Select } from '#app/components/ui/input.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { addSsoMapping, getSsoSettings, removeSsoMapping, saveSsoSettings } from '#app/models/sso.server.ts'
import { listTeams } from '#app/models/team.server.ts'
import { checkProvider } from '#app/sso/oidc.server.ts'
import { openSecret } from '#app/utils/secret-box.server.ts'
import { SsoAdminFormSchema } from '#app/sso/sso-form.ts'
import { ssoRedirectUri } from '#app/sso/state-cookie.server.ts'
import { requireOrgAdmin } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { parseIntentForm, type FieldErrors as FieldErrorMap } from '#app/utils/forms.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireOrgAdmin(request)
	const [settings, teams] = await Promise.all([getSsoSettings(user.organizationId), listTeams(user.organizationId)])
	return {
		organizationName: user.organizationName,
		settings,
		teams: teams.map((team) => ({ id: team.id, name: team.name })),
		redirectUri: ssoRedirectUri(request),
		loginUrl: `${new URL(request.url).origin}/login/sso`,
	}
}

type ActionResult = { intent: string; fieldErrors?: FieldErrorMap; message?: string; error?: string }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireOrgAdmin(request)
	const form = parseIntentForm(await request.formData(), SsoAdminFormSchema)
	if (!form.ok) return data<ActionResult>({ intent: form.intent ?? 'unknown', fieldErrors: form.fieldErrors }, { status: 400 })
	if (form.intent === 'save-settings') {
		const { intent: _intent, ...settings } = form.data
		if (settings.enabled) {
			const clientSecret = settings.clientSecret || (await storedSecret(user.organizationId))
			if (clientSecret) {
				const problem = await checkProvider({ issuerUrl: settings.issuerUrl, clientId: settings.clientId, clientSecret })
				if (problem) return data<ActionResult>({ intent: form.intent, fieldErrors: { issuerUrl: [`${problem} Nothing was saved.`] } }, { status: 400 })
			}
		}
		const result = await saveSsoSettings({ organizationId: user.organizationId, actorId: user.id, settings })
		if (!result.ok) return data<ActionResult>({ intent: form.intent, fieldErrors: result.fieldErrors }, { status: 400 })
		return data<ActionResult>({ intent: form.intent, message: settings.enabled ? 'Saved. Single sign-on is on.' : 'Saved. Single sign-on is off.' })
	}
	if (form.intent === 'add-mapping') {
		const { intent: _intent, ...mapping } = form.data
		const result = await addSsoMapping({ organizationId: user.organizationId, actorId: user.id, mapping })
		if (!result.ok) return data<ActionResult>({ intent: form.intent, fieldErrors: result.fieldErrors }, { status: 400 })
		return data<ActionResult>({ intent: form.intent, message: `Group “${mapping.claimValue}” mapped. It applies from each person’s next sign-in.` })
	}
	const result = await removeSsoMapping({ organizationId: user.organizationId, actorId: user.id, mappingId: form.data.mappingId })
	if (!result.ok) return data<ActionResult>({ intent: form.intent, error: 'That mapping was already removed.' }, { status: 404 })
	return data<ActionResult>({ intent: form.intent, message: 'Mapping removed. It applies from each person’s next sign-in.' })
}

async function storedSecret(organizationId: string) {
	const provider = await getPrisma().ssoProvider.findUnique({ where: { organizationId }, select: { clientSecretEncrypted: true } })
	return provider?.clientSecretEncrypted ? openSecret('sso-client-secret', provider.clientSecretEncrypted) : null
}

function Checkbox({ name, label, help, defaultChecked }: { name: string; label: string; help: string; defaultChecked: boolean }) {
	return (
		<div className="flex items-start gap-3">
			<input
				id={name}
				name={name}
				type="checkbox"
				defaultChecked={defaultChecked}
				aria-describedby={`${name}-help`}
				className="mt-1 size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
			/>
			<div>
				<label htmlFor={name} className="text-sm font-medium">
					{label}
				</label>
				<p id={`${name}-help`} className="text-xs text-slate-600 dark:text-slate-400">
					{help}
				</p>
			</div>
		</div>
	)
}

function ProviderSettings({ loaderData, result, busy }: { loaderData: Route.ComponentProps['loaderData']; result: ActionResult | null; busy: boolean }) {
	const { settings, redirectUri } = loaderData
	const errors = result?.intent === 'save-settings' ? result.fieldErrors : undefined
	return (
		<Card>
			<CardHeader
				title="Identity provider"
				description="Register Hardmode at your provider as a web application (OpenID Connect, authorization code flow), then copy its details here."
			/>
			<div className="mb-4 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
				<label htmlFor="redirect-uri" className="block font-medium">
					Redirect URL to register at your provider
				</label>
				<Input id="redirect-uri" readOnly value={redirectUri} className="mt-1 font-mono" onFocus={(event) => event.currentTarget.select()} />
			</div>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert tone="success" message={result?.intent === 'save-settings' ? result.message : undefined} />
				<Checkbox
					name="enabled"
					label="Single sign-on is on"
					help="People with an address in the domains below can use “Continue with SSO”. Turning it on checks that the provider answers."
					defaultChecked={settings?.enabled ?? false}
				/>
				<Field
					label="Issuer URL"
					name="issuerUrl"
					type="url"
					required
					defaultValue={settings?.issuerUrl}
					placeholder="https://login.example.com/realms/acme"
					help="Hardmode reads the provider’s settings from this address followed by /.well-known/openid-configuration."
					errors={errors?.issuerUrl}
				/>
				<Field label="Client ID" name="clientId" required autoComplete="off" defaultValue={settings?.clientId} errors={errors?.clientId} />
				<Field
					// Remounted after each save, so the page does not keep the secret that was typed.
					key={`secret-${String(settings?.updatedAt)}`}
					label="Client secret"
					name="clientSecret"
					type="password"
					autoComplete="new-password"
					help={
						settings?.hasSecret
							? 'A secret is stored, encrypted. It is never shown again; leave this empty to keep it, or enter a new one to replace it.'
							: 'Stored encrypted and never shown again.'
					}
					errors={errors?.clientSecret}
				/>
				<Field
					label="Allowed e-mail domains"
					name="domains"
					required
					defaultValue={settings?.domains.join(', ')}
					placeholder="example.com, example.co.uk"
					help="Only addresses in these domains may sign in, and these domains lead “Continue with SSO” to this organisation."
					errors={errors?.domains}
				/>
				<Field
					label="Group claim"
					name="claimName"
					required
					defaultValue={settings?.claimName ?? 'groups'}
					help="The claim (in the ID token, or at the userinfo endpoint) that lists a person’s groups; the mappings below match its values."
					errors={errors?.claimName}
				/>
				<Checkbox
					name="passwordsAllowed"
					label="People may still log in with a password"
					help="When unticked, members sign in only with single sign-on. Admins keep their password, so a provider outage cannot lock the organisation out."
					defaultChecked={settings?.passwordsAllowed ?? true}
				/>
				<FieldErrors errors={errors?.form} />
				<Button type="submit" name="intent" value="save-settings" disabled={busy}>
					Save settings
				</Button>
			</Form>
		</Card>
	)
}

function Mappings({ loaderData, result, busy }: { loaderData: Route.ComponentProps['loaderData']; result: ActionResult | null; busy: boolean }) {
	const { settings, teams } = loaderData
	const adding = result?.intent === 'add-mapping' ? result : null
	const removing = result?.intent === 'remove-mapping' ? result : null
	return (
		<Card>
			<CardHeader
				title="Groups, roles and teams"
				description={
					<>
						At each sign-in, a person gets the roles of the groups they are in and leaves the mapped teams of groups they left. Teams no group names are managed
						by hand, as before. When some group makes admins, people in none of those groups become members.
					</>
				}
			/>
			<FormAlert tone={removing?.error ? 'error' : 'success'} message={removing?.error ?? removing?.message ?? adding?.message} />
			{!settings?.mappings.length ? (
				<p className="my-3 text-sm text-slate-700 dark:text-slate-300">
					No groups are mapped yet: people who sign in join the organisation as members of no team.
				</p>
			) : (
				<Table caption="Group mappings">
					<thead>
						<tr>
							<Th>Group</Th>
							<Th>Gives</Th>
							<Th className="text-right">
								<span className="sr-only">Remove</span>
							</Th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
						{settings.mappings.map((mapping) => (
							<tr key={mapping.id}>
								<Td className="font-mono">{mapping.claimValue}</Td>
								<Td>
									<div className="flex flex-wrap gap-1">
										{mapping.grantsAdmin ? <Badge tone="brand">organisation admin</Badge> : null}
										{mapping.team ? (
											<Badge tone="neutral">
												{mapping.team.name} · {mapping.teamRole}
											</Badge>
										) : null}
									</div>
								</Td>
								<Td className="text-right">
									<Form method="post">
										<input type="hidden" name="mappingId" value={mapping.id} />
										<Button
											type="submit"
											variant="ghost"
											name="intent"
											value="remove-mapping"
											disabled={busy}
											aria-label={`Remove the mapping of ${mapping.claimValue}`}
										>
											Remove
										</Button>
									</Form>
								</Td>
							</tr>
						))}
					</tbody>
				</Table>
			)}
			<Form
				method="post"
				className="mt-4 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2 dark:border-slate-800"
				key={adding?.message ?? 'add-mapping'}
				noValidate
			>
				<h3 className="text-sm font-semibold sm:col-span-2">Map a group</h3>
				<Field label="Group (claim value)" name="claimValue" required placeholder="checkout-devs" errors={adding?.fieldErrors?.claimValue} />
				<div className="space-y-1.5">
					<label htmlFor="teamId" className="block text-sm font-medium">
						Team
					</label>
					<Select id="teamId" name="teamId" defaultValue="" aria-describedby={adding?.fieldErrors?.teamId ? 'teamId-error' : undefined}>
						<option value="">No team</option>
						{teams.map((team) => (
							<option key={team.id} value={team.id}>
								{team.name}
							</option>
						))}
					</Select>
					<FieldErrors id="teamId-error" errors={adding?.fieldErrors?.teamId} />
				</div>
				<div className="space-y-1.5">
					<label htmlFor="teamRole" className="block text-sm font-medium">
						Role in the team
					</label>
					<Select id="teamRole" name="teamRole" defaultValue="learner">
						<option value="learner">learner</option>
						<option value="lead">lead</option>
					</Select>
				</div>
				<Checkbox name="grantsAdmin" label="Organisation admins" help="People in this group administer the organisation." defaultChecked={false} />
				<div className="sm:col-span-2">
					<Button type="submit" variant="secondary" name="intent" value="add-mapping" disabled={busy || !settings}>
						Add mapping
					</Button>
					{!settings ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Save the provider’s settings first.</p> : null}
				</div>
			</Form>
		</Card>
	)
}

export default function SsoSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
	const busy = useNavigation().state === 'submitting'
	const result = actionData ?? null
	const { settings, organizationName, loginUrl } = loaderData
	return (
		<div className="space-y-6">
			<div>
				<p className="text-sm">
					<Link to="/admin" className={linkClass}>
						{organizationName}
					</Link>
				</p>
				<h1 className="text-2xl font-bold tracking-tight">Single sign-on</h1>
				<p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
					People sign in with your company’s OpenID Connect provider; the first sign-in creates their account here. They start at{' '}
					<span className="font-mono">{loginUrl}</span>, or “Continue with SSO” on the log-in page.
					{settings ? ` ${settings.people} ${settings.people === 1 ? 'person has' : 'people have'} signed in this way.` : ''}
				</p>
			</div>
			<div className="grid gap-6 lg:grid-cols-2">
				<ProviderSettings loaderData={loaderData} result={result} busy={busy} />
				<Mappings loaderData={loaderData} result={result} busy={busy} />
			</div>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Single sign-on · Hardmode' }]
