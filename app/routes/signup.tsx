import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/signup'
import { SignupSchema } from '#app/accounts/account-form.ts'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { createOrganizationWithAdmin, EmailTakenError } from '#app/models/organization.server.ts'
import { createSession, requireAnonymous } from '#app/utils/auth.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { beginAccountCreation, clientIp, describeRetry, refundAccountCreation } from '#app/utils/rate-limit.server.ts'
import { NewPasswordField } from '#app/components/new-password-field.tsx'

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

type ActionResult = { fieldErrors?: FieldErrors; formError?: string }

export async function action({ request }: Route.ActionArgs) {
	await requireAnonymous(request)
	const form = parseForm(await request.formData(), SignupSchema)
	if (!form.ok) return data<ActionResult>({ fieldErrors: form.fieldErrors as FieldErrors }, { status: 400 })
	const ip = clientIp(request)
	const throttle = await beginAccountCreation(ip)
	if (throttle.limited) {
		return data<ActionResult>(
			{ formError: `Too many sign-up attempts from your network. Try again ${describeRetry(throttle.retryAfterSeconds)}.` },
			{ status: 429, headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
		)
	}
	try {
		const user = await createOrganizationWithAdmin(form.data)
		await refundAccountCreation(ip)
		const cookie = await createSession(user.id, user.organizationId, request)
		return redirect('/dashboard?welcome=1', { headers: { 'Set-Cookie': cookie } })
	} catch (error) {
		// With no e-mail to send yet, this answer cannot look like a success; it does not confirm
		// that the address is registered either (the password is hashed first either way, so it
		// takes as long), and beginAccountCreation limits how many addresses one network can try.
		if (error instanceof EmailTakenError) {
			return data<ActionResult>(
				{
					fieldErrors: {
						email: [
							'We could not create an account with this e-mail address. If you have a Hardmode account, log in instead; otherwise check the address or use another one.',
						],
					},
				},
				{ status: 400 },
			)
		}
		await refundAccountCreation(ip)
		throw error
	}
}

export default function SignupPage({ actionData }: Route.ComponentProps) {
	const errors = actionData?.fieldErrors
	const busy = useNavigation().state === 'submitting'
	return (
		<AuthCard
			title="Create your organisation"
			intro="You will be its admin: you can then create teams and invite your engineers."
			footer={
				<>
					Already have an account?{' '}
					<Link to="/login" className="font-medium text-brand-600 underline dark:text-brand-100">
						Log in
					</Link>
				</>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={actionData?.formError ?? (errors ? 'Please correct the fields marked below.' : null)} />
				<Field label="Organisation name" name="organizationName" autoComplete="organization" required errors={errors?.organizationName} />
				<Field label="Your name" name="name" autoComplete="name" required errors={errors?.name} />
				<Field label="Work e-mail" name="email" type="email" autoComplete="email" required errors={errors?.email} />
				<NewPasswordField errors={errors?.password} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Creating…' : 'Create organisation'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Sign up · Hardmode' }]
