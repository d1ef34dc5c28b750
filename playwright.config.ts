import { existsSync, rmSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './server/cli/ensure-browser.ts'
import { E2E_MAILBOX_URL, E2E_SMTP_URL } from './tests/setup/mail-ports.ts'
import {
	E2E_DATABASE_DIR,
	E2E_DATA_DIR,
	E2E_HISTORY_DATABASE_DIR,
	E2E_HISTORY_DATA_DIR,
	E2E_PORT,
	E2E_SERVER_DIR,
	PLAYWRIGHT_OUTPUT_DIR,
	PLAYWRIGHT_REPORT,
	SERVER_BUILD_ENTRY,
} from './tests/setup/artifacts.ts'
import { E2E_OIDC_ISSUER } from './tests/setup/oidc-test-client.ts'

const PORT = E2E_PORT
const baseURL = `http://127.0.0.1:${PORT}`
const HISTORY_PORT = PORT + 1
const isCI = Boolean(process.env.CI)

// Playwright loads this file in the runner and again in every worker. Only the runner's
// first load (the one that starts the web server) may reset the server's state; the
// workers inherit the marker through the environment and leave it alone.
if (!process.env.HARDMODE_E2E_RUNNER) {
	process.env.HARDMODE_E2E_RUNNER = String(process.pid)
	rmSync(E2E_SERVER_DIR, { recursive: true, force: true })
	if (!existsSync(SERVER_BUILD_ENTRY)) {
		throw new Error('The end-to-end tests run against the production build, and there is none: run `npm run build` first (`npm test` does).')
	}
}

const chromium = findChromium()
const chromiumUse = {
	browserName: 'chromium' as const,
	launchOptions: {
		// Undefined: Playwright looks for its own download and says how to get one.
		executablePath: chromium?.executablePath,
		args: CHROMIUM_ARGS,
	},
}
const DAYS_LATER = /retention\.spec\.ts$/

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: PLAYWRIGHT_OUTPUT_DIR,
	// Two cores: the server, the browser and the tests share them.
	workers: 2,
	fullyParallel: false,
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: PLAYWRIGHT_REPORT }]],
	use: {
		baseURL,
		screenshot: 'only-on-failure',
		trace: 'retain-on-first-failure',
		viewport: { width: 1280, height: 800 },
		// Far from the server's UTC and its English: a date or number the server formats one way and
		// the browser another fails to hydrate, and the console guard (tests/e2e/fixtures.ts) fails the test.
		timezoneId: 'Pacific/Auckland',
		locale: 'de-DE',
	},
	projects: [
		{
			name: 'chromium',
			testIgnore: DAYS_LATER,
			use: chromiumUse,
		},
		// Specs that move the first server's clock forward (POST /__test/clock) run alone, after
		// every other spec, so no other test sees days pass under it.
		{
			name: 'days-later',
			testMatch: DAYS_LATER,
			dependencies: ['chromium'],
			use: chromiumUse,
		},
	],
	webServer: [
		// The mail server the app delivers to, and the mailbox specs read (tests/setup/smtp-sink.ts).
		{
			command: 'npx tsx tests/setup/smtp-sink.ts',
			url: `${E2E_MAILBOX_URL}/health`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'pipe' as const,
			stderr: 'pipe' as const,
		},
		// The tests expect the demo organisation as seeded, without simulated history, reviews or assignments.
		e2eServer({ command: 'npm run serve', port: PORT, database: E2E_DATABASE_DIR, dataDir: E2E_DATA_DIR, history: false }),
		// The growth pages need months of practice to show: this server's demo organisation gets
		// the simulated history (specs opt in with test.use({ baseURL: E2E_HISTORY_BASE_URL })).
		// db:reset writes it before the server listens, so no test races the simulation.
		e2eServer({
			command: 'npm run db:reset && npm run serve',
			port: HISTORY_PORT,
			database: E2E_HISTORY_DATABASE_DIR,
			dataDir: E2E_HISTORY_DATA_DIR,
			history: true,
		}),
		// The OpenID provider the single sign-on spec signs in at, on loopback (tests/setup/oidc-provider.ts).
		{
			command: 'npx tsx tests/setup/oidc-provider.ts',
			url: `${E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'pipe' as const,
			stderr: 'pipe' as const,
			env: { E2E_PORT: String(PORT) },
		},
	],
})

function e2eServer(options: { command: string; port: number; database: string; dataDir: string; history: boolean }) {
	return {
		command: options.command,
		url: `http://127.0.0.1:${options.port}/resources/healthcheck`,
		// Never test against a server someone left running: its database is not this run's.
		reuseExistingServer: false,
		// A fresh database proves the whole exercise catalogue before the server listens.
		timeout: 300_000,
		stdout: 'pipe' as const,
		stderr: 'pipe' as const,
		gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
		env: {
			HOST: '127.0.0.1',
			PORT: String(options.port),
			DATABASE_URL: `pglite:${options.database}`,
			DATA_DIR: options.dataDir,
			// Plain http on loopback: Secure cookies and upgrade-insecure-requests would break it.
			SECURE_COOKIES: 'false',
			LOG_LEVEL: 'error',
			// `npm run serve` is a production start, which seeds no demo unless asked.
			SEED_DEMO: 'true',
			SEED_HISTORY: String(options.history),
			// Only the first server's clock may be moved, by the days-later specs.
			TEST_CLOCK: String(!options.history),
			// Mail goes to the run's SMTP sink, through the real outbox and sender.
			SMTP_URL: E2E_SMTP_URL,
			MAIL_FROM: 'Hardmode <hardmode@e2e.test>',
		},
	}
}
