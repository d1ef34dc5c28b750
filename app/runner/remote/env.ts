// Configuration of the runner fleet: a runner node's own (it never reads the app's, which
// wants a database) and a web instance's view of the nodes (RUNNER_URLS). zod only.
import { z } from 'zod'

const secret = z.string({ message: 'is required: the secret shared with the web instances, at least 32 characters' }).min(32, 'must be at least 32 characters')
const optionalInt = (min: number) => z.coerce.number().int().min(min).optional()

const RunnerNodeEnvSchema = z.object({
	RUNNER_SECRET: secret,
	RUNNER_HOST: z.string().min(1).default('127.0.0.1'),
	RUNNER_PORT: z.coerce.number().int().min(0).max(65_535).default(4100),
	/** Sandbox worker processes; default one per core. */
	RUNNER_POOL_SIZE: optionalInt(1),
	/** Runs that may wait for a worker; beyond it the node answers 503. Default 200. */
	RUNNER_MAX_QUEUE: optionalInt(0),
	/** How long SIGTERM waits for runs in flight before the node exits anyway. */
	RUNNER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})
export type RunnerNodeEnv = z.infer<typeof RunnerNodeEnvSchema>

const RunnerClientEnvSchema = z
	.object({
		RUNNER_URLS: z
			.string()
			.optional()
			.transform((value) =>
				(value ?? '')
					.split(',')
					.map((url) => url.trim().replace(/\/+$/, ''))
					.filter(Boolean),
			)
			.pipe(z.array(z.url({ protocol: /^https?$/, message: 'must be http:// or https:// addresses, comma-separated' }))),
		RUNNER_SECRET: secret.optional(),
		/** How long one attempt at one node may take, queueing included. */
		RUNNER_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
	})
	.refine((env) => env.RUNNER_URLS.length === 0 || env.RUNNER_SECRET !== undefined, {
		path: ['RUNNER_SECRET'],
		message: 'is required when RUNNER_URLS is set (the same secret as the runner nodes, at least 32 characters)',
	})
export type RunnerClientEnv = z.infer<typeof RunnerClientEnvSchema>

function parse<T>(schema: z.ZodType<T>, source: Record<string, string | undefined>, what: string): T {
	const result = schema.safeParse(source)
	if (result.success) return result.data
	const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
	throw new Error(`Invalid ${what} configuration in environment variables:\n${problems}\nSee "Runner nodes" in docs/deploy.md.`)
}

/** A runner node's settings, or one error that lists every bad variable. */
export function parseRunnerNodeEnv(source: Record<string, string | undefined>): RunnerNodeEnv {
	return parse(RunnerNodeEnvSchema, source, 'runner node')
}

/** Where a web instance sends runs: no URLs means the in-process pool. */
export function parseRunnerClientEnv(source: Record<string, string | undefined>): RunnerClientEnv {
	return parse(RunnerClientEnvSchema, source, 'runner client')
}
