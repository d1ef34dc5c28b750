// Password rules shared by the sign-up, invite and settings forms (client-safe: no I/O).
// Length matters most (NIST SP 800-63B); we also refuse the patterns that breach
// corpora show first: common passwords, one repeated character, keyboard runs, and
// passwords built from the person's own e-mail or name.
export const PASSWORD_MIN_LENGTH = 12
const PASSWORD_MAX_LENGTH = 200

const COMMON_PASSWORDS = new Set([
	'password',
	'password1',
	'password123',
	'passw0rd',
	'123456789012',
	'1234567890',
	'qwertyuiop',
	'qwertyuiopasdf',
	'iloveyou',
	'letmein',
	'welcome',
	'welcome123',
	'admin',
	'administrator',
	'changeme',
	'trustno1',
	'football',
	'baseball',
	'superman',
	'dragon',
	'monkey',
	'sunshine',
	'princess',
	'starwars',
	'whatever',
	'hardmode',
	'hardmode123',
	'correcthorsebatterystaple',
])
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm']

export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
	const problems: string[] = []
	if (password.length < PASSWORD_MIN_LENGTH) {
		problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters (a short sentence works well).`)
	}
	if (password.length > PASSWORD_MAX_LENGTH) {
		problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`)
	}
	const lower = password.toLowerCase()
	const stripped = lower.replace(/[^a-z0-9]/g, '')
	const withoutTrailingDigits = stripped.replace(/\d+$/, '')
	if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped) || COMMON_PASSWORDS.has(withoutTrailingDigits)) {
		problems.push('This password is one of the most common ones; attackers try it first.')
	} else if (password.length > 0 && new Set(password).size <= 2) {
		problems.push('Use more than one or two different characters.')
	} else if (stripped.length >= 8 && SEQUENCES.some((seq) => isRunOf(stripped, seq))) {
		problems.push('Avoid keyboard or alphabet runs like "12345678" or "qwertyui".')
	}
	const emailName = context.email?.split('@')[0]?.toLowerCase()
	if (emailName && emailName.length >= 4 && lower.includes(emailName)) {
		problems.push('Do not use your e-mail address in your password.')
	}
	const name = context.name?.trim().toLowerCase()
	if (name && name.length >= 4 && lower.includes(name)) {
		problems.push('Do not use your name in your password.')
	}
	return problems
}

function isRunOf(text: string, sequence: string) {
	const doubled = sequence + sequence
	return doubled.includes(text) || doubled.includes([...text].reverse().join(''))
}
