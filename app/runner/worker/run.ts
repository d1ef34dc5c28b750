// One run in the worker: each test file linked, evaluated and its tests driven through the
// harness under the run's CPU budget; what leaves the isolate capped on the way out
// (result-caps.ts). Erasable TypeScript: the worker runs under plain Node.
import type ivm from 'isolated-vm'
import type { SourceLocation, WorkerRunReport, WorkerRunRequest } from '../protocol.ts'
import { appendCappedTests, capUtf8, parseHarnessJson, type CappedTest } from '../result-caps.ts'
import { TEST_FILE_PATTERN, isTestCode } from '../test-files.ts'
import {
	LocatedError,
	SIMULATION_SPECIFIER,
	TEST_API_SPECIFIERS,
	compileCached,
	locationFromMessage,
	refuseForCodeUnderTest,
	resolveSpecifier,
} from './modules.ts'
import { prepareContext, releaseSandbox, simulationModuleFor, takeSandbox, type HarnessControls, type Sandbox, type SandboxContext } from './sandbox.ts'

type Limit = 'time' | 'memory' | 'tests'

/** A limit stopped the run. */
class RunStop extends Error {
	readonly limit: Limit
	constructor(limit: Limit) {
		super(limit)
		this.limit = limit
	}
}

/** The harness answered with more than the host reads. */
class ResultsTooLarge extends Error {}

const messageOf = (error: unknown) => String((error as Error | undefined)?.message ?? error)

function cleanMessage(error: unknown) {
	const message = messageOf(error)
	if (message === 'Not supported')
		return 'Dynamic import() is not available in the sandbox: import the exercise’s own files with a static import at the top of the file.'
	return message
}

function locationOf(error: unknown): { location?: SourceLocation } {
	const location = locationFromMessage(messageOf(error))
	if (location) return { location }
	const stack = String((error as Error | undefined)?.stack ?? '')
	const match = /\(?([^\s()]+):(\d+):(\d+)\)?/.exec(stack.split('\n').find((line) => /\.(ts|js|mts|mjs):\d+:\d+/.test(line)) ?? '')
	return match ? { location: { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } } : {}
}

/** Turns isolated-vm's own errors into the limit they mean. */
function classify(error: unknown, isolate: ivm.Isolate): unknown {
	if (error instanceof RunStop) return error
	const message = String((error as Error | undefined)?.message ?? '')
	if (isolate.isDisposed || /memory limit|disposed/i.test(message)) return new RunStop('memory')
	if (/Script execution timed out/i.test(message)) return new RunStop('time')
	return error
}

/** A small JSON answer of the harness (its console, a load error's description), or null if it is not one. */
function harnessJson(json: unknown, maxChars = 64 * 1024): Record<string, unknown> | null {
	const parsed = parseHarnessJson(json, maxChars)
	return parsed.ok && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : null
}

export async function runRequest(request: WorkerRunRequest): Promise<WorkerRunReport> {
	let sandbox: Sandbox
	try {
		sandbox = await takeSandbox(request.limits.memoryMb)
	} catch (error) {
		return { kind: 'error', message: `The sandbox could not start: ${cleanMessage(error)}`, tests: [], compileMs: 0 }
	}
	const run = new Run(request, sandbox)
	let report: WorkerRunReport | null = null
	try {
		report = await run.play()
		return report
	} finally {
		run.release()
		releaseSandbox(sandbox, report?.kind === 'ran' && report.fileProblem === null)
	}
}

class Run {
	private readonly started = performance.now()
	private readonly isolate: ivm.Isolate
	private readonly limits: WorkerRunRequest['limits']
	private readonly files: Record<string, string>
	private readonly cpuBudgetNs: bigint
	private readonly compiledModules: ivm.Module[] = []
	private readonly tests: CappedTest[] = []
	private compileMs = 0
	private fileProblem: string | null = null
	private output = ''
	private outputBytes = 0
	private outputTruncated = false

	private readonly request: WorkerRunRequest
	private readonly sandbox: Sandbox

	constructor(request: WorkerRunRequest, sandbox: Sandbox) {
		this.request = request
		this.sandbox = sandbox
		this.isolate = sandbox.isolate
		this.limits = request.limits
		this.files = request.files
		this.cpuBudgetNs = BigInt(this.limits.cpuMs) * 1_000_000n + this.isolate.cpuTime
	}

	async play(): Promise<WorkerRunReport> {
		const testFiles =
			this.request.testFiles ??
			Object.keys(this.files)
				.filter((file) => TEST_FILE_PATTERN.test(file))
				.sort()
		try {
			for (const testFile of testFiles) {
				const stop = await this.playFile(testFile)
				if (stop) return stop
			}
			return {
				kind: 'ran',
				tests: this.tests,
				console: this.output,
				outputTruncated: this.outputTruncated,
				compileMs: this.compileMs,
				fileProblem: this.fileProblem,
				runMs: this.elapsed(),
			}
		} catch (error) {
			if (error instanceof ResultsTooLarge)
				return {
					kind: 'error',
					message: `The run could not be reported: ${error.message}. Nothing was recorded as passing.`,
					tests: [],
					compileMs: this.compileMs,
				}
			const stop = classify(error, this.isolate)
			if (stop instanceof RunStop) return { kind: 'stopped', limit: stop.limit, compileMs: this.compileMs, runMs: this.elapsed() }
			return { kind: 'error', message: `The sandbox could not run this code: ${cleanMessage(error)}`, tests: [], compileMs: this.compileMs }
		}
	}

	release() {
		for (const compiled of this.compiledModules) compiled.release()
	}

	private elapsed() {
		return performance.now() - this.started
	}

	private remainingMs() {
		const left = Number(this.cpuBudgetNs - this.isolate.cpuTime) / 1e6
		if (left <= 0) throw new RunStop('time')
		return Math.max(1, Math.ceil(left))
	}

	/** Every call into the isolate gets what is left of the CPU budget as its timeout. */
	private call(ref: ivm.Reference<(...args: unknown[]) => unknown>, args: unknown[] = []): unknown {
		try {
			return ref.applySync(undefined, args as never[], { timeout: this.remainingMs() })
		} catch (error) {
			throw classify(error, this.isolate)
		}
	}

	// isolated-vm reports a promise rejected with no handler by throwing it from the call during
	// which it happened, once that call is over; it belongs to the test, not to the run.
	private step(api: HarnessControls, ref: ivm.Reference<(...args: unknown[]) => unknown>): unknown {
		try {
			return this.call(ref)
		} catch (error) {
			if (error instanceof RunStop) throw error
			this.call(api.reportUnhandledRejection, [messageOf(error).slice(0, 4000), String((error as Error | undefined)?.stack ?? '').slice(0, 20_000)])
			return 'step'
		}
	}

	/** Runs one test file in its own context; returns a report only when the run must end here. */
	private async playFile(testFile: string): Promise<WorkerRunReport | null> {
		if (!Object.hasOwn(this.files, testFile)) {
			this.fileProblem ??= `There is no test file ${testFile}.`
			return null
		}
		const fresh = !this.sandbox.used
		this.sandbox.used = true
		const current = fresh ? this.sandbox.contexts[0]! : await prepareContext(this.isolate)
		if (!fresh) this.sandbox.contexts.push(current)
		const { api } = current
		// The run's allowances (console bytes, number of tests) are shared by its files.
		this.call(api.configure, [
			JSON.stringify({
				seed: this.request.seed ?? 1,
				outputBytes: Math.max(1, this.limits.outputBytes - this.outputBytes),
				maxTests: Math.max(0, this.limits.maxTests - this.tests.length),
				files: Object.keys(this.files),
			}),
		])
		const compileStarted = performance.now()
		let entry: ivm.Module
		try {
			entry = await this.link(testFile, current)
		} catch (error) {
			if (error instanceof RunStop) throw error
			this.compileMs += performance.now() - compileStarted
			return {
				kind: 'error',
				message: messageOf(error),
				...(error instanceof LocatedError ? { location: error.location } : {}),
				tests: this.tests,
				compileMs: this.compileMs,
			}
		}
		this.compileMs += performance.now() - compileStarted

		this.call(api.beginFile, [testFile])
		try {
			await entry.evaluate({ timeout: this.remainingMs(), promise: true })
		} catch (error) {
			const classified = classify(error, this.isolate)
			if (classified instanceof RunStop) throw classified
			this.call(api.endCollect)
			this.takeResults(api)
			this.addTest({ name: `${testFile} (loading the file)`, file: testFile, status: 'error', durationMs: 0, ...this.describeLoadError(api, error) })
			return null
		}
		this.call(api.endCollect)
		this.step(api, api.startRun)
		this.driveTests(api, testFile)
		const fileError = this.takeResults(api)
		if (fileError) this.fileProblem ??= `${testFile}: ${fileError}`
		this.collectConsole(api)
		return null
	}

	/** Compiles the test file and links its imports; each test file gets its own module instances, as in Vitest. */
	private async link(testFile: string, current: SandboxContext): Promise<ivm.Module> {
		const modules = new Map<string, Promise<ivm.Module>>()
		const fileOf = new Map<ivm.Module, string>()
		const compile = (file: string) => {
			let promise = modules.get(file)
			if (!promise) {
				promise = this.compileFile(file, fileOf)
				modules.set(file, promise)
			}
			return promise
		}
		const entry = await compile(testFile)
		await entry.instantiate(current.context, async (specifier, referrer) => {
			const from = fileOf.get(referrer) ?? testFile
			if (TEST_API_SPECIFIERS.has(specifier) || specifier === SIMULATION_SPECIFIER) {
				if (!isTestCode(from)) throw refuseForCodeUnderTest(from, specifier)
				return specifier === SIMULATION_SPECIFIER ? simulationModuleFor(this.isolate, current) : current.testApiModule
			}
			return compile(resolveSpecifier(this.files, specifier, from))
		})
		return entry
	}

	private async compileFile(file: string, fileOf: Map<ivm.Module, string>): Promise<ivm.Module> {
		try {
			const compiled = await compileCached(this.isolate, file, this.files[file]!)
			fileOf.set(compiled, file)
			this.compiledModules.push(compiled)
			return compiled
		} catch (error) {
			if (error instanceof LocatedError) throw error
			const classified = classify(error, this.isolate)
			if (classified instanceof RunStop) throw classified
			const location = locationFromMessage(messageOf(error))
			const text = messageOf(error).replace(/\s*\[[^\]]+\]\s*$/, '')
			const where = location ? `${location.file}:${location.line}:${location.column}: ` : `${file}: `
			throw location ? new LocatedError(`${where}${text}`, location) : new Error(`${where}${text}`)
		}
	}

	/**
	 * Steps the harness's event loop until the file's tests are done. Giving up on a stuck test
	 * lets the run move on; if it still does not move after a few tries, the code broke the
	 * machinery itself.
	 */
	private driveTests(api: HarnessControls, testFile: string) {
		let idleInARow = 0
		for (;;) {
			const state = this.step(api, api.advance)
			if (state === 'done') return
			if (state !== 'idle') {
				idleInARow = 0
				continue
			}
			const abandoned = this.call(api.abandon, ['The test is waiting for a promise that never settles (nothing else is scheduled).'])
			if (!abandoned || ++idleInARow > 3) {
				this.fileProblem ??= `${testFile}: the tests stopped responding, so the rest of this file did not run. Built-in functions the test runner needs (such as Promise) may have been replaced.`
				return
			}
		}
	}

	/** What the learner should read about an error thrown while a file loaded: the harness names tampering with built-ins. */
	private describeLoadError(api: HarnessControls, error: unknown): { message: string; location?: SourceLocation } {
		const tampered = harnessJson(
			this.call(api.describeLoadError, [messageOf(error).slice(0, 4000), String((error as Error | undefined)?.stack ?? '').slice(0, 20_000)]),
		)
		if (typeof tampered?.message === 'string')
			return { message: tampered.message, ...(tampered.location ? { location: tampered.location as SourceLocation } : {}) }
		return { message: cleanMessage(error), ...locationOf(error) }
	}

	private addTest(test: unknown) {
		if (!appendCappedTests(this.tests, [test], this.limits.maxTests, this.limits.outputBytes)) throw new RunStop('tests')
	}

	/** Moves one file's results out of the isolate, within the run's caps; returns the file's own error, if any. */
	private takeResults(api: HarnessControls): string | null {
		const taken = parseHarnessJson(this.call(api.takeResults))
		if (!taken.ok) throw new ResultsTooLarge(taken.reason)
		const { results, fileError } = (taken.value ?? {}) as { results?: unknown; fileError?: unknown }
		if (typeof fileError === 'string' && fileError.startsWith('limit:'))
			throw new RunStop(fileError === 'limit:time' ? 'time' : fileError === 'limit:memory' ? 'memory' : 'tests')
		if (!appendCappedTests(this.tests, results, this.limits.maxTests, this.limits.outputBytes)) throw new RunStop('tests')
		return typeof fileError === 'string' ? fileError.slice(0, 4000) : null
	}

	private collectConsole(api: HarnessControls) {
		const part = harnessJson(this.call(api.takeConsole), this.limits.outputBytes * 6 + 4096)
		if (this.outputTruncated) return
		const text = typeof part?.console === 'string' ? part.console : ''
		const capped = capUtf8(text, Math.max(0, this.limits.outputBytes - this.outputBytes))
		this.output += capped.text
		this.outputBytes += Buffer.byteLength(capped.text)
		this.outputTruncated = Boolean(part?.truncated) || capped.cut || part === null
		if (this.outputTruncated) this.output += `\n… output truncated: the console limit is ${Math.round(this.limits.outputBytes / 1024)} KB\n`
	}
}
