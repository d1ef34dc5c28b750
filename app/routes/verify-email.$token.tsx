import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/verify-email.$token'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { VERIFICATION_LINK_UNUSABLE } from '#app/accounts/mail-links.ts'
import { checkVerificationLink, confirmEmail } from '#app/models/email-verification.server.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'

// Confirming takes a click (a POST): mail scanners open links in messages, and a GET changes nothing.
export async function loader({ params }: Route.LoaderArgs) {
	const link = await checkVerificationLink(params.token)
	return data(link.usable ? { usable: true as const, email: link.email } : { usable: false as const, email: null }, { status: link.usable ? 200 : 410 })
}

export async function action({ request, params }: Route.ActionArgs) {
	const result = await confirmEmail(params.token)
	if (!result.ok) return data({ formError: result.message }, { status: 410 })
	const signedIn = await getOptionalUser(request)
	return redirect(signedIn ? '/settings?verified=1' : '/login?verified=1')
}

export default function VerifyEmailPage({ loaderData, actionData }: Route.ComponentProps) {
	const busy = useNavigation().state === 'submitting'
	if (!loaderData.usable) {
		return (
			<AuthCard title="This link no longer works">
				<p className="text-sm text-slate-700 dark:text-slate-300">{VERIFICATION_LINK_UNUSABLE}</p>
				<p className="mt-4 text-sm">
					<Link to="/settings" className="font-medium text-brand-600 underline dark:text-brand-100">
						Settings
					</Link>
				</p>
			</AuthCard>
		)
	}
	return (
		<AuthCard
			title="Confirm your e-mail address"
			intro={
				<>
					Confirm that <strong>{loaderData.email}</strong> is your address for Hardmode.
				</>
			}
		>
			<Form method="post" className="space-y-4">
				<FormAlert message={actionData?.formError} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Confirming…' : 'Confirm this address'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Confirm your e-mail address · Hardmode' }]
