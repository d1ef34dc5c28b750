import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'
import { parseRunnerClientEnv } from '#app/runner/remote/env.ts'

const booleanFromString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

type TrustProxy = false | number | string[]

// Express's names for whole private ranges, accepted beside addresses and CIDRs.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

// Off, a number of proxy hops, or the proxies' addresses; never "trust every hop": with that,
// the client writes its own address into X-Forwarded-For and every per-address limit is moot.
const trustProxy = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx): TrustProxy => {
		if (value === undefined || value === '' || value === 'false' || value === '0') return false
		if (value === 'true') {
			ctx.addIssue({
				code: 'custom',
				message:
					'`true` would trust every address in X-Forwarded-For, so any client could choose its own address. Set the number of proxies in front of Hardmode (usually 1), or their addresses (such as 10.0.0.5 or 10.0.0.0/8, comma-separated)',
			})
			return z.NEVER
		}
		if (/^\d+$/.test(value)) return Number(value)
		const proxies = value.split(',').map((entry) => entry.trim())
		const unknown = proxies.filter((entry) => !isProxyAddress(entry))
		if (unknown.length) {
			ctx.addIssue({
				code: 'custom',
				message: `must be false, a number of proxy hops, or proxy addresses/CIDRs separated by commas; not an address: ${unknown.join(', ')}`,
			})
			return z.NEVER
		}
		return proxies
	})

function isProxyAddress(entry: string) {
	if (NAMED_RANGES.has(entry)) return true
	const [address = '', prefix, ...rest] = entry.split('/')
	const version = isIP(address)
	if (!version || rest.length) return false
	if (prefix === undefined) return true
	return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)
}

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	HOST: z.string().min(1).default('127.0.0.1'),
	PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
	DATABASE_URL: z
		.string()
		.regex(/^(postgres(ql)?:\/\/|pglite:)/, 'must start with postgres://, postgresql:// or pglite:')
		.optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	SECURE_COOKIES: booleanFromString.optional(),
	TRUST_PROXY: trustProxy,
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	MAX_BODY_BYTES: z.coerce
		.number()
		.int()
		.positive()
		.default(1024 * 1024),
	// The demo organisation's logins and password are published: in production only on request
	// (`npm start`, the try-it-out command, asks for it; a real deployment should not).
	SEED_DEMO: booleanFromString.optional(),
	// Six months of simulated practice for a demo organisation nobody has practised in yet.
	SEED_HISTORY: booleanFromString.optional(),
	// Outgoing mail (ADR 028): without SMTP_URL, messages wait in the outbox, where an admin sees them.
	SMTP_URL: z
		.string()
		.trim()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://, such as smtp://user:password@mail.example.com:587')
		.optional(),
	MAIL_FROM: z.string().trim().min(3).default('Hardmode <hardmode@localhost>'),
	// The address people reach Hardmode at, for links in mail; defaults to http://HOST:PORT.
	PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address, such as https://hardmode.example.com' }).optional(),
	// Shutdown and metrics (ADR 034): how long SIGTERM waits for requests in flight; where /metrics is served.
	SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(25),
	METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
	METRICS_HOST: z.string().min(1).default('127.0.0.1'),
	METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
	// End-to-end tests only: a server clock that POST /__test/clock moves forward (server/test-clock.ts).
	TEST_CLOCK: booleanFromString.optional(),
})

export type Env = z.infer<typeof EnvSchema> & {
	SESSION_SECRET: string
	SECURE_COOKIES: boolean
	SEED_DEMO: boolean
	SEED_HISTORY: boolean
	PUBLIC_URL: string
}

/** Parses the environment, or throws one error that lists every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = EnvSchema.safeParse(source)
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
		throw new Error(`Invalid configuration in environment variables:\n${problems}\nSee "Configuration" in README.md.`)
	}
	const env = result.data
	// Where runs go (ADR 032): a wrong RUNNER_URLS or a missing RUNNER_SECRET stops the server here, not at the first run.
	parseRunnerClientEnv(source)
	return {
		...env,
		SESSION_SECRET: env.SESSION_SECRET ?? localSessionSecret(env.DATA_DIR),
		SECURE_COOKIES: env.SECURE_COOKIES ?? env.NODE_ENV === 'production',
		SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
		// Tests that seed the demo (db:seed run by a test, say) want it as seedDemo() makes it, and fast.
		SEED_HISTORY: env.SEED_HISTORY ?? env.NODE_ENV !== 'test',
		PUBLIC_URL: (env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`).replace(/\/+$/, ''),
	}
}

// Without SESSION_SECRET, a random secret is made once and kept in the data directory,
// so a fresh install works with no configuration and sessions survive restarts.
function localSessionSecret(dataDir: string) {
	const file = path.resolve(dataDir, 'session-secret')
	try {
		return readFileSync(file, 'utf8').trim()
	} catch {
		const secret = randomBytes(32).toString('hex')
		mkdirSync(path.dirname(file), { recursive: true })
		writeFileSync(file, secret, { mode: 0o600 })
		return secret
	}
}

let cached: Env | undefined
export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}
