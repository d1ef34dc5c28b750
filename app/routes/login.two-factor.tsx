import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/login.two-factor'
import { looksLikeTotp } from '#app/accounts/two-factor.ts'
import { SecondFactorSchema } from '#app/accounts/two-factor-form.ts'
import { challengeToken, clearChallengeCookie } from '#app/accounts/two-factor-step.server.ts'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { acceptAppCode, consumeChallenge, findChallenge, spendRecoveryCode } from '#app/models/two-factor.server.ts'
import { createSession, requireAnonymous, safeRedirectPath } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { beginCodeCheck, codeCheckSucceeded, describeRetry } from '#app/utils/rate-limit.server.ts'

// The second step of signing in (ADR 029): reached only with the cookie a correct password set.
async function requireChallenge(request: Request) {
	await requireAnonymous(request)
	const token = challengeToken(request)
	const challenge = token ? await findChallenge(token) : null
	if (!challenge) throw redirect('/login?twoFactor=expired', { headers: { 'Set-Cookie': clearChallengeCookie() } })
	return challenge
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireChallenge(request)
	return null
}

type ActionResult = { error: string }

export async function action({ request }: Route.ActionArgs) {
	const challenge = await requireChallenge(request)
	const form = parseForm(await request.formData(), SecondFactorSchema)
	if (!form.ok) return data<ActionResult>({ error: form.fieldErrors.code?.[0] ?? 'Type the code from your app, or a recovery code.' }, { status: 400 })
	const check = await beginCodeCheck(challenge.user.id)
	const tooMany = (seconds: number) =>
		data<ActionResult>(
			{ error: `Too many wrong codes. For your account's safety, try again ${describeRetry(seconds)}, or ask your admin to help.` },
			{ status: 429, headers: { 'Retry-After': String(seconds) } },
		)
	if (check.limited) return tooMany(check.retryAfterSeconds)
	const { code } = form.data
	const result = looksLikeTotp(code) ? await acceptAppCode(challenge.user.id, code) : await spendRecoveryCode(challenge.user, code)
	if (!result.ok) {
		if (check.ifWrong.limited) return tooMany(check.ifWrong.retryAfterSeconds)
		return data<ActionResult>({ error: result.message }, { status: 400 })
	}
	await codeCheckSucceeded(challenge.user.id)
	// Two tabs with the same right code: only the first becomes a session.
	if (!(await consumeChallenge(challenge.id))) throw redirect('/login?twoFactor=expired', { headers: { 'Set-Cookie': clearChallengeCookie() } })
	const headers = new Headers()
	headers.append('Set-Cookie', await createSession(challenge.user.id, challenge.user.organizationId, request))
	headers.append('Set-Cookie', clearChallengeCookie())
	return redirect(safeRedirectPath(challenge.redirectTo), { headers })
}

export default function TwoFactorStep({ actionData }: Route.ComponentProps) {
	const busy = useNavigation().state === 'submitting'
	return (
		<AuthCard
			title="Enter your sign-in code"
			intro="Open your authenticator app and type the six-digit code it shows for Hardmode. Lost your phone? Type one of your recovery codes instead."
			footer={
				<Link to="/login" className={linkClass}>
					Start again with your password
				</Link>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={actionData?.error} />
				<Field
					label="Code"
					name="code"
					autoComplete="one-time-code"
					autoFocus
					required
					spellCheck={false}
					autoCapitalize="none"
					help="Six digits from your app, or one of your recovery codes (four groups of four letters and digits)."
				/>
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Checking…' : 'Continue'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Sign-in code · Hardmode' }]
