// Proof that the person at the keyboard is the account's owner before two-factor sign-in is
// turned off or its recovery codes replaced (ADR 029): a current app code or the password, each
// under its own throttle.
import { looksLikeTotp } from '#app/accounts/two-factor.ts'
import { beginCodeCheck, beginPasswordCheck, codeCheckSucceeded, describeRetry, passwordCheckSucceeded } from '#app/utils/rate-limit.server.ts'
import { acceptAppCode } from './two-factor.server.ts'
import { verifyLogin } from './user.server.ts'

export type ProofResult = { ok: true } | { ok: false; status: 400 | 429; message: string; retryAfterSeconds?: number }

const tooMany = (seconds: number): ProofResult => ({
	ok: false,
	status: 429,
	message: `Too many wrong codes or passwords. For your account's safety, try again ${describeRetry(seconds)}.`,
	retryAfterSeconds: seconds,
})

export async function checkProof(user: { id: string; email: string }, proof: string, ip: string): Promise<ProofResult> {
	if (looksLikeTotp(proof)) {
		const check = await beginCodeCheck(user.id)
		if (check.limited) return tooMany(check.retryAfterSeconds)
		const result = await acceptAppCode(user.id, proof)
		if (result.ok) {
			await codeCheckSucceeded(user.id)
			return { ok: true }
		}
		return check.ifWrong.limited ? tooMany(check.ifWrong.retryAfterSeconds) : { ok: false, status: 400, message: result.message }
	}
	const check = await beginPasswordCheck(user.email, ip)
	if (check.limited) return tooMany(check.retryAfterSeconds)
	if (await verifyLogin(user.email, proof)) {
		await passwordCheckSucceeded(user.email, ip)
		return { ok: true }
	}
	return check.ifWrong.limited
		? tooMany(check.ifWrong.retryAfterSeconds)
		: { ok: false, status: 400, message: 'That is neither a current code from your app nor your password.' }
}
