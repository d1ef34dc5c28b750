// The second step of signing in (ADR 029). After a correct password, an account with two-factor
// sign-in gets no session: only a short-lived, signed cookie naming a challenge, which opens the
// code page and nothing else.
import { redirect } from 'react-router'
import { CHALLENGE_TTL_MS, createChallenge } from '#app/models/two-factor.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { readCookie, sessionCookieValue, verifySessionCookieValue } from '#app/utils/session.server.ts'

export const CHALLENGE_COOKIE = 'hm_two_factor'

function serialize(value: string, maxAgeMs: number) {
	const parts = [
		`${CHALLENGE_COOKIE}=${encodeURIComponent(value)}`,
		// The code page's data requests go to /login/two-factor.data, which a cookie path of /login/two-factor would not match.
		'Path=/login',
		'HttpOnly',
		'SameSite=Lax',
		`Max-Age=${Math.floor(maxAgeMs / 1000)}`,
	]
	if (getEnv().SECURE_COOKIES) parts.push('Secure')
	return parts.join('; ')
}

export function clearChallengeCookie() {
	return serialize('', 0)
}

/** The challenge token in this request's cookie, or null if there is none or it was altered. */
export function challengeToken(request: Request) {
	const raw = readCookie(request, CHALLENGE_COOKIE)
	return raw ? verifySessionCookieValue(raw) : null
}

/** After a correct password: on to the code step, remembering where the person was going. */
export async function startTwoFactorStep(userId: string, redirectTo: string | undefined) {
	const token = await createChallenge(userId, redirectTo)
	return redirect('/login/two-factor', { headers: { 'Set-Cookie': serialize(sessionCookieValue(token), CHALLENGE_TTL_MS) } })
}
