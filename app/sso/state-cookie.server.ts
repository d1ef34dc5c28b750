import { getEnv } from '#app/utils/env.server.ts'
import { readCookie, sessionCookieValue, verifySessionCookieValue } from '#app/utils/session.server.ts'
import { SSO_CALLBACK_PATH } from './callback-path.ts'

// The browser that starts a sign-in keeps its state in a signed, short-lived cookie; the callback
// accepts the provider's answer only in that browser (no one can finish their sign-in in yours).
const COOKIE = 'hm_sso_state'
const MAX_AGE_SECONDS = 10 * 60

function serialize(value: string, maxAge: number) {
	const parts = [`${COOKIE}=${encodeURIComponent(value)}`, `Path=${SSO_CALLBACK_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`]
	if (getEnv().SECURE_COOKIES) parts.push('Secure')
	return parts.join('; ')
}

export function ssoStateCookie(state: string) {
	return serialize(sessionCookieValue(state), MAX_AGE_SECONDS)
}

export function clearSsoStateCookie() {
	return serialize('', 0)
}

export function readSsoStateCookie(request: Request) {
	const raw = readCookie(request, COOKIE)
	return raw ? verifySessionCookieValue(raw) : null
}

/** The redirect URL to register at the provider: this site's callback, as the request reached it. */
export function ssoRedirectUri(request: Request) {
	return `${new URL(request.url).origin}${SSO_CALLBACK_PATH}`
}
