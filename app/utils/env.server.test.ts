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

	it('waits 25 s for requests in flight at shutdown and serves no metrics unless told to; a short metrics token is refused', () => {
		const secret = 'x'.repeat(32)
		const defaults = parseEnv({ SESSION_SECRET: secret })
		expect([defaults.SHUTDOWN_TIMEOUT_SECONDS, defaults.METRICS_PORT, defaults.METRICS_TOKEN]).toEqual([25, undefined, undefined])
		expect(parseEnv({ SESSION_SECRET: secret, SHUTDOWN_TIMEOUT_SECONDS: '5', METRICS_PORT: '9464' })).toMatchObject({
			SHUTDOWN_TIMEOUT_SECONDS: 5,
			METRICS_PORT: 9464,
			METRICS_HOST: '127.0.0.1',
		})
		expect(() => parseEnv({ SESSION_SECRET: secret, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/)
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

	it('trusts no proxy by default, or as many hops as given, or the proxies listed', () => {
		const secret = 'x'.repeat(32)
		expect(parseEnv({ SESSION_SECRET: secret }).TRUST_PROXY).toBe(false)
		expect(parseEnv({ SESSION_SECRET: secret, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
		expect(parseEnv({ SESSION_SECRET: secret, TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false)
		expect(parseEnv({ SESSION_SECRET: secret, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
		expect(parseEnv({ SESSION_SECRET: secret, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
		expect(parseEnv({ SESSION_SECRET: secret, TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,fd00::/8, loopback' }).TRUST_PROXY).toEqual([
			'10.0.0.5',
			'172.16.0.0/12',
			'fd00::/8',
			'loopback',
		])
	})

	it('refuses TRUST_PROXY=true, which would let any client choose its own address, and says what to set instead', () => {
		expect(() => parseEnv({ SESSION_SECRET: 'x'.repeat(32), TRUST_PROXY: 'true' })).toThrow(
			/TRUST_PROXY: .*X-Forwarded-For.*any client could choose its own address.*number of proxies/,
		)
	})

	it.each(['banana', '10.0.0.0/33', '10.0.0.300', '-1', '1.5'])('refuses TRUST_PROXY=%j with a message naming it', (value) => {
		expect(() => parseEnv({ SESSION_SECRET: 'x'.repeat(32), TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /)
	})

	it('seeds the demo organisation (whose admin password is published) only outside production, unless asked to', () => {
		const secret = 'x'.repeat(32)
		expect(parseEnv({ SESSION_SECRET: secret }).SEED_DEMO).toBe(true)
		expect(parseEnv({ SESSION_SECRET: secret, NODE_ENV: 'test' }).SEED_DEMO).toBe(true)
		expect(parseEnv({ SESSION_SECRET: secret, NODE_ENV: 'production' }).SEED_DEMO).toBe(false)
		expect(parseEnv({ SESSION_SECRET: secret, NODE_ENV: 'production', SEED_DEMO: 'true' }).SEED_DEMO).toBe(true)
		expect(parseEnv({ SESSION_SECRET: secret, SEED_DEMO: 'false' }).SEED_DEMO).toBe(false)
	})
})
