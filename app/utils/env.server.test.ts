import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.server.ts'

describe('parseEnv', () => {
	it('gives working defaults for local use and keeps a generated session secret', () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'hm-env-'))
		const env = parseEnv({ DATA_DIR: dataDir })
		expect(env).toMatchObject({ PORT: 3000, NODE_ENV: 'development', SECURE_COOKIES: false })
		expect(env.SESSION_SECRET).toHaveLength(64)
		expect(readFileSync(path.join(dataDir, 'session-secret'), 'utf8')).toBe(env.SESSION_SECRET)
		expect(parseEnv({ DATA_DIR: dataDir }).SESSION_SECRET).toBe(env.SESSION_SECRET)
	})

	it('makes cookies Secure in production unless told otherwise', () => {
		const secret = 'x'.repeat(32)
		expect(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: secret }).SECURE_COOKIES).toBe(true)
		expect(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: secret, SECURE_COOKIES: 'false' }).SECURE_COOKIES).toBe(false)
	})

	it('names every bad variable in one error', () => {
		expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short' })).toThrow(
			/PORT[\s\S]*DATABASE_URL: must start with postgres:\/\/[\s\S]*SESSION_SECRET: must be at least 32 characters/,
		)
	})
})
