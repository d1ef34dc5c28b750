// npm run bench:workspace [-- --cold N --runs N --batches N]
// Measures the learner's workspace against the production build, in a real browser:
//   1. opening a debugging attempt cold (empty cache): bytes and time until the editor is
//      editable, and until its language services are ready (definitions in bench-workspace-cold.ts);
//   2. JavaScript each non-editor page ships (gzip), and that none of them loads Monaco;
//   3. pressing Run → the results on screen, for a typical exercise;
//   4. the event endpoint taking a 100-event batch (round trip on loopback).
// A benchmark, not a test: it prints figures for docs/performance.md. Needs `npm run build`.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page, type Response as PlaywrightResponse } from '@playwright/test'
import { assertSupportedNode } from '#server/node-version.ts'
import { measureColdLoad, type ColdLoad } from './bench-workspace-cold.ts'
import { CHROMIUM_ARGS, findChromium } from './ensure-browser.ts'

assertSupportedNode('The workspace benchmark')

const arg = (name: string, fallback: number) => {
	const index = process.argv.indexOf(`--${name}`)
	return index >= 0 ? Number(process.argv[index + 1]) : fallback
}
// The per-person run limit is 30 a minute; stay under it.
const RUNS = Math.min(arg('runs', 25), 29)
const BATCHES = arg('batches', 60)
const COLD_LOADS = arg('cold', 7)
const PORT = arg('port', 3190)
const base = `http://127.0.0.1:${PORT}`
const EXERCISE = 'free-shipping-for-everyone'

if (!existsSync('build/server/index.js')) {
	console.error('No production build: run `npm run build` first.')
	process.exit(1)
}

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const summary = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b)
	return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! }
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'hm-bench-workspace-'))
const server = spawn('npm', ['run', 'serve'], {
	// BENCH_DATABASE_URL=postgres://… measures against a PostgreSQL server instead of the embedded database.
	env: {
		...process.env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `pglite:${dataDir}/db`,
		DATA_DIR: dataDir,
		SECURE_COOKIES: 'false',
		LOG_LEVEL: 'error',
		SEED_DEMO: 'true',
		SEED_HISTORY: 'false',
	},
	stdio: ['ignore', 'ignore', 'inherit'],
	detached: true,
})
const stopServer = () => {
	try {
		process.kill(-server.pid!, 'SIGTERM')
	} catch {
		// already gone
	}
}

try {
	for (let i = 0; ; i++) {
		const up = await fetch(`${base}/resources/healthcheck`).then(
			(r) => r.ok,
			() => false,
		)
		if (up) break
		if (i > 600) throw new Error('The server did not start within 5 minutes.')
		await new Promise((r) => setTimeout(r, 500))
	}
	const browser = await chromium.launch({ executablePath: findChromium()?.executablePath, args: CHROMIUM_ARGS })
	const context = await browser.newContext({ viewport: { width: 1366, height: 800 } })
	const page = await context.newPage()
	await page.goto(`${base}/login`)
	await page.getByLabel('E-mail').fill('ada@hardmode.dev')
	await page.getByLabel('Password').fill('hardmode-demo')
	await page.getByRole('button', { name: 'Log in' }).click()
	await page.waitForURL(/dashboard/)
	console.log(`Database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite'}`)

	// 1. The workspace opened cold, by a signed-in learner.
	await page.goto(`${base}/exercises/${EXERCISE}`)
	await page.getByRole('button', { name: /Start attempt|Resume attempt/ }).click()
	await page.waitForURL(/\/attempts\//)
	const attemptPath = new URL(page.url()).pathname
	const storageState = await context.storageState()
	const loads: ColdLoad[] = []
	// One warm-up load, not counted: the server's first render of the page.
	for (let i = 0; i <= COLD_LOADS; i++) {
		const load = await measureColdLoad(browser, storageState, `${base}${attemptPath}`)
		if (i > 0) loads.push(load)
	}
	printColdLoads(loads)

	// 2. JavaScript per page.
	console.log('\nJavaScript shipped per page (gzip, every script the page loaded)')
	const pages = ['/dashboard', '/exercises', `/exercises/${EXERCISE}`, '/attempts', '/settings']
	const weights: Array<{ path: string; kb: number; monaco: boolean }> = []
	for (const url of pages) weights.push({ path: url, ...(await scriptWeight(page, url)) })
	await page.context().clearCookies()
	weights.push({ path: '/login (signed out)', ...(await scriptWeight(page, '/login')) })
	for (const weight of weights) console.log(`  ${weight.path.padEnd(38)} ${weight.kb.toFixed(1).padStart(6)} KB${weight.monaco ? '  (loads Monaco!)' : ''}`)

	await page.goto(`${base}/login`)
	await page.getByLabel('E-mail').fill('ada@hardmode.dev')
	await page.getByLabel('Password').fill('hardmode-demo')
	await page.getByRole('button', { name: 'Log in' }).click()
	await page.waitForURL(/dashboard/)
	await page.goto(`${base}/exercises/${EXERCISE}`)
	await page.getByRole('button', { name: /Start attempt|Resume attempt/ }).click()
	await page.waitForURL(/\/attempts\//)
	const attemptId = new URL(page.url()).pathname.split('/').at(-1)!
	const workspace = await scriptWeight(page, `/attempts/${attemptId}`, true)
	console.log(
		`  ${'/attempts/:id (the workspace)'.padEnd(38)} ${workspace.kb.toFixed(1).padStart(6)} KB  (Monaco: ${workspace.monaco ? 'yes' : 'no'}; every script and worker loaded until the network was idle)`,
	)

	// 3. Run → results on screen, timed inside the page from the click to the output changing.
	await page.locator('.monaco-editor').first().waitFor()
	const latencies: number[] = []
	for (let i = 1; i <= RUNS + 2; i++) {
		const ms = await page.evaluate(async () => {
			const output = document.querySelector('[aria-label="Run output"]')!
			const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Run'))!
			// (No named helper functions in here: tsx would wrap them in a __name() the page lacks.)
			const expected = Number(/^Run (\d+)$/.exec(output.querySelector('[role="status"] > span')?.textContent ?? '')?.[1] ?? 0) + 1
			const started = performance.now()
			const done = new Promise<number>((resolve, reject) => {
				setTimeout(() => reject(new Error(`No result after 10 s; the output says: ${output.textContent?.slice(0, 300)}`)), 10_000)
				const observer = new MutationObserver(() => {
					if (Number(/^Run (\d+)$/.exec(output.querySelector('[role="status"] > span')?.textContent ?? '')?.[1] ?? 0) === expected) {
						observer.disconnect()
						// The next frame is when the result is painted.
						requestAnimationFrame(() => resolve(performance.now() - started))
					}
				})
				observer.observe(output, { childList: true, subtree: true, characterData: true })
			})
			button.click()
			return done
		})
		if (i > 2) latencies.push(ms)
	}
	const run = summary(latencies)
	console.log(`\nRun → results on screen (${latencies.length} runs after 2 warm-up, ${EXERCISE}: 4 visible tests)`)
	console.log(`  p50 ${run.p50.toFixed(1)} ms  p95 ${run.p95.toFixed(1)} ms  max ${run.max.toFixed(1)} ms`)

	// 4. The event endpoint, with the page's own cookie.
	const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
	const starter = readSrcFiles(path.join('exercises', EXERCISE))
	let seq = 1000
	const batchTimes: number[] = []
	const serverTimes: number[] = []
	for (let b = 0; b < BATCHES + 3; b++) {
		const batch = { sentAt: Date.now(), events: realisticBatch(() => ++seq, starter, b) }
		const body = JSON.stringify(batch)
		const started = performance.now()
		const response = await fetch(`${base}/attempts/${attemptId}/events`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: base },
			body,
		})
		const answer = await response.text()
		if (!response.ok) throw new Error(`The event endpoint answered ${response.status}: ${answer}`)
		if (b >= 3) {
			batchTimes.push(performance.now() - started)
			serverTimes.push(Number(/dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1] ?? NaN))
		}
	}
	const events = summary(batchTimes)
	const inServer = summary(serverTimes)
	console.log(`\nEvent endpoint, 100-event batch (${BATCHES} batches after 3 warm-up; 1 code snapshot, journal entries and edits, pastes, focus changes)`)
	console.log(
		`  in the server (Server-Timing, from the request reaching the route to the answer): p50 ${inServer.p50.toFixed(1)} ms  p95 ${inServer.p95.toFixed(1)} ms  max ${inServer.max.toFixed(1)} ms`,
	)
	console.log(
		`  round trip on loopback (HTTP, Express, session lookup included):       p50 ${events.p50.toFixed(1)} ms  p95 ${events.p95.toFixed(1)} ms  max ${events.max.toFixed(1)} ms`,
	)
	await browser.close()
} finally {
	stopServer()
	rmSync(dataDir, { recursive: true, force: true })
}

function printColdLoads(loads: ColdLoad[]) {
	const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
	const row = (label: string, values: number[], format: (value: number) => string) => {
		const { p50, max } = summary(values)
		console.log(`  ${label.padEnd(34)} p50 ${format(p50).padStart(9)}   max ${format(max).padStart(9)}`)
	}
	const ms = (value: number) => `${value.toFixed(0)} ms`
	console.log(`\nOpening a debugging attempt cold (${loads.length} loads, empty cache each, after 1 warm-up; ${EXERCISE})`)
	row(
		'editor created (Monaco)',
		loads.map((load) => load.editorCreatedMs),
		ms,
	)
	console.log(' until the editor is editable (a key press changes the text model):')
	row(
		'time from navigation',
		loads.map((load) => load.editable.ms),
		ms,
	)
	row(
		'on the wire (headers + encoded)',
		loads.map((load) => load.editable.encoded),
		mb,
	)
	row(
		'decoded',
		loads.map((load) => load.editable.decoded),
		mb,
	)
	row(
		'responses',
		loads.map((load) => load.editable.requests),
		String,
	)
	const ready = loads.flatMap((load) => (load.services ? [load.services] : []))
	if (ready.length < loads.length) console.log(`  (the TypeScript worker never answered in ${loads.length - ready.length} of ${loads.length} loads)`)
	if (ready.length > 0) {
		console.log(' until language services are ready (the TypeScript worker answers its first request):')
		row(
			'time from navigation',
			ready.map((moment) => moment.ms),
			ms,
		)
		row(
			'on the wire (headers + encoded)',
			ready.map((moment) => moment.encoded),
			mb,
		)
		row(
			'decoded',
			ready.map((moment) => moment.decoded),
			mb,
		)
	}
	console.log(' everything the page loaded (until the network is idle):')
	row(
		'on the wire (headers + encoded)',
		loads.map((load) => load.all.encoded),
		mb,
	)
	row(
		'decoded',
		loads.map((load) => load.all.decoded),
		mb,
	)
}

async function scriptWeight(page: Page, url: string, waitForEditor = false) {
	const bodies: Promise<Buffer | null>[] = []
	let monaco = false
	const onResponse = (response: PlaywrightResponse) => {
		if (response.request().resourceType() !== 'script') return
		if (/monaco|editor\.api|code-editor/.test(response.url())) monaco = true
		bodies.push(response.body().catch(() => null))
	}
	page.on('response', onResponse)
	await page.goto(`${base}${url}`, { waitUntil: 'networkidle' })
	if (waitForEditor) await page.locator('.monaco-editor').first().waitFor()
	page.off('response', onResponse)
	const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null)
	const kb = buffers.reduce((sum, body) => sum + gzipSync(body).length, 0) / 1024
	return { kb, monaco }
}

/** The exercise's src/ files as the attempt starts with them: path → text. */
function readSrcFiles(folder: string): Record<string, string> {
	const files: Record<string, string> = {}
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name)
			if (entry.isDirectory()) walk(full)
			else files[path.relative(folder, full).split(path.sep).join('/')] = readFileSync(full, 'utf8')
		}
	}
	walk(path.join(folder, 'src'))
	return files
}

function realisticBatch(nextSeq: () => number, starter: Record<string, string>, round: number) {
	const now = Date.now()
	const events: Array<{ id: string; seq: number; at: number; type: string; data: unknown }> = []
	const push = (type: string, data: unknown) => events.push({ id: randomUUID(), seq: nextSeq(), at: now - 1000 + events.length, type, data })
	// The code as it is after some edits: every round changes a comment, so the snapshot has a diff to store.
	push('snapshot', { files: { ...starter, 'src/cart.ts': `// edit ${round}\n${starter['src/cart.ts']}` } })
	const entries: string[] = []
	for (let i = 0; i < 2; i++) {
		const entryId = randomUUID()
		entries.push(entryId)
		push('journal.add', { entryId, kind: 'hypothesis', text: `Round ${round}: entry ${i} about the free-shipping rule and the bulky items.` })
	}
	for (let i = 0; i < 8; i++) push('journal.edit', { entryId: entries[i % 2]!, status: i % 3 ? 'confirmed' : 'refuted' })
	for (let i = 0; i < 35; i++) push('paste', { chars: 20 + i, outside: i % 2 === 0, blocked: false, file: 'src/shipping/promotions.ts' })
	for (let i = 0; i < 24; i++) push('insertion', { chars: 120 + i, file: 'src/cart.ts' })
	for (let i = 0; i < 15; i++) {
		push('focus.lost', {})
		push('focus.regained', { awayMs: 1500 + i })
	}
	return events.slice(0, 100)
}
