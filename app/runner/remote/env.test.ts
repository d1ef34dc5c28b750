import { describe, expect, it } from 'vitest'
import { createDefaultPool, RemotePool, RunnerPool } from '../index.ts'
import { parseEnv } from '#app/utils/env.server.ts'
import { parseRunnerClientEnv, parseRunnerNodeEnv } from './env.ts'

const SECRET = 'a-secret-of-at-least-thirty-two-characters'

describe('choosing where runs go', () => {
	it('runs in process without RUNNER_URLS, as before', async () => {
		const pool = createDefaultPool({})
		expect(pool).toBeInstanceOf(RunnerPool)
		await pool.close()
	})

	it('sends runs to the runner nodes when RUNNER_URLS is set', () => {
		const pool = createDefaultPool({ RUNNER_URLS: 'http://10.0.0.7:4100, http://10.0.0.8:4100/', RUNNER_SECRET: SECRET })
		expect(pool).toBeInstanceOf(RemotePool)
		expect((pool as RemotePool).stats().map((node) => node.url)).toEqual(['http://10.0.0.7:4100', 'http://10.0.0.8:4100'])
	})

	it('refuses RUNNER_URLS without RUNNER_SECRET, or with one that is not a web address', () => {
		expect(() => parseRunnerClientEnv({ RUNNER_URLS: 'http://10.0.0.7:4100' })).toThrow(/RUNNER_SECRET: is required when RUNNER_URLS is set/)
		expect(() => parseRunnerClientEnv({ RUNNER_URLS: '10.0.0.7:4100', RUNNER_SECRET: SECRET })).toThrow(/RUNNER_URLS.*http:\/\/ or https:\/\//)
	})
})

describe("a runner node's settings", () => {
	it('need RUNNER_SECRET of at least 32 characters and nothing of the app', () => {
		expect(() => parseRunnerNodeEnv({})).toThrow(/RUNNER_SECRET: is required/)
		expect(() => parseRunnerNodeEnv({ RUNNER_SECRET: 'short' })).toThrow(/RUNNER_SECRET: must be at least 32 characters/)
		expect(parseRunnerNodeEnv({ RUNNER_SECRET: SECRET })).toMatchObject({ RUNNER_HOST: '127.0.0.1', RUNNER_PORT: 4100, RUNNER_SHUTDOWN_GRACE_MS: 30_000 })
	})
})

describe('a web instance', () => {
	it('does not start with RUNNER_URLS but no RUNNER_SECRET', () => {
		expect(() => parseEnv({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', SESSION_SECRET: SECRET, RUNNER_URLS: 'http://10.0.0.7:4100' })).toThrow(
			/RUNNER_SECRET: is required when RUNNER_URLS is set/,
		)
	})
})
