// The `test` every end-to-end spec imports. On top of Playwright's own fixtures it
// fails any test whose browser reached beyond this machine, and offers the helpers
// specs share: accessibility checks, logging in, unique sign-up e-mails, more browsers.
import { randomUUID } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'

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

/** Records every request (and WebSocket) a browser context makes. */
function watchRequests(context: BrowserContext, seen: string[]) {
	const watchPage = (page: Page) => page.on('websocket', (socket) => seen.push(`WEBSOCKET ${socket.url()}`))
	context.on('request', (request) => seen.push(`${request.method()} ${request.url()}`))
	context.on('page', watchPage)
	context.pages().forEach(watchPage)
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING_IMPACTS = new Set(['serious', 'critical'])

/**
 * Runs axe on the page as it is now (WCAG 2.1 A and AA rules) and fails the test on any
 * serious or critical violation, listing each rule, why it matters and where it hit.
 * Minor and moderate findings are attached to the report without failing.
 */
export async function checkA11y(page: Page, name = new URL(page.url()).pathname) {
	await test.step(`accessibility of ${name}`, async () => {
		const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
		if (results.violations.length > 0) {
			await test.info().attach(`axe violations on ${name}`, {
				body: JSON.stringify(results.violations, null, 2),
				contentType: 'application/json',
			})
		}
		const blocking = results.violations
			.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
			.map((violation) => {
				const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5)
				const more = violation.nodes.length > targets.length ? ` and ${violation.nodes.length - targets.length} more` : ''
				return `[${violation.impact}] ${violation.id}: ${violation.help} — at ${targets.join(', ')}${more} (${violation.helpUrl})`
			})
		expect(blocking, `serious or critical accessibility violations on ${name} (${page.url()})`).toEqual([])
	})
}

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

type Fixtures = {
	/** Fails the test if any browser context it used requested something outside this machine. */
	localNetworkOnly: void
	/**
	 * Another browser context (a second person, with their own cookies), watched like the
	 * first and closed after the test. It inherits the config's `use` options (baseURL…).
	 */
	newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>
}

export const test = base.extend<Fixtures>({
	localNetworkOnly: [
		async ({ context, browser }, use) => {
			const seen: string[] = []
			watchRequests(context, seen)
			// Specs may also open contexts straight from `browser`; watch those too.
			const patched = browser as Browser & { newContext: Browser['newContext'] }
			const original = patched.newContext
			patched.newContext = async function (this: Browser, ...args) {
				const created = await original.apply(this, args)
				watchRequests(created, seen)
				return created
			}
			try {
				await use()
			} finally {
				patched.newContext = original
			}
			const offsite = seen.filter((entry) => !isLocalUrl(entry.slice(entry.indexOf(' ') + 1)))
			expect(offsite, 'requests that left this machine (pages may only load from localhost)').toEqual([])
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
