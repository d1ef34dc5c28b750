// Accessibility of every page the end-to-end tests show, in the light and the dark theme.
// After a test passes, each page it visited whose path pattern no test of this run has
// audited yet is opened again, as the same person, in a fresh context: once with the light
// theme and once with the dark one, and axe runs on each. The pattern is claimed through a
// file, so the two workers never audit the same page twice.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from '@playwright/test'
import { E2E_SERVER_DIR } from '#tests/setup/artifacts.ts'
import type { ConsoleProblem, WatchedContext } from './browser-watch.ts'
import { THEME_COOKIE, type Theme } from '#app/utils/theme.ts'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING_IMPACTS = new Set(['serious', 'critical'])
const THEMES: Theme[] = ['light', 'dark']

/**
 * Runs axe on the page as it is now (WCAG 2.1 A and AA rules) and returns its serious and
 * critical violations, one line each: the rule, why it matters and where it hit. Every
 * violation, minor ones too, is attached to the test's report.
 */
export async function blockingViolations(page: Page, name: string, attach: (name: string, body: string) => Promise<void>) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
	if (results.violations.length > 0) await attach(`axe violations on ${name}`, JSON.stringify(results.violations, null, 2))
	return results.violations
		.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
		.map((violation) => {
			const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5)
			const more = violation.nodes.length > targets.length ? ` and ${violation.nodes.length - targets.length} more` : ''
			return `[${violation.impact}] ${violation.id}: ${violation.help} — at ${targets.join(', ')}${more} (${violation.helpUrl})`
		})
}

/**
 * A page's path with its parameters blanked: "/assignments/cm4…" and "/exercises/free-shipping"
 * become "/assignments/:param" and "/exercises/:param". A segment after the first is a parameter
 * when it holds a digit or a hyphen (ids, slugs, tokens); route names hold neither.
 */
export function pathPattern(pathname: string) {
	return pathname
		.split('/')
		.map((segment, index) => (index > 1 && /[\d-]/.test(segment) ? ':param' : segment))
		.join('/')
}

// Under the end-to-end server's folder, which playwright.config.ts empties at the start of every run.
const CLAIMS_DIR = path.join(E2E_SERVER_DIR, 'audited-pages')

/** True for the first caller in this run (any worker) to claim the pattern. */
function claim(pattern: string) {
	mkdirSync(CLAIMS_DIR, { recursive: true })
	try {
		writeFileSync(claimFile(pattern), String(process.pid), { flag: 'wx' })
		return true
	} catch {
		return false
	}
}

function release(pattern: string) {
	rmSync(claimFile(pattern), { force: true })
}

const claimFile = (pattern: string) => path.join(CLAIMS_DIR, `${encodeURIComponent(pattern)}.claim`)

export type AuditFinding = { page: string; theme: Theme; violations: string[] }
export type AuditResult = { findings: AuditFinding[]; problems: ConsoleProblem[]; audited: string[] }

/** The pages the contexts visited that no test has audited yet, in both themes. */
export async function auditVisitedPages(
	browser: Browser,
	contexts: WatchedContext[],
	attach: (name: string, body: string) => Promise<void>,
): Promise<AuditResult> {
	const result: AuditResult = { findings: [], problems: [], audited: [] }
	for (const watched of contexts) {
		const pending = [...watched.visited].filter(([pattern]) => claim(pattern))
		if (pending.length === 0) continue
		const storageState = watched.closed ? watched.storageState : await watched.context.storageState().catch(() => undefined)
		const auditContext = await browser.newContext({ storageState })
		try {
			const page = await auditContext.newPage()
			let current = ''
			auditContext.on('console', (message) => {
				// A page that answers 4xx on purpose (a 404 page) logs its own load as failed.
				if (message.type() !== 'error' && message.type() !== 'warning') return
				if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && message.location().url === current) return
				result.problems.push({
					kind: message.type() === 'error' ? 'console.error' : 'console.warning',
					text: message.text(),
					pageUrl: page.url(),
					sourceUrl: message.location().url,
				})
			})
			auditContext.on('weberror', (error) => {
				const thrown = error.error()
				result.problems.push({ kind: 'uncaught error', text: thrown.stack ?? String(thrown), pageUrl: page.url(), sourceUrl: '' })
			})
			for (const [pattern, url] of pending) {
				const origin = new URL(url).origin
				for (const theme of THEMES) {
					await auditContext.addCookies([{ name: THEME_COOKIE, value: theme, url: origin }])
					current = url
					await page.goto(url)
					await settle(page)
					const landed = pathPattern(new URL(page.url()).pathname)
					if (landed !== pattern) {
						// Sent elsewhere (logged out, or the page has gone): whoever shows that page audits it.
						release(pattern)
						break
					}
					const name = `${pattern} (${theme})`
					const violations = await blockingViolations(page, name, attach)
					if (violations.length > 0) result.findings.push({ page: `${new URL(url).pathname} (${theme} theme)`, theme, violations })
					if (theme === 'dark') result.audited.push(pattern)
				}
			}
		} finally {
			await auditContext.close()
		}
	}
	return result
}

/** Loaded and hydrated: the network quiet for a moment, or at most two seconds of waiting (the workspace keeps talking). */
async function settle(page: Page) {
	await page.waitForLoadState('load')
	await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => {})
}
