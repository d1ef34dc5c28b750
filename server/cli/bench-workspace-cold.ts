// The cold open of the workspace, measured for `npm run bench:workspace`: an empty browser cache,
// an already signed-in session, one navigation to a debugging attempt.
//
// Definitions (every time is the page's performance.now(), i.e. ms since navigation start):
// - editor created: Monaco's onDidCreateEditor fires for the workspace's editor.
// - editable: the moment a key press sent to the editor changes the text model. The page focuses
//   Monaco's text input as soon as it exists; the script keeps pressing "x" (trusted key events
//   through the browser's input pipeline) until a model reports a content change inserting
//   exactly "x". Monaco is asked to publish its API on globalThis (MonacoEnvironment.globalAPI)
//   so the page can listen to its models; nothing in the product changes.
// - language services ready: the TypeScript worker has answered its first language request
//   (in practice the syntax check of the open file). A wrapper around `Worker` sees the
//   requests the editor posts to the ts.worker and the worker's replies.
// - bytes before a moment: every response (the document, scripts, styles, fonts, worker
//   scripts, fetches) whose last byte arrived before it, from the page's Resource Timing.
//   "On the wire" is the transfer size (headers plus the encoded, i.e. compressed, body);
//   "decoded" is the body after decompression.
import type { Browser, BrowserContextOptions } from '@playwright/test'

type Moment = { ms: number; encoded: number; decoded: number; requests: number }
export type ColdLoad = { editorCreatedMs: number; editable: Moment; services: Moment | null; all: Moment }

const MARKER = 'x'

// A string, not a function: tsx would wrap named functions in a __name() the page lacks.
const PROBE = `(() => {
	const bench = { editorCreated: null, editable: null, servicesReady: null, tsWorkerAt: null }
	window.__workspaceBench = bench
	performance.setResourceTimingBufferSize(2000)
	// Chromium gets Monaco's EditContext input; other browsers its classic textarea.
	const INPUT = '.monaco-editor .native-edit-context, .monaco-editor textarea.inputarea'
	new MutationObserver((_records, observer) => {
		const input = document.querySelector(INPUT)
		if (!input) return
		input.focus()
		if (document.activeElement === input) observer.disconnect()
	}).observe(document, { childList: true, subtree: true })
	let environment = { globalAPI: true }
	Object.defineProperty(self, 'MonacoEnvironment', {
		configurable: true,
		get: () => environment,
		set: (value) => { environment = Object.assign(value ?? {}, { globalAPI: true }) },
	})
	let api
	Object.defineProperty(self, 'monaco', {
		configurable: true,
		get: () => api,
		set: (value) => {
			api = value
			value.editor.onDidCreateEditor(() => { bench.editorCreated ??= performance.now() })
			value.editor.onDidCreateModel((model) => model.onDidChangeContent((event) => {
				if (bench.editable === null && event.changes.some((change) => change.text === ${JSON.stringify(MARKER)})) bench.editable = performance.now()
			}))
		},
	})
	const NativeWorker = self.Worker
	self.Worker = class extends NativeWorker {
		constructor(url, options) {
			super(url, options)
			if (!/ts\\.worker/.test(String(url))) return
			bench.tsWorkerAt ??= performance.now()
			const languageRequests = new Set()
			const post = NativeWorker.prototype.postMessage
			this.postMessage = (message, transfer) => {
				// "$fmr": a call into the TypeScript service itself (not model syncing or start-up).
				if (message && message.type === 0 && message.method === '$fmr') languageRequests.add(message.req)
				return post.call(this, message, transfer)
			}
			this.addEventListener('message', (event) => {
				const reply = event.data
				if (bench.servicesReady === null && reply && reply.type === 1 && languageRequests.has(reply.seq)) bench.servicesReady = performance.now()
			})
		}
	}
})()`

type Response = { end: number; transfer: number; decoded: number }

export async function measureColdLoad(browser: Browser, storageState: BrowserContextOptions['storageState'], url: string): Promise<ColdLoad> {
	// A new context has its own, empty HTTP cache.
	const context = await browser.newContext({ storageState, viewport: { width: 1366, height: 800 } })
	try {
		const page = await context.newPage()
		await page.addInitScript({ content: PROBE })
		const mark = (name: 'editable' | 'servicesReady') =>
			page.evaluate((key) => (window as unknown as { __workspaceBench: Record<string, number | null> }).__workspaceBench[key] ?? null, name)

		await page.goto(url, { waitUntil: 'commit' })
		const deadline = Date.now() + 60_000
		// Before the editor exists the key presses land on the page, which ignores them.
		while ((await mark('editable')) === null) {
			if (Date.now() > deadline) throw new Error('No key press changed the editor within 60 s.')
			await page.keyboard.press(MARKER)
		}
		await page
			.waitForFunction(() => (window as unknown as { __workspaceBench: { servicesReady: number | null } }).__workspaceBench.servicesReady !== null, null, {
				timeout: 60_000,
			})
			.catch(() => null)
		await page.waitForLoadState('networkidle').catch(() => null)
		const measured = await page.evaluate(() => {
			const bench = (window as unknown as { __workspaceBench: { editorCreated: number; editable: number; servicesReady: number | null } }).__workspaceBench
			const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]
			return {
				marks: bench,
				responses: entries.map((entry) => ({ end: entry.responseEnd, transfer: entry.transferSize, decoded: entry.decodedBodySize })),
			}
		})
		const responses: Response[] = measured.responses
		const until = (ms: number): Moment => {
			const before = responses.filter((response) => response.end <= ms)
			return {
				ms,
				encoded: before.reduce((sum, response) => sum + response.transfer, 0),
				decoded: before.reduce((sum, response) => sum + response.decoded, 0),
				requests: before.length,
			}
		}
		const { marks } = measured
		return {
			editorCreatedMs: marks.editorCreated,
			editable: until(marks.editable),
			services: marks.servicesReady === null ? null : until(marks.servicesReady),
			all: until(Infinity),
		}
	} finally {
		await context.close()
	}
}
