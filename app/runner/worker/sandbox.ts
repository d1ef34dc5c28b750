// One isolate per run, made from a V8 snapshot of the harness, with one context per test file.
// Erasable TypeScript: the worker runs under plain Node.
import { readFileSync } from 'node:fs'
import ivm from 'isolated-vm'
import { ensureHarnessBundle } from './harness-bundle.ts'
import { SIMULATION_SPECIFIER } from './modules.ts'

const DEFAULT_MEMORY_MB = 64

const harnessCode = readFileSync(await ensureHarnessBundle(), 'utf8')
const snapshot = ivm.Isolate.createSnapshot([{ code: harnessCode, filename: 'hardmode-harness' }])
const realNow = new ivm.Callback(() => performance.now())

/** The harness's controls (app/runner/harness/harness.ts, `api`), as the host calls them. */
export const HARNESS_CONTROLS = [
	'configure',
	'install',
	'seal',
	'beginFile',
	'endCollect',
	'startRun',
	'advance',
	'abandon',
	'reportUnhandledRejection',
	'takeResults',
	'takeConsole',
	'describeLoadError',
] as const
export type HarnessControls = Record<(typeof HARNESS_CONTROLS)[number], ivm.Reference<(...args: unknown[]) => unknown>>

export type SandboxContext = {
	context: ivm.Context
	api: HarnessControls
	testApiModule: ivm.Module
	simulationKit: ivm.Reference<unknown>
	simulationModule: Promise<ivm.Module> | null
	linkedSimulationModule?: ivm.Module
}

/** A run's isolate and its contexts; `runs` counts the clean runs the isolate served before this one. */
export type Sandbox = { isolate: ivm.Isolate; memoryMb: number; contexts: SandboxContext[]; used: boolean; runs: number }

/**
 * A fresh context, with the harness installed, the test API module ready and the realm sealed.
 * Each test file gets its own, so globals, spies, the clock and the seed start afresh per file.
 */
export async function prepareContext(isolate: ivm.Isolate): Promise<SandboxContext> {
	const context = await isolate.createContext()
	await context.global.set('__hmRealNow', realNow)
	const hm = (await context.global.get('__hm', { reference: true })) as ivm.Reference<Record<string, unknown>>
	const api = Object.fromEntries(HARNESS_CONTROLS.map((name) => [name, hm.getSync(name, { reference: true })])) as HarnessControls
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
	const simulationKit = (await context.global.get('__hmSim', { reference: true })) as ivm.Reference<unknown>
	// Learner code must not reach the harness's controls or the host's clock (V8 puts
	// WebAssembly back in every new context, so it goes per context), and must not be able to
	// change the built-ins, the test API or the assertion library the verdict depends on.
	api.seal.applySync(undefined, [], { timeout: 1000 })
	return { context, api, testApiModule, simulationKit, simulationModule: null }
}

/**
 * The 'hardmode:sim' module. Runs while a test file is being linked, before any of its code
 * runs, so the kit's handle is on the global scope only while no learner code can see it.
 */
export function simulationModuleFor(isolate: ivm.Isolate, current: SandboxContext): Promise<ivm.Module> {
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

async function prepareSandbox(memoryMb: number, reuse: ReusableIsolate | null): Promise<Sandbox> {
	if (reuse && reuse.memoryMb === memoryMb && !reuse.isolate.isDisposed) {
		// A fresh context (realm) in an isolate that has served clean runs before.
		return { isolate: reuse.isolate, memoryMb, contexts: [await prepareContext(reuse.isolate)], used: false, runs: reuse.runs }
	}
	if (reuse && !reuse.isolate.isDisposed) reuse.isolate.dispose()
	const isolate = new ivm.Isolate({ snapshot, memoryLimit: memoryMb })
	try {
		return { isolate, memoryMb, contexts: [await prepareContext(isolate)], used: false, runs: 0 }
	} catch (error) {
		if (!isolate.isDisposed) isolate.dispose()
		throw error
	}
}

// An isolate is reused for the next run's fresh context only after runs that ended cleanly, for
// a bounded number of runs, while its heap stays small (ADR 013): making the isolate was the
// largest part of preparing a run. Every run still gets its own realm, so no object, global or
// built-in of one run is reachable from the next.
const MAX_RUNS_PER_ISOLATE = 25
const MAX_REUSED_HEAP_FRACTION = 0.25
type ReusableIsolate = { isolate: ivm.Isolate; memoryMb: number; runs: number }
let reusable: ReusableIsolate | null = null

// Made right after each run, so a learner pressing Run on an idle worker skips the set-up.
let spare: Promise<Sandbox> | null = null

/** An isolate with a fresh first context ready: the spare one when its memory limit fits. */
export function takeSandbox(memoryMb: number): Promise<Sandbox> {
	const ready = spare
	spare = null
	if (ready) {
		return ready.then(
			(sandbox) => {
				if (sandbox.memoryMb === memoryMb) return sandbox
				releaseSandbox(sandbox, false)
				return prepareSandbox(memoryMb, null)
			},
			() => prepareSandbox(memoryMb, null),
		)
	}
	return prepareSandbox(memoryMb, null)
}

export function prepareSpare() {
	const reuse = reusable
	reusable = null
	spare = prepareSandbox(DEFAULT_MEMORY_MB, reuse)
	spare.catch(() => {})
}

/**
 * Drops every handle into the run's contexts now rather than at the next GC, so native memory
 * is returned run by run. The isolate is kept for the next run only when `clean` says the run
 * ended without a limit or an error and the isolate is still small; otherwise it is disposed.
 */
export function releaseSandbox(sandbox: Sandbox, clean: boolean) {
	for (const { api, testApiModule, simulationKit, linkedSimulationModule, context } of sandbox.contexts) {
		for (const ref of Object.values(api)) ref.release()
		testApiModule.release()
		simulationKit.release()
		linkedSimulationModule?.release()
		context.release()
	}
	const { isolate } = sandbox
	if (isolate.isDisposed) return
	if (clean && sandbox.runs + 1 < MAX_RUNS_PER_ISOLATE && heapIsSmall(isolate, sandbox.memoryMb)) {
		reusable = { isolate, memoryMb: sandbox.memoryMb, runs: sandbox.runs + 1 }
		return
	}
	isolate.dispose()
}

function heapIsSmall(isolate: ivm.Isolate, memoryMb: number) {
	try {
		const heap = isolate.getHeapStatisticsSync()
		return heap.used_heap_size + heap.externally_allocated_size < memoryMb * 1024 * 1024 * MAX_REUSED_HEAP_FRACTION
	} catch {
		return false
	}
}
