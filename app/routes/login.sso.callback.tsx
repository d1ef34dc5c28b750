import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/login.sso.callback'
import { AuthCard } from '#app/components/auth-card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { completeSsoSignIn } from '#app/models/sso-sign-in.server.ts'
import { SsoError } from '#app/sso/oidc.server.ts'
import { clearSsoStateCookie, readSsoStateCookie, ssoRedirectUri } from '#app/sso/state-cookie.server.ts'
import { createSession } from '#app/utils/auth.server.ts'

// The identity provider sends the browser here with a code and the state (ADR 030).
export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const headers = new Headers({ 'Set-Cookie': clearSsoStateCookie() })
	if (url.searchParams.get('error')) {
		const description = url.searchParams.get('error_description')
		return data(
			{ error: `Your identity provider did not sign you in${description ? `: ${description.slice(0, 200)}` : '.'} Try again, or ask your admin.` },
			{ status: 400, headers },
		)
	}
	try {
		const signedIn = await completeSsoSignIn({ callbackUrl: url, cookieState: readSsoStateCookie(request), redirectUri: ssoRedirectUri(request) })
		headers.append('Set-Cookie', await createSession(signedIn.userId, signedIn.organizationId, request))
		return redirect(signedIn.redirectTo, { headers })
	} catch (error) {
		if (error instanceof SsoError) return data({ error: error.message }, { status: 403, headers })
		throw error
	}
}

export default function SsoCallbackPage({ loaderData }: Route.ComponentProps) {
	return (
		<AuthCard title="Single sign-on did not work">
			<div className="space-y-4">
				<FormAlert message={loaderData.error} />
				<div className="flex flex-wrap gap-3">
					<Link to="/login/sso" className={buttonClass('primary')}>
						Try again
					</Link>
					<Link to="/login" className={buttonClass('secondary')}>
						Log in with a password
					</Link>
				</div>
			</div>
		</AuthCard>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Single sign-on did not work · Hardmode' }]
