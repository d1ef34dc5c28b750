import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/login'
import { LoginSchema } from '#app/accounts/account-form.ts'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { verifyLogin } from '#app/models/user.server.ts'
import { passwordLoginRefusal } from '#app/models/sso.server.ts'
import { buttonClass } from '#app/components/ui/button.tsx'
import { createSession, requireAnonymous, safeRedirectPath } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { startTwoFactorStep } from '#app/accounts/two-factor-step.server.ts'
import { hasTwoFactor } from '#app/models/two-factor.server.ts'
import { beginPasswordCheck, clientIp, describeRetry, passwordCheckSucceeded } from '#app/utils/rate-limit.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

function rateLimited(retryAfterSeconds: number) {
	return data(
		{
			fieldErrors: undefined,
			formError: `Too many failed log-in attempts. For your account's safety, try again ${describeRetry(retryAfterSeconds)}, or ask your admin to help.`,
		},
		{ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
	)
}

export async function action({ request }: Route.ActionArgs) {
	await requireAnonymous(request)
	const form = parseForm(await request.formData(), LoginSchema)
	if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: undefined }, { status: 400 })
	const { email, password, redirectTo } = form.data
	const ip = clientIp(request)

	const check = await beginPasswordCheck(email, ip)
	if (check.limited) return rateLimited(check.retryAfterSeconds)

	const user = await verifyLogin(email, password)
	if (!user) {
		if (check.ifWrong.limited) return rateLimited(check.ifWrong.retryAfterSeconds)
		return data({ fieldErrors: undefined, formError: 'That e-mail and password do not match an account. Check both and try again.' }, { status: 400 })
	}
	await passwordCheckSucceeded(email, ip)
	const ssoOnly = await passwordLoginRefusal(user.id)
	if (ssoOnly) return data({ fieldErrors: undefined, formError: ssoOnly }, { status: 403 })
	if (await hasTwoFactor(user.id)) return startTwoFactorStep(user.id, safeRedirectPath(redirectTo))
	const cookie = await createSession(user.id, user.organizationId, request)
	return redirect(safeRedirectPath(redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export default function LoginPage({ actionData }: Route.ComponentProps) {
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const accountNotice = params.get('reset')
		? 'Your password is changed, and every browser was signed out. Log in with the new password.'
		: params.get('verified')
			? 'Your e-mail address is confirmed. Log in to continue.'
			: null
	const notice = params.get('expired')
		? 'Your session ended. Log in again to continue.'
		: params.get('loggedOut')
			? 'You are logged out.'
			: params.get('twoFactor') === 'expired'
				? 'Signing in took longer than five minutes. Enter your password again, then the code.'
				: null
	return (
		<AuthCard
			title="Log in to Hardmode"
			footer={
				<>
					New here?{' '}
					<Link to="/signup" className="font-medium text-brand-600 underline dark:text-brand-100">
						Create an organisation
					</Link>{' '}
					or ask your lead for an invite link.
				</>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={notice ?? accountNotice} tone="success" />
				<FormAlert message={actionData?.formError} />
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
				<Field label="E-mail" name="email" type="email" autoComplete="email" required errors={actionData?.fieldErrors?.email} />
				<Field label="Password" name="password" type="password" autoComplete="current-password" required errors={actionData?.fieldErrors?.password} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Logging in…' : 'Log in'}
				</Button>
				<p className="text-center text-sm">
					<Link to="/forgot-password" className="font-medium text-brand-600 underline dark:text-brand-100">
						Forgot your password?
					</Link>
				</p>
			</Form>
			<div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
				<Link
					to={params.get('redirectTo') ? `/login/sso?${new URLSearchParams({ redirectTo: params.get('redirectTo')! })}` : '/login/sso'}
					className={buttonClass('secondary', 'w-full')}
				>
					Continue with SSO
				</Link>
			</div>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Log in · Hardmode' }]
