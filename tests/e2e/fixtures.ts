// The `test` every end-to-end spec imports. On top of Playwright's own fixtures it fails
// any test whose browsers reached beyond this machine, logged a console error or warning
// (a hydration mismatch among them) or threw an uncaught error, and audits every page the
// test showed for accessibility in both themes (page-audit.ts). It offers the helpers specs
// share: accessibility checks, logging in, unique sign-up e-mails, more browsers.
import { randomUUID } from 'node:crypto'
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test'
import { BrowserWatch, describeProblem, unexpectedProblems, type ConsoleAllowance } from './browser-watch.ts'
import { auditVisitedPages, blockingViolations } from './page-audit.ts'

export { expect }

/** Hosts a page may load from: the app under test, never the internet (no CDN, no fonts, no telemetry). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
/** URLs that never touch the network at all. */
const INLINE_SCHEMES = new Set(['data:', 'blob:', 'about:'])

export function isLocalUrl(url: string) {
	let parsed: URL
	try {
		parsed = new URL(url)
	} catch {
		return false
	}
	if (INLINE_SCHEMES.has(parsed.protocol)) return true
	return LOCAL_HOSTS.has(parsed.hostname)
}

/**
 * Console messages any test may log. Empty on purpose: a message here is a bug nobody has
 * fixed. Add one only for a message outside the app's control, with the reason.
 */
const EXPECTED_IN_EVERY_TEST: Omit<ConsoleAllowance, 'used'>[] = []

const allowancesByTest = new WeakMap<TestInfo, ConsoleAllowance[]>()

/**
 * Lets this test's browsers log a console message matching `text`, for a test that provokes
 * it on purpose: opening a page that answers 404 makes Chromium log "Failed to load resource:
 * the server responded with a status of 404". Say why. The test fails if the message never
 * comes, so an allowance cannot outlive its reason.
 */
export function allowConsoleMessage(text: RegExp, why: string) {
	const info = test.info()
	const allowances = allowancesByTest.get(info) ?? []
	allowances.push({ text, why, used: false })
	allowancesByTest.set(info, allowances)
	info.annotations.push({ type: 'allowed console message', description: `${text} — ${why}` })
}

/** The message Chromium logs when a page or request it loads answers with this status. */
export const failedLoad = (status: number) => new RegExp(`^Failed to load resource: the server responded with a status of ${status}\\b`)

/**
 * Runs axe on the page as it is now (WCAG 2.1 A and AA rules) and fails the test on any
 * serious or critical violation, listing each rule, why it matters and where it hit.
 * Minor and moderate findings are attached to the report without failing. Every page a
 * test visits is audited as loaded, in both themes, after the test; call this for the
 * states a page reaches through the test (a dialog open, an error shown, results in).
 */
export async function checkA11y(page: Page, name = new URL(page.url()).pathname) {
	await test.step(`accessibility of ${name}`, async () => {
		const blocking = await blockingViolations(page, name, attach)
		expect(blocking, `serious or critical accessibility violations on ${name} (${page.url()})`).toEqual([])
	})
}

const attach = (name: string, body: string) => test.info().attach(name, { body, contentType: 'application/json' })

/** Logs in through the form, as a person would, and waits until the app has let them in. */
export async function login(page: Page, email: string, password: string) {
	await test.step(`log in as ${email}`, async () => {
		await page.goto('/login')
		await page.getByLabel('E-mail').fill(email)
		await page.getByLabel('Password').fill(password)
		await page.getByRole('button', { name: 'Log in' }).click()
		await expect(page, `logging in as ${email} did not leave the log-in page: wrong password, or locked out?`).not.toHaveURL(/\/login(\?|$)/)
	})
}

let emailCount = 0
/** An e-mail address no other test (or earlier run against the same database) has used. */
export function uniqueEmail(prefix = 'user') {
	emailCount += 1
	const worker = process.env.TEST_WORKER_INDEX ?? '0'
	return `${prefix}.${Date.now().toString(36)}${worker}${emailCount}${randomUUID().slice(0, 4)}@example.com`.toLowerCase()
}

/** Time an audit of one page in both themes may take, on top of the test's own timeout. */
const AUDIT_TIME_PER_PAGE = 20_000

type Fixtures = {
	/**
	 * Watches every browser context the test uses and, after it, fails the test on: a request
	 * that left this machine; a console error or warning or an uncaught error (React's
	 * hydration errors among them) not allowed with `allowConsoleMessage`; a serious or
	 * critical accessibility violation on a page it visited, in either theme.
	 */
	browserGuards: void
	/**
	 * Another browser context (a second person, with their own cookies), watched like the
	 * first and closed after the test. It inherits the config's `use` options (baseURL…).
	 */
	newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>
}

export const test = base.extend<Fixtures>({
	browserGuards: [
		async ({ context, browser }, use, testInfo) => {
			const watch = new BrowserWatch(context, browser)
			try {
				await use()
			} finally {
				watch.stop()
			}

			const offsite = watch.requests.filter((entry) => !isLocalUrl(entry.slice(entry.indexOf(' ') + 1)))
			expect.soft(offsite, 'requests that left this machine (pages may only load from localhost)').toEqual([])

			const allowances = [...EXPECTED_IN_EVERY_TEST.map((allowance) => ({ ...allowance, used: false })), ...(allowancesByTest.get(testInfo) ?? [])]
			const unexpected = unexpectedProblems(watch.problems, allowances).map(describeProblem)
			expect
				.soft(unexpected, 'console errors, warnings and uncaught errors in the browser (fix them; allowConsoleMessage only for one the test provokes)')
				.toEqual([])
			const unused = (allowancesByTest.get(testInfo) ?? []).filter((allowance) => !allowance.used).map((allowance) => `${allowance.text} — ${allowance.why}`)
			expect.soft(unused, 'allowed console messages that never came (remove the allowance)').toEqual([])

			// A failed test's pages are not worth auditing: the failure comes first.
			if (testInfo.status !== 'passed' || testInfo.errors.length > 0) return
			const pages = watch.contexts.reduce((count, watched) => count + watched.visited.size, 0)
			testInfo.setTimeout(testInfo.timeout + pages * AUDIT_TIME_PER_PAGE)
			await test.step('accessibility of every page visited, light and dark', async () => {
				const started = Date.now()
				const audit = await auditVisitedPages(browser, watch.contexts, (name, body) => testInfo.attach(name, { body, contentType: 'application/json' }))
				if (audit.audited.length > 0) {
					testInfo.annotations.push({ type: 'page audit', description: `${audit.audited.join(', ')} in both themes (${Date.now() - started} ms)` })
				}
				for (const finding of audit.findings) {
					expect.soft(finding.violations, `serious or critical accessibility violations on ${finding.page}`).toEqual([])
				}
				expect.soft(audit.problems.map(describeProblem), 'console errors, warnings and uncaught errors while reopening the pages for the audit').toEqual([])
			})
		},
		{ auto: true },
	],

	newContext: async ({ browser }, use) => {
		const created: BrowserContext[] = []
		await use(async (options) => {
			const context = await browser.newContext(options)
			created.push(context)
			return context
		})
		await Promise.all(created.map((context) => context.close()))
	},
})
