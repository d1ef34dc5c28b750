import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/settings'
import { SettingsFormSchema } from '#app/accounts/account-form.ts'
import { ConfirmAction } from '#app/components/confirm-action.tsx'
import { EmailAddressCard } from '#app/components/email-address-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { changePassword, countActiveSessions, endAllSessions, updateName } from '#app/models/user.server.ts'
import { twoFactorStatus } from '#app/models/two-factor.server.ts'
import { emailStatus, requestEmailChange, resendVerification } from '#app/models/email-verification.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseIntentForm, type FieldErrors } from '#app/utils/forms.ts'
import { passwordProblems } from '#app/utils/password-rules.ts'
import { NewPasswordField } from '#app/components/new-password-field.tsx'
import { beginPasswordCheck, clientIp, describeRetry, passwordCheckSucceeded } from '#app/utils/rate-limit.server.ts'
import { clearSessionCookie } from '#app/utils/session.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const [sessions, twoFactor, address] = await Promise.all([countActiveSessions(user.id), twoFactorStatus(user.id), emailStatus(user.id)])
	return { name: user.name, email: user.email, sessions, twoFactorOn: twoFactor.enabled, emailVerified: address.verified, pendingEmail: address.pending }
}

type ActionResult = { intent: string; fieldErrors?: FieldErrors; message?: string; error?: string }

function tooManyWrongPasswords(retryAfterSeconds: number) {
	return data<ActionResult>(
		{
			intent: 'password',
			fieldErrors: { currentPassword: [`Too many wrong passwords. For your account's safety, try again ${describeRetry(retryAfterSeconds)}.`] },
		},
		{ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
	)
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const form = parseIntentForm(await request.formData(), SettingsFormSchema)
	if (!form.ok) {
		if (form.intent) return data<ActionResult>({ intent: form.intent, fieldErrors: form.fieldErrors }, { status: 400 })
		return data<ActionResult>({ intent: 'unknown', message: 'Unknown action.' }, { status: 400 })
	}
	const { intent } = form
	if (form.intent === 'name') {
		await updateName({ userId: user.id, organizationId: user.organizationId, name: form.data.name })
		return data<ActionResult>({ intent, message: 'Your name was saved.' })
	}
	if (form.intent === 'send-verification') {
		const sent = await resendVerification(user.id)
		return sent.ok
			? data<ActionResult>({ intent, message: `We sent a new link to ${sent.email}. It works for 24 hours.` })
			: data<ActionResult>({ intent, error: sent.message }, { status: sent.status })
	}
	if (form.intent === 'email') {
		// The current password guards the change as it guards a new password: the same limit applies.
		const ip = clientIp(request)
		const check = await beginPasswordCheck(user.email, ip)
		if (check.limited)
			return data<ActionResult>({ intent, error: `Too many wrong passwords. Try again ${describeRetry(check.retryAfterSeconds)}.` }, { status: 429 })
		const sent = await requestEmailChange({ userId: user.id, currentPassword: form.data.currentPassword, newEmail: form.data.newEmail })
		if (!sent.ok) {
			const field = sent.message === 'That is not your current password.' ? 'currentPassword' : 'newEmail'
			return data<ActionResult>({ intent, fieldErrors: { [field]: [sent.message] } }, { status: sent.status })
		}
		await passwordCheckSucceeded(user.email, ip)
		return data<ActionResult>({
			intent,
			message: `We sent a link to ${sent.email}. Open it to confirm the address; until then, you keep logging in as ${user.email}.`,
		})
	}
	if (form.intent === 'password') {
		const { currentPassword, newPassword } = form.data
		const problems = passwordProblems(newPassword, { email: user.email, name: user.name })
		if (problems.length) return data<ActionResult>({ intent, fieldErrors: { newPassword: problems } }, { status: 400 })
		// Guessing the current password here is guessing a log-in password: the same limit applies.
		const ip = clientIp(request)
		const check = await beginPasswordCheck(user.email, ip)
		if (check.limited) return tooManyWrongPasswords(check.retryAfterSeconds)
		const result = await changePassword({
			userId: user.id,
			organizationId: user.organizationId,
			currentSessionId: user.sessionId,
			currentPassword,
			newPassword,
		})
		if (!result.ok) {
			if (check.ifWrong.limited) return tooManyWrongPasswords(check.ifWrong.retryAfterSeconds)
			return data<ActionResult>({ intent, fieldErrors: { currentPassword: ['That is not your current password.'] } }, { status: 400 })
		}
		await passwordCheckSucceeded(user.email, ip)
		return data<ActionResult>({ intent, message: 'Your password was changed. Your other sessions were logged out.' })
	}
	await endAllSessions({ userId: user.id, organizationId: user.organizationId })
	return redirect('/login?loggedOut=1', { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const busyIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
	const result = actionData ?? null
	const resultFor = (intent: string) => (result?.intent === intent ? result : null)
	return (
		<div className="mx-auto max-w-2xl space-y-6">
			<h1 className="text-2xl font-bold tracking-tight">Account settings</h1>
			<Card>
				<CardHeader title="Profile" description={`You log in as ${loaderData.email}.`} />
				<Form method="post" className="space-y-4">
					<FormAlert tone="success" message={resultFor('name')?.message} />
					<Field label="Name" name="name" defaultValue={loaderData.name} autoComplete="name" required errors={resultFor('name')?.fieldErrors?.name} />
					<Button type="submit" name="intent" value="name" disabled={busyIntent === 'name'}>
						{busyIntent === 'name' ? 'Saving…' : 'Save name'}
					</Button>
				</Form>
			</Card>
			<EmailAddressCard
				email={loaderData.email}
				verified={loaderData.emailVerified}
				pending={loaderData.pendingEmail}
				busyIntent={busyIntent}
				resent={resultFor('send-verification')}
				changed={resultFor('email')}
			/>
			<Card>
				<CardHeader title="Password" description="Changing your password logs you out on every other device." />
				<Form method="post" className="space-y-4" key={resultFor('password')?.message ?? 'password'}>
					<FormAlert tone="success" message={resultFor('password')?.message} />
					<Field
						label="Current password"
						name="currentPassword"
						type="password"
						autoComplete="current-password"
						required
						errors={resultFor('password')?.fieldErrors?.currentPassword}
					/>
					<NewPasswordField name="newPassword" label="New password" errors={resultFor('password')?.fieldErrors?.newPassword} />
					<Button type="submit" name="intent" value="password" disabled={busyIntent === 'password'}>
						{busyIntent === 'password' ? 'Changing…' : 'Change password'}
					</Button>
				</Form>
			</Card>
			<Card>
				<CardHeader
					title="Two-factor sign-in"
					description={
						loaderData.twoFactorOn
							? 'On: after your password, Hardmode asks for a code from your authenticator app.'
							: 'Off: your password alone signs you in. Add a code from an authenticator app so a stolen password is not enough.'
					}
				/>
				<Link to="/settings/two-factor" className={linkClass}>
					{loaderData.twoFactorOn ? 'Manage two-factor sign-in' : 'Set up two-factor sign-in'}
				</Link>
			</Card>
			<Card>
				<CardHeader
					title="Sessions"
					description={`You are logged in on ${loaderData.sessions} ${loaderData.sessions === 1 ? 'browser' : 'browsers'}. Log out everywhere if you used a shared computer or lost a device.`}
				/>
				<ConfirmAction
					label="Log out everywhere"
					title="Log out everywhere?"
					message="Every browser where you are logged in, including this one, is logged out. You will need your password to log in again."
					confirmLabel="Log out everywhere"
					intent="logout-everywhere"
					variant="danger"
				/>
			</Card>
			<Card>
				<CardHeader title="Notifications" description="What Hardmode tells you about, in the app and by e-mail, kind by kind." />
				<Link to="/settings/notifications" className={linkClass}>
					Notification settings
				</Link>
			</Card>
			<Card>
				<CardHeader title="Your data" description="What Hardmode records while you practise, who can see each part of it, and what it must not be used for." />
				<Link to="/what-we-record" className={linkClass}>
					What Hardmode records and who sees it
				</Link>
			</Card>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Account settings · Hardmode' }]
