import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/reset-password.$token'
import { ResetPasswordSchema } from '#app/accounts/account-form.ts'
import { AuthCard } from '#app/components/auth-card.tsx'
import { NewPasswordField } from '#app/components/new-password-field.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { findAccountToken } from '#app/models/account-token.server.ts'
import { RESET_LINK_UNUSABLE } from '#app/accounts/mail-links.ts'
import { resetPassword } from '#app/models/password-reset.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { passwordProblems } from '#app/utils/password-rules.ts'
import { clearSessionCookie } from '#app/utils/session.server.ts'

// Open to anyone holding the link, signed in or not: the link is what proves who they are.
export async function loader({ params }: Route.LoaderArgs) {
	const state = await findAccountToken(getPrisma(), params.token, 'password_reset')
	if (state.status !== 'valid') return data({ usable: false as const, email: null }, { status: state.status === 'invalid' ? 404 : 410 })
	return { usable: true as const, email: state.user.email }
}

type ActionResult = { fieldErrors?: FieldErrors; formError?: string }

export async function action({ request, params }: Route.ActionArgs) {
	const state = await findAccountToken(getPrisma(), params.token, 'password_reset')
	if (state.status !== 'valid') return data<ActionResult>({ formError: RESET_LINK_UNUSABLE }, { status: 410 })
	const form = parseForm(await request.formData(), ResetPasswordSchema)
	if (!form.ok) return data<ActionResult>({ fieldErrors: form.fieldErrors as FieldErrors }, { status: 400 })
	const problems = passwordProblems(form.data.password, { email: state.user.email, name: state.user.name })
	if (problems.length) return data<ActionResult>({ fieldErrors: { password: problems } }, { status: 400 })
	const result = await resetPassword(params.token, form.data.password)
	if (!result.ok) return data<ActionResult>({ formError: result.message }, { status: 410 })
	// Every session of the account ended, this browser's too if it had one: log in afresh.
	return redirect('/login?reset=1', { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export default function ResetPasswordPage({ loaderData, actionData }: Route.ComponentProps) {
	const busy = useNavigation().state === 'submitting'
	if (!loaderData.usable) {
		return (
			<AuthCard title="This link no longer works">
				<p className="text-sm text-slate-700 dark:text-slate-300">{RESET_LINK_UNUSABLE}</p>
				<p className="mt-4 text-sm">
					<Link to="/forgot-password" className="font-medium text-brand-600 underline dark:text-brand-100">
						Ask for a new link
					</Link>
				</p>
			</AuthCard>
		)
	}
	return (
		<AuthCard
			title="Choose a new password"
			intro={
				<>
					For <strong>{loaderData.email}</strong>. Saving it signs this account out of every browser; then you log in with the new password.
				</>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={actionData?.formError ?? (actionData?.fieldErrors ? 'Please correct the field marked below.' : null)} />
				<NewPasswordField label="New password" errors={actionData?.fieldErrors?.password} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Saving…' : 'Save the new password'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Choose a new password · Hardmode' }]
