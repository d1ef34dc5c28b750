// Graceful shutdown of a real server process (`server/index.ts` on the production build, as `npm run serve` starts it):
// SIGTERM arrives while a learner's run is in the sandbox; the run's answer still reaches the
// learner with its result, the run is stored, new connections are refused, and the process
// exits 0 having closed its embedded database cleanly.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { createDatabase, useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import { createTestPgliteFolder } from '#tests/db.ts'
import { loginCookie } from '#tests/routes.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const SESSION_SECRET = 'shutdown-test-secret-'.padEnd(40, 'x')

let dir: string
let databaseUrl: string
let attemptId: string
let files: Record<string, string>
let cookie: string
let server: ChildProcess | undefined
let output = ''

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.once('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number }
			probe.close(() => resolve(port))
		})
	})
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		const value = await check().catch(() => undefined)
		if (value !== undefined) return value
		await new Promise((resolve) => setTimeout(resolve, 10))
	}
	throw new Error(`Timed out waiting for ${what}. Server output:\n${output}`)
}

beforeAll(async () => {
	if (!existsSync(path.join(root, 'build/server/index.js')))
		throw new Error('This test starts the production build, and there is none: run `npm run build` first (`npm test` does).')
	process.env.SESSION_SECRET = SESSION_SECRET
	dir = mkdtempSync(path.join(tmpdir(), 'hm-shutdown-'))
	await createTestPgliteFolder(path.join(dir, 'pglite'))
	databaseUrl = `pglite:${path.join(dir, 'pglite')}`
	// Everything the server would load at start is there already, so it starts in seconds.
	const database: Database = createDatabase(databaseUrl)
	try {
		useDatabase(database)
		await syncExercises(database.prisma, path.join(root, 'exercises'))
		await seedDemo(database.prisma)
		const ada = await database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
		attemptId = (await startAttempt(ada, 'free-shipping-for-everyone')).id
		files = (await database.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { draft: true } })).draft as Record<string, string>
		cookie = await loginCookie('ada@hardmode.dev')
	} finally {
		await database.close()
	}
})

afterAll(() => {
	if (server && server.exitCode === null) server.kill('SIGKILL')
	rmSync(dir, { recursive: true, force: true })
})

describe('SIGTERM to a web instance', () => {
	it('lets a run in the sandbox finish and answer, stores it, then exits 0', async () => {
		const [port, metricsPort] = [await freePort(), await freePort()]
		server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			cwd: root,
			env: {
				...process.env,
				NODE_OPTIONS: '',
				NODE_ENV: 'production',
				SECURE_COOKIES: 'false',
				PORT: String(port),
				METRICS_PORT: String(metricsPort),
				DATABASE_URL: databaseUrl,
				DATA_DIR: dir,
				SESSION_SECRET,
				SEED_DEMO: 'false',
				SHUTDOWN_TIMEOUT_SECONDS: '20',
				LOG_LEVEL: 'info',
			},
		})
		server.stdout!.on('data', (chunk) => (output += chunk))
		server.stderr!.on('data', (chunk) => (output += chunk))
		const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
		const base = `http://127.0.0.1:${port}`
		await waitFor('readiness', async () => ((await fetch(`${base}/resources/readiness`)).status === 200 ? true : undefined), 60_000)

		// A request through the pages: its id comes back, and its latency is counted under its route pattern.
		const earlier = await fetch(`${base}/attempts/${attemptId}/runs?run=none`, { headers: { Cookie: cookie, 'X-Request-Id': 'lb-req-1' } })
		expect(earlier.status).toBe(404)
		expect(earlier.headers.get('x-request-id')).toBe('lb-req-1')

		// Learner code that keeps the sandbox busy for a moment, so the signal lands mid-run.
		const slow = { ...files, 'src/cart.ts': `${files['src/cart.ts']}\nlet spin = 0\nfor (let i = 0; i < 150_000_000; i++) spin += i % 7\n` }
		const answer = fetch(`${base}/attempts/${attemptId}/runs`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: base },
			body: JSON.stringify({ files: slow }),
		})
		const metrics = await waitFor(
			'the run to reach the sandbox',
			async () => {
				const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
				return /^hardmode_runs_in_progress 1$/m.test(text) ? text : undefined
			},
			30_000,
		)
		server.kill('SIGTERM')
		expect(metrics).toMatch(/^hardmode_http_request_duration_seconds_count\{route="\/attempts\/:attemptId\/runs",method="GET",status="4xx"\} 1$/m)
		expect(metrics).toMatch(/^hardmode_db_query_duration_seconds_count [1-9]\d*$/m)

		const response = await answer.catch(async (error: unknown) => {
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))])
			throw new Error(`The run's answer did not arrive (${String(error)}). Server output:\n${output}`)
		})
		expect(response.status).toBe(200)
		const run = (await response.json()) as { number: number; result: { status: string; tests: unknown[]; limit?: string } }
		expect(run.number).toBe(1)
		expect(run.result.tests.length).toBeGreaterThan(0)
		expect(run.result.limit).toBeUndefined()

		// No new connections while it drains, and a clean exit once the run is answered.
		await expect(fetch(`${base}/resources/readiness`)).rejects.toThrow()
		const [code] = await exited
		expect(code, output).toBe(0)
		expect(output).toMatch(/SIGTERM received, shutting down/)
		expect(output).toMatch(/Shut down/)

		// Nothing lost: the run and its place on the timeline are in the database the server closed.
		const database = createDatabase(databaseUrl)
		try {
			const attempt = await database.prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { runCount: true } })
			expect(attempt.runCount).toBe(1)
			expect(await database.prisma.run.count({ where: { attemptId } })).toBe(1)
			expect(await database.prisma.attemptEvent.count({ where: { attemptId, type: 'run' } })).toBe(1)
		} finally {
			await database.close()
		}
	}, 120_000)
})
