// What the browsers of one test did: every request, every console error or warning and
// uncaught page error, and every page (by path pattern) they showed, across every browser
// context the test used. The fixtures in fixtures.ts judge it after the test.
import type { Browser, BrowserContext, ConsoleMessage, Page, WebError } from '@playwright/test'
import { pathPattern } from './page-audit.ts'

/** A console error or warning, or an uncaught error, in one of the test's pages. */
export type ConsoleProblem = { kind: 'console.error' | 'console.warning' | 'uncaught error'; text: string; pageUrl: string; sourceUrl: string }

/** A message the test expects, with the reason; see `allowConsoleMessage` in fixtures.ts. */
export type ConsoleAllowance = { text: RegExp; why: string; used: boolean }

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

/** One browser context of the test, and the pages it showed: path pattern → the first URL seen. */
export type WatchedContext = { context: BrowserContext; visited: Map<string, string>; closed: boolean; storageState?: StorageState }

const CONSOLE_KINDS = { error: 'console.error', warning: 'console.warning', assert: 'console.error' } as const

export class BrowserWatch {
	readonly requests: string[] = []
	readonly problems: ConsoleProblem[] = []
	readonly contexts: WatchedContext[] = []
	private restoreNewContext?: () => void

	/** Watches the test's own context and every context it opens from `browser` (directly, or through `newPage`). */
	constructor(context: BrowserContext, browser: Browser) {
		this.watch(context)
		const patched = browser as Browser & { newContext: Browser['newContext'] }
		const original = patched.newContext
		const watch = (created: BrowserContext) => this.watch(created)
		patched.newContext = async function (this: Browser, ...args) {
			const created = await original.apply(this, args)
			watch(created)
			return created
		}
		this.restoreNewContext = () => {
			patched.newContext = original
		}
	}

	/** Stops watching new contexts (the contexts already watched keep reporting). */
	stop() {
		this.restoreNewContext?.()
		this.restoreNewContext = undefined
	}

	private watch(context: BrowserContext) {
		const watched: WatchedContext = { context, visited: new Map(), closed: false }
		this.contexts.push(watched)
		context.on('request', (request) => this.requests.push(`${request.method()} ${request.url()}`))
		context.on('console', (message) => this.onConsole(message))
		context.on('weberror', (error) => this.onPageError(error))
		const watchPage = (page: Page) => {
			page.on('websocket', (socket) => this.requests.push(`WEBSOCKET ${socket.url()}`))
			page.on('framenavigated', (frame) => {
				if (frame !== page.mainFrame()) return
				const url = frame.url()
				if (!/^https?:/.test(url)) return
				const pattern = pathPattern(new URL(url).pathname)
				if (!watched.visited.has(pattern)) watched.visited.set(pattern, url)
			})
		}
		context.on('page', watchPage)
		context.pages().forEach(watchPage)
		// A test may close a context it opened; keep its cookies so its pages can still be audited.
		const close = context.close.bind(context)
		context.close = async (...args) => {
			if (!watched.closed && watched.visited.size > 0) watched.storageState = await context.storageState().catch(() => undefined)
			watched.closed = true
			return close(...args)
		}
	}

	private onConsole(message: ConsoleMessage) {
		const kind = CONSOLE_KINDS[message.type() as keyof typeof CONSOLE_KINDS]
		if (!kind) return
		this.problems.push({ kind, text: message.text(), pageUrl: message.page()?.url() ?? '', sourceUrl: message.location().url })
	}

	private onPageError(error: WebError) {
		const thrown = error.error()
		this.problems.push({ kind: 'uncaught error', text: thrown.stack ?? String(thrown), pageUrl: error.page()?.url() ?? '', sourceUrl: '' })
	}
}

/** The problems no allowance covers; marks the allowances that covered one as used. */
export function unexpectedProblems(problems: ConsoleProblem[], allowances: ConsoleAllowance[]) {
	return problems.filter((problem) => {
		const allowance = allowances.find((candidate) => candidate.text.test(problem.text))
		if (allowance) allowance.used = true
		return !allowance
	})
}

/** "console.error on /assignments/cm1… : Minified React error #418 …", one line per problem, capped. */
export function describeProblem(problem: ConsoleProblem) {
	const page = problem.pageUrl ? new URL(problem.pageUrl).pathname + new URL(problem.pageUrl).search : '(no page)'
	const source = problem.sourceUrl && problem.sourceUrl !== problem.pageUrl ? ` [from ${problem.sourceUrl}]` : ''
	const text = problem.text.length > 600 ? `${problem.text.slice(0, 600)}…` : problem.text
	return `${problem.kind} on ${page}${source}: ${text}`
}
