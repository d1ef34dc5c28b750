import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/forgot-password'
import { ForgotPasswordSchema } from '#app/accounts/account-form.ts'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { PASSWORD_RESET_MINUTES } from '#app/accounts/mail-links.ts'
import { requestPasswordReset } from '#app/models/password-reset.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { clientIp, describeRetry } from '#app/utils/rate-limit.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	await requireAnonymous(request)
	const form = parseForm(await request.formData(), ForgotPasswordSchema)
	if (!form.ok) return data({ sentTo: undefined, fieldErrors: form.fieldErrors, formError: undefined }, { status: 400 })
	const answer = await requestPasswordReset(form.data.email, clientIp(request))
	if (answer.limited) {
		return data(
			{ sentTo: undefined, fieldErrors: undefined, formError: `Too many requests from your network. Try again ${describeRetry(answer.retryAfterSeconds)}.` },
			{ status: 429, headers: { 'Retry-After': String(answer.retryAfterSeconds) } },
		)
	}
	// The same answer whether or not an account has the address.
	return { sentTo: form.data.email, fieldErrors: undefined, formError: undefined }
}

export default function ForgotPasswordPage({ actionData }: Route.ComponentProps) {
	const busy = useNavigation().state === 'submitting'
	const footer = (
		<Link to="/login" className="font-medium text-brand-600 underline dark:text-brand-100">
			Back to log in
		</Link>
	)
	if (actionData?.sentTo) {
		return (
			<AuthCard title="Check your e-mail" footer={footer}>
				<div role="status" className="space-y-3 text-sm text-slate-700 dark:text-slate-300">
					<p>
						If a Hardmode account uses <strong>{actionData.sentTo}</strong>, we have sent it a link to choose a new password. The link works once, for{' '}
						{PASSWORD_RESET_MINUTES} minutes.
					</p>
					<p>No message after a few minutes? Check your spam folder, or ask your Hardmode admin: they can see the mail Hardmode sends.</p>
				</div>
			</AuthCard>
		)
	}
	return (
		<AuthCard title="Reset your password" intro="Enter the address you log in with, and we will e-mail you a link to choose a new password." footer={footer}>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={actionData?.formError} />
				<Field label="E-mail" name="email" type="email" autoComplete="email" required errors={actionData?.fieldErrors?.email} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Sending…' : 'Send me a reset link'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Reset your password · Hardmode' }]
