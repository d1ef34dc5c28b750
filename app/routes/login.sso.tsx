import { useEffect } from 'react'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/login.sso'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { findProviderForDomain } from '#app/models/sso.server.ts'
import { beginSsoSignIn } from '#app/models/sso-sign-in.server.ts'
import { emailDomain } from '#app/sso/mapping.ts'
import { SsoError } from '#app/sso/oidc.server.ts'
import { SsoStartSchema } from '#app/sso/sso-form.ts'
import { ssoRedirectUri, ssoStateCookie } from '#app/sso/state-cookie.server.ts'
import { requireAnonymous, safeRedirectPath } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.ts'

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	await requireAnonymous(request)
	const form = parseForm(await request.formData(), SsoStartSchema)
	if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: undefined }, { status: 400 })
	const { email, redirectTo } = form.data
	const domain = emailDomain(email)
	const provider = await findProviderForDomain(domain)
	if (!provider) {
		return data(
			{
				fieldErrors: {
					email: [`No organisation signs in with single sign-on for @${domain}. Log in with your password, or ask your admin which address to use.`],
				},
				formError: undefined,
			},
			{ status: 400 },
		)
	}
	try {
		const start = await beginSsoSignIn({
			organizationId: provider.organizationId,
			loginHint: email,
			redirectTo: safeRedirectPath(redirectTo),
			redirectUri: ssoRedirectUri(request),
		})
		// Not a redirect: the page sends the browser on. The site's CSP (form-action 'self') would stop a form whose answer
		// redirects to another origin, as a submission before the page's script has loaded is.
		return data({ continueTo: start.url.href, fieldErrors: undefined, formError: undefined }, { headers: { 'Set-Cookie': ssoStateCookie(start.state) } })
	} catch (error) {
		if (error instanceof SsoError) return data({ fieldErrors: undefined, formError: error.message }, { status: 502 })
		throw error
	}
}

export default function SsoLoginPage({ actionData }: Route.ComponentProps) {
	const [params] = useSearchParams()
	const continueTo = actionData && 'continueTo' in actionData ? actionData.continueTo : null
	const busy = useNavigation().state !== 'idle' || Boolean(continueTo)
	useEffect(() => {
		if (continueTo) window.location.assign(continueTo)
	}, [continueTo])
	return (
		<AuthCard
			title="Continue with SSO"
			intro="Enter your work e-mail address. Hardmode sends you to your organisation’s identity provider to sign in, then brings you back."
			footer={
				<Link to={params.get('redirectTo') ? `/login?${new URLSearchParams({ redirectTo: params.get('redirectTo')! })}` : '/login'} className={linkClass}>
					Log in with a password instead
				</Link>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormAlert message={actionData?.formError} />
				{continueTo ? (
					<p role="status" className="text-sm">
						Opening your identity provider…{' '}
						<a href={continueTo} className={linkClass}>
							Continue there
						</a>{' '}
						if nothing happens.
					</p>
				) : null}
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
				<Field label="Work e-mail" name="email" type="email" autoComplete="email" required errors={actionData?.fieldErrors?.email} />
				<Button type="submit" className="w-full" disabled={busy}>
					{busy ? 'Opening your provider…' : 'Continue'}
				</Button>
			</Form>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Continue with SSO · Hardmode' }]
