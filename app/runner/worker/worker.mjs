// The sandbox worker: a child process of the app server that runs learner code in
// isolated-vm, one fresh isolate per run. Plain JavaScript so plain Node runs it in
// production. Talks to its pool over IPC: { type: 'run', id, request } → { type: 'result', id, result }.
import { readFileSync } from 'node:fs'
import { stripTypeScriptTypes } from 'node:module'
import path from 'node:path'
import { transformSync } from 'esbuild'
import ivm from 'isolated-vm'
import { appendCappedTests, capUtf8, parseHarnessJson } from '../result-caps.ts'
import { ensureHarnessBundle } from './harness-bundle.mjs'

// stripTypeScriptTypes warns once that it is experimental; the warning is noise here.
process.removeAllListeners('warning')

const TEST_FILE = /\.(test|spec)\.(ts|js|mts|mjs)$/
const CODE_FILE = /\.(ts|js|mts|mjs)$/
const TEST_API_SPECIFIERS = new Set(['vitest', '@jest/globals', 'vitest/globals', '@vitest/expect'])
// The simulation kit of architecture exercises (app/runner/harness/simulation.ts).
const SIMULATION_SPECIFIER = 'hardmode:sim'
const EXTENSIONS = ['', '.ts', '.js', '.mts', '.mjs', '/index.ts', '/index.js']
const DEFAULT_MEMORY_MB = 64

const harnessCode = readFileSync(await ensureHarnessBundle(), 'utf8')
const snapshot = ivm.Isolate.createSnapshot([{ code: harnessCode, filename: 'hardmode-harness' }])
const realNow = new ivm.Callback(() => performance.now())

class RunStop extends Error {
	constructor(limit, message) {
		super(message ?? limit)
		this.limit = limit
	}
}

class ResultsTooLarge extends Error {}

/** A small JSON answer of the harness (its console, a load error's description), or null if it is not one. */
function harnessJson(json, maxChars = 64 * 1024) {
	const parsed = parseHarnessJson(json, maxChars)
	return parsed.ok && parsed.value && typeof parsed.value === 'object' ? parsed.value : null
}

function locationFromMessage(message) {
	const match = /\[([^\]\s]+):(\d+):(\d+)\]\s*$/.exec(message)
	return match ? { file: match[1], line: Number(match[2]), column: Number(match[3]) } : undefined
}

function toJavaScript(file, source) {
	if (!/\.m?ts$/.test(file)) return source
	try {
		// 'strip' replaces types with spaces, so every line and column stays where it was.
		return stripTypeScriptTypes(source, { mode: 'strip' })
	} catch (error) {
		throw describeStripError(file, source, error)
	}
}

const UNSUPPORTED = [
	[/\benum\s+\w+/, 'an enum: use a union of string literals or a plain object instead'],
	[/\bnamespace\s+\w+/, 'a namespace: use a module (a separate file) instead'],
	[/constructor\s*\([^)]*\b(private|public|protected|readonly)\s/, 'a parameter property: declare the field and assign it in the constructor instead'],
	[/^\s*@\w+/, 'a decorator'],
]

// The type stripper says what is wrong but not where; esbuild's parser finds the place.
function describeStripError(file, source, error) {
	const lines = source.split('\n')
	if (error.code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') {
		for (const [pattern, what] of UNSUPPORTED) {
			const index = lines.findIndex((line) => pattern.test(line))
			if (index >= 0) {
				const column = lines[index].search(pattern) + 1
				return Object.assign(new Error(`${file}:${index + 1}:${column}: this file uses ${what}. Types are stripped, not compiled, so only type annotations can be used.`), {
					location: { file, line: index + 1, column },
				})
			}
		}
	}
	try {
		transformSync(source, { loader: 'ts', sourcefile: file, logLevel: 'silent' })
	} catch (parseError) {
		const found = parseError.errors?.[0]
		if (found?.location) {
			const location = { file, line: found.location.line, column: found.location.column + 1 }
			return Object.assign(new Error(`${file}:${location.line}:${location.column}: ${found.text}`), { location })
		}
	}
	return Object.assign(new Error(`${file}: ${String(error.message).split('\n')[0]}`), { location: { file, line: 1, column: 1 } })
}

// Learners press Run again and again on nearly the same files: keep each file's stripped
// JavaScript and V8's code cache for it (made by V8 from that same text, never supplied by
// a learner), keyed by name and content, most recently used last.
const compileCache = new Map()
const COMPILE_CACHE_ENTRIES = 400
async function compileCached(isolate, file, source) {
	const key = `${file}\0${source}`
	const hit = compileCache.get(key)
	if (hit) {
		compileCache.delete(key)
		compileCache.set(key, hit)
		const compiled = await isolate.compileModule(hit.js, { filename: file, ...(hit.cachedData ? { cachedData: hit.cachedData } : {}) })
		return compiled
	}
	const js = toJavaScript(file, source)
	const compiled = await isolate.compileModule(js, { filename: file, produceCachedData: true })
	compileCache.set(key, { js, cachedData: compiled.cachedData })
	if (compileCache.size > COMPILE_CACHE_ENTRIES) {
		const [oldestKey, oldest] = compileCache.entries().next().value
		oldest.cachedData?.release()
		compileCache.delete(oldestKey)
	}
	return compiled
}

// Code under test (any file that is not a test file or under tests/) may import only other
// code under test: the test API, the simulation kit and test files (the hidden ones above all)
// are for tests.
function isTestCode(file) {
	return TEST_FILE.test(file) || file.startsWith('tests/')
}
function refuseForCodeUnderTest(referrer, specifier, target) {
	return new Error(`${referrer} imports "${specifier}"${target && target !== specifier ? ` (${target})` : ''}: code under test cannot import the tests or the test API; only test files can.`)
}

function resolveSpecifier(files, specifier, referrer) {
	if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
		throw new Error(`${referrer} imports "${specifier}", which is not available in the sandbox: only the exercise's own files (like './cart') and 'vitest' can be imported.`)
	}
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(referrer), specifier))
	const stem = base.replace(/\.(js|mjs)$/, '')
	for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => stem + ext)]) {
		if (Object.hasOwn(files, candidate) && CODE_FILE.test(candidate)) {
			if (isTestCode(candidate) && !isTestCode(referrer)) throw refuseForCodeUnderTest(referrer, specifier, candidate)
			return candidate
		}
	}
	throw new Error(`${referrer} imports "${specifier}", but there is no such file (looked for ${base}.ts, ${base}.js and ${base}/index.ts).`)
}

// A fresh context, with the harness installed and the test API module ready. Each test file
// gets its own, so globals, spies, the clock and the seed start afresh per file, as in Vitest.
async function prepareContext(isolate) {
	const context = await isolate.createContext()
	await context.global.set('__hmRealNow', realNow)
	const hm = await context.global.get('__hm', { reference: true })
	const api = Object.fromEntries(
		['configure', 'install', 'seal', 'beginFile', 'endCollect', 'startRun', 'advance', 'abandon', 'reportUnhandledRejection', 'takeResults', 'takeConsole', 'describeLoadError'].map((name) => [name, hm.getSync(name, { reference: true })]),
	)
	hm.release()
	api.install.applySync(undefined, [], { timeout: 1000 })
	// The test API module reads the harness's object before the handle is removed.
	const testApiModule = await isolate.compileModule(
		`const t = globalThis.__hmTestApi; export const { describe, suite, it, test, xit, xtest, xdescribe, fit, fdescribe, beforeAll, afterAll, beforeEach, afterEach, expect, vi, vitest, jest } = t; export default t;`,
		{ filename: 'vitest' },
	)
	await testApiModule.instantiate(context, () => {
		throw new Error('unexpected import')
	})
	await testApiModule.evaluate({ timeout: 1000 })
	// Most test files never import the simulation kit: its module is made on first import.
	const simulationKit = await context.global.get('__hmSim', { reference: true })
	// Learner code must not reach the harness's controls or the host's clock (V8 puts
	// WebAssembly back in every new context, so it goes per context), and must not be able to
	// change the built-ins, the test API or the assertion library the verdict depends on.
	api.seal.applySync(undefined, [], { timeout: 1000 })
	return { context, api, testApiModule, simulationKit, simulationModule: null }
}

// Runs while the test file is being linked, before any of its code runs, so the kit's
// handle is on the global scope only while no learner code can see it.
async function simulationModuleFor(isolate, current) {
	current.simulationModule ??= (async () => {
		const { context, simulationKit } = current
		await context.global.set('__hmSim', simulationKit.derefInto())
		try {
			const module = await isolate.compileModule(
				`const s = globalThis.__hmSim; export const { scenario, simulate, SimulatedFailure, STANDARD_METRICS } = s; export default s;`,
				{ filename: SIMULATION_SPECIFIER },
			)
			await module.instantiate(context, () => {
				throw new Error('unexpected import')
			})
			await module.evaluate({ timeout: 1000 })
			current.linkedSimulationModule = module
			return module
		} finally {
			await context.eval('delete globalThis.__hmSim', { timeout: 1000 })
		}
	})()
	return current.simulationModule
}

// A fresh isolate with its first context ready.
async function prepareSandbox(memoryMb) {
	const isolate = new ivm.Isolate({ snapshot, memoryLimit: memoryMb })
	try {
		return { isolate, memoryMb, contexts: [await prepareContext(isolate)] }
	} catch (error) {
		if (!isolate.isDisposed) isolate.dispose()
		throw error
	}
}

// Made right after each run, so a learner pressing Run on an idle worker skips the set-up.
let spare = null
function takeSandbox(memoryMb) {
	const ready = spare
	spare = null
	if (ready) {
		return ready.then(
			(sandbox) => (sandbox.memoryMb === memoryMb ? sandbox : (releaseSandbox(sandbox), prepareSandbox(memoryMb))),
			() => prepareSandbox(memoryMb),
		)
	}
	return prepareSandbox(memoryMb)
}
function prepareSpare() {
	spare = prepareSandbox(DEFAULT_MEMORY_MB)
	spare.catch(() => {})
}

async function runRequest(request) {
	const limits = request.limits
	const started = performance.now()
	const files = request.files
	const testFiles = request.testFiles ?? Object.keys(files).filter((f) => TEST_FILE.test(f)).sort()
	let sandbox
	try {
		sandbox = await takeSandbox(limits.memoryMb)
	} catch (error) {
		return { status: 'error', message: `The sandbox could not start: ${cleanMessage(error)}`, tests: [], compileMs: 0 }
	}
	const { isolate } = sandbox
	let compileMs = 0
	const cpuBudgetNs = BigInt(limits.cpuMs) * 1_000_000n + isolate.cpuTime
	const remainingMs = () => {
		const left = Number(cpuBudgetNs - isolate.cpuTime) / 1e6
		if (left <= 0) throw new RunStop('time')
		return Math.max(1, Math.ceil(left))
	}
	const compiledModules = []
	// Every call into the isolate gets what is left of the CPU budget as its timeout.
	const call = (ref, args = []) => {
		try {
			return ref.applySync(undefined, args, { timeout: remainingMs() })
		} catch (error) {
			throw classify(error, isolate)
		}
	}
	// isolated-vm reports a promise rejected with no handler by throwing it from the call during
	// which it happened, once that call is over; it belongs to the test, not to the run.
	let api = null
	const step = (ref, args = []) => {
		try {
			return call(ref, args)
		} catch (error) {
			if (error instanceof RunStop) throw error
			call(api.reportUnhandledRejection, [String(error?.message ?? error).slice(0, 4000), String(error?.stack ?? '').slice(0, 20_000)])
			return 'step'
		}
	}
	try {
		const tests = []
		let fileProblem = null
		let output = ''
		let outputBytes = 0
		let outputTruncated = false
		for (const testFile of testFiles) {
			if (!Object.hasOwn(files, testFile)) {
				fileProblem ??= { message: `There is no test file ${testFile}.` }
				continue
			}
			const fresh = !sandbox.used
			sandbox.used = true
			const current = fresh ? sandbox.contexts[0] : await prepareContext(isolate)
			if (!fresh) sandbox.contexts.push(current)
			const { context, testApiModule } = current
			api = current.api
			// The run's allowances (console bytes, number of tests) are shared by its files.
			call(api.configure, [
				JSON.stringify({
					seed: request.seed ?? 1,
					outputBytes: Math.max(1, limits.outputBytes - outputBytes),
					maxTests: Math.max(0, limits.maxTests - tests.length),
					files: Object.keys(files),
				}),
			])
			// Each test file gets its own instances of the modules it imports, as in Vitest.
			const compileStarted = performance.now()
			const modules = new Map()
			const fileOf = new Map()
			const compile = async (file) => {
				if (modules.has(file)) return modules.get(file)
				const promise = (async () => {
					try {
						const compiled = await compileCached(isolate, file, files[file])
						fileOf.set(compiled, file)
						compiledModules.push(compiled)
						return compiled
					} catch (error) {
						if (error.location) throw error
						const classified = classify(error, isolate)
						if (classified instanceof RunStop) throw classified
						const location = locationFromMessage(String(error.message))
						const text = String(error.message).replace(/\s*\[[^\]]+\]\s*$/, '')
						throw Object.assign(new Error(`${location ? `${location.file}:${location.line}:${location.column}: ` : `${file}: `}${text}`), { location })
					}
				})()
				modules.set(file, promise)
				return promise
			}
			let entry
			try {
				entry = await compile(testFile)
				await entry.instantiate(context, async (specifier, referrer) => {
					const from = fileOf.get(referrer) ?? testFile
					if (TEST_API_SPECIFIERS.has(specifier) || specifier === SIMULATION_SPECIFIER) {
						if (!isTestCode(from)) throw refuseForCodeUnderTest(from, specifier)
						return specifier === SIMULATION_SPECIFIER ? simulationModuleFor(isolate, current) : testApiModule
					}
					return compile(resolveSpecifier(files, specifier, from))
				})
			} catch (error) {
				if (error instanceof RunStop) throw error
				compileMs += performance.now() - compileStarted
				return {
					status: 'error',
					message: String(error.message),
					location: error.location ?? undefined,
					tests,
					compileMs,
				}
			}
			compileMs += performance.now() - compileStarted

			call(api.beginFile, [testFile])
			try {
				const evaluation = entry.evaluate({ timeout: remainingMs(), promise: true })
				await evaluation
			} catch (error) {
				const classified = classify(error, isolate)
				if (classified instanceof RunStop) throw classified
				call(api.endCollect)
				takeResults(api, tests)
				const tampered = harnessJson(call(api.describeLoadError, [String(error?.message ?? '').slice(0, 4000), String(error?.stack ?? '').slice(0, 20_000)]))
				const failure = tampered?.message ? { message: String(tampered.message), ...(tampered.location ? { location: tampered.location } : {}) } : { message: cleanMessage(error), ...locationOf(error) }
				if (!appendCappedTests(tests, [{ name: `${testFile} (loading the file)`, file: testFile, status: 'error', durationMs: 0, ...failure }], limits.maxTests, limits.outputBytes)) throw new RunStop('tests')
				continue
			}
			call(api.endCollect)
			step(api.startRun)
			// Giving up on a stuck test lets the run move on; if it still does not move after
			// a few tries, the code broke the machinery itself (say, replaced Promise.prototype.then).
			let idleInARow = 0
			for (;;) {
				const state = step(api.advance)
				if (state === 'done') break
				if (state !== 'idle') {
					idleInARow = 0
					continue
				}
				const abandoned = call(api.abandon, ['The test is waiting for a promise that never settles (nothing else is scheduled).'])
				if (!abandoned || ++idleInARow > 3) {
					fileProblem ??= { message: `${testFile}: the tests stopped responding, so the rest of this file did not run. Built-in functions the test runner needs (such as Promise) may have been replaced.` }
					break
				}
			}
			const fileError = takeResults(api, tests)
			if (fileError) fileProblem ??= { message: `${testFile}: ${fileError}` }
			const part = harnessJson(call(api.takeConsole), limits.outputBytes * 6 + 4096)
			if (!outputTruncated) {
				const text = typeof part?.console === 'string' ? part.console : ''
				const capped = capUtf8(text, Math.max(0, limits.outputBytes - outputBytes))
				output += capped.text
				outputBytes += Buffer.byteLength(capped.text)
				outputTruncated = Boolean(part?.truncated) || capped.cut || part === null
				if (outputTruncated) output += `\n… output truncated: the console limit is ${Math.round(limits.outputBytes / 1024)} KB\n`
			}
		}
		return { tests, console: output, outputTruncated, compileMs, fileProblem, runMs: performance.now() - started }

		/** Moves one file's results out of the isolate, within the run's caps; returns the file's own error, if any. */
		function takeResults(api, tests) {
			const taken = parseHarnessJson(call(api.takeResults))
			if (!taken.ok) throw new ResultsTooLarge(taken.reason)
			const { results, fileError } = taken.value ?? {}
			if (typeof fileError === 'string' && fileError.startsWith('limit:')) throw new RunStop(fileError === 'limit:time' || fileError === 'limit:memory' ? fileError.slice('limit:'.length) : 'tests')
			if (!appendCappedTests(tests, results, limits.maxTests, limits.outputBytes)) throw new RunStop('tests')
			return typeof fileError === 'string' ? fileError.slice(0, 4000) : null
		}
	} catch (error) {
		if (error instanceof ResultsTooLarge) return { status: 'error', message: `The run could not be reported: ${error.message}. Nothing was recorded as passing.`, tests: [], compileMs }
		const stop = error instanceof RunStop ? error : classify(error, isolate)
		if (stop instanceof RunStop) return { stopped: stop.limit, compileMs, runMs: performance.now() - started }
		return { status: 'error', message: `The sandbox could not run this code: ${cleanMessage(error)}`, tests: [], compileMs }
	} finally {
		for (const compiled of compiledModules) compiled.release()
		releaseSandbox(sandbox)
	}
}

// Dispose the isolate and drop every handle into it now rather than at the next GC, so
// native memory is returned run by run.
function releaseSandbox(sandbox) {
	for (const { api, testApiModule, simulationKit, linkedSimulationModule, context } of sandbox.contexts) {
		for (const ref of Object.values(api)) ref.release()
		testApiModule.release()
		simulationKit.release()
		linkedSimulationModule?.release()
		context.release()
	}
	if (!sandbox.isolate.isDisposed) sandbox.isolate.dispose()
}

function locationOf(error) {
	const location = locationFromMessage(String(error?.message ?? ''))
	if (location) return { location }
	const match = /\(?([^\s()]+):(\d+):(\d+)\)?/.exec(String(error?.stack ?? '').split('\n').find((l) => /\.(ts|js|mts|mjs):\d+:\d+/.test(l)) ?? '')
	return match ? { location: { file: match[1], line: Number(match[2]), column: Number(match[3]) } } : {}
}

function cleanMessage(error) {
	const message = String(error?.message ?? error)
	if (message === 'Not supported') return 'Dynamic import() is not available in the sandbox: import the exercise’s own files with a static import at the top of the file.'
	return message
}

/** Turns isolated-vm's own errors into the limit they mean. */
function classify(error, isolate) {
	if (error instanceof RunStop) return error
	const message = String(error?.message ?? '')
	if (isolate.isDisposed || /memory limit|disposed/i.test(message)) return new RunStop('memory')
	if (/Script execution timed out/i.test(message)) return new RunStop('time')
	return error
}

let busy = Promise.resolve()
process.on('message', (message) => {
	if (message?.type !== 'run') return
	busy = busy.then(async () => {
		process.send({ type: 'started', id: message.id })
		let result
		try {
			result = await runRequest(message.request)
		} catch (error) {
			result = { status: 'error', message: `The sandbox failed: ${String(error?.message ?? error)}`, tests: [], compileMs: 0 }
		}
		process.send({ type: 'result', id: message.id, result, memory: process.memoryUsage().rss })
		prepareSpare()
	})
})
prepareSpare()
process.send({ type: 'ready', memory: process.memoryUsage().rss })
