// The simulation kit of architecture exercises, imported by their tests as 'hardmode:sim'.
// Runs INSIDE the isolate, on the harness's virtual clock: every wait of the simulated world
// (a dependency's latency, a retry's backoff, the design's own setTimeout) is a harness timer,
// and the host fires one timer per turn, so promise callbacks run in between as they would in
// production. A scenario is a test that plays traffic against a design, measures outcomes and
// compares them with thresholds; its report rides on the test's result (`scenario`).
import { STANDARD_METRICS, describeMisses, judge, type ScenarioReport, type Threshold } from './simulation-report.ts'
import { ScenarioDefinitionError, SimulatedFailure, createWorld, type Simulation, type SimulationOptions, type SimulationOutcome } from './simulation-world.ts'

export type { ScenarioReport } from './simulation-report.ts'

type Awaitable<T> = T | Promise<T>

/** What the harness lends the kit. Nothing here is reachable from learner code. */
export type SimulationHost = {
	/** Absolute virtual time, ms since the epoch. */
	now(): number
	setTimer(fn: () => void, ms: number): number
	clearTimer(id: number): void
	/** The id the next timer will get: timers from it on belong to the simulation started now. */
	nextTimerId(): number
	clearTimersFrom(firstId: number): void
	pendingTimersFrom(firstId: number, except: ReadonlySet<number>): number
	/** A gate is set while a world plays: it may veto timers, and the test's timeout waits meanwhile. */
	setGate(gate: ((id: number) => boolean) | null): void
	/** Registers a test; its timeout does not run while a simulated world is playing. */
	defineTest(name: string, body: () => Promise<void>, mode: 'run' | 'skip' | 'only'): void
	attachScenario(report: ScenarioReport): void
	runSeed(): number
}

export type ScenarioOptions = SimulationOptions & {
	/** Which stage of the exercise this scenario belongs to (1 = launch, 2 = six months later). Default 1. */
	stage?: number
	/** Metric name → { atLeast } or { atMost }. A scenario passes iff every threshold does. */
	thresholds: Record<string, Threshold>
}

export function createSimulationKit(host: SimulationHost) {
	let activeWorld: { end(): void } | null = null

	async function simulate(options: SimulationOptions, body: (sim: Simulation) => Awaitable<void>): Promise<SimulationOutcome> {
		checkSimulationOptions(options)
		const world = createWorld(host, options)
		activeWorld = world
		await world.play(body)
		return world.outcome()
	}

	function defineScenario(mode: 'run' | 'skip' | 'only') {
		return (name: string, options: ScenarioOptions, body: (sim: Simulation) => Awaitable<void>) => {
			if (typeof name !== 'string' || name.trim() === '')
				throw new ScenarioDefinitionError("scenario() needs a name, e.g. scenario('a burst of duplicate deliveries', { thresholds: { … } }, (sim) => { … }).")
			if (!options || typeof options !== 'object')
				throw new ScenarioDefinitionError(`scenario "${name}": the second argument must be the options, with thresholds.`)
			if (typeof body !== 'function')
				throw new ScenarioDefinitionError(`scenario "${name}": the third argument must be a function that sets up the simulation.`)
			checkSimulationOptions(options, name)
			const stage = options.stage ?? 1
			if (!Number.isInteger(stage) || stage < 1)
				throw new ScenarioDefinitionError(`scenario "${name}": stage must be a whole number from 1, not ${String(options.stage)}.`)
			const thresholds = checkThresholds(options.thresholds, name)
			host.defineTest(name, () => runScenario(stage, thresholds, options, body), mode)
		}
	}

	async function runScenario(stage: number, thresholds: Record<string, Threshold>, options: ScenarioOptions, body: (sim: Simulation) => Awaitable<void>) {
		const world = createWorld(host, options)
		activeWorld = world
		const report: ScenarioReport = { stage, seed: world.seed, passed: false, virtualMs: 0, events: 0, requests: 0, metrics: [] }
		try {
			await world.play(body)
		} catch (error) {
			const outcome = world.outcome()
			host.attachScenario({ ...report, virtualMs: outcome.virtualMs, events: outcome.events, requests: outcome.requests })
			throw error
		}
		const outcome = world.outcome()
		const known = new Set(outcome.metrics.map((metric) => metric.name))
		const unknown = Object.keys(thresholds).filter((name) => !known.has(name))
		const metrics = outcome.metrics.map((metric) => judge(metric, thresholds[metric.name]))
		const passed = outcome.stoppedBy === undefined && unknown.length === 0 && metrics.every((metric) => metric.passed !== false)
		host.attachScenario({
			...report,
			passed,
			...(outcome.stoppedBy ? { stoppedBy: outcome.stoppedBy } : {}),
			virtualMs: outcome.virtualMs,
			events: outcome.events,
			requests: outcome.requests,
			metrics,
		})
		if (outcome.message) throw new Error(outcome.message)
		const failure = world.failure()
		if (failure !== null) throw failure
		if (unknown.length > 0) {
			throw new Error(
				`This scenario has a threshold for ${unknown.map((name) => `"${name}"`).join(', ')}, which it never measured. Standard metrics: ${STANDARD_METRICS.map((metric) => metric.name).join(', ')}; add others with sim.metric().`,
			)
		}
		if (!passed) throw new Error(describeMisses(metrics))
	}

	const scenario = Object.assign(defineScenario('run'), { skip: defineScenario('skip'), only: defineScenario('only') })
	return {
		/** What `import … from 'hardmode:sim'` gives a test file. */
		exports: { scenario, simulate, SimulatedFailure, STANDARD_METRICS },
		/** Called by the harness when a test ends: whatever the simulation left scheduled must not run on. */
		testEnded() {
			activeWorld?.end()
			activeWorld = null
		},
	}
}

function checkSimulationOptions(options: SimulationOptions, scenarioName?: string) {
	const where = scenarioName ? `scenario "${scenarioName}": ` : 'simulate(): '
	if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new ScenarioDefinitionError(`${where}seed must be a whole number.`)
	if (options.settleMs !== undefined && !(options.settleMs >= 0)) throw new ScenarioDefinitionError(`${where}settleMs must be 0 or more.`)
	if (options.maxEvents !== undefined && !(Number.isInteger(options.maxEvents) && options.maxEvents > 0))
		throw new ScenarioDefinitionError(`${where}maxEvents must be a whole number above 0.`)
}

function checkThresholds(thresholds: unknown, scenarioName: string): Record<string, Threshold> {
	if (!thresholds || typeof thresholds !== 'object')
		throw new ScenarioDefinitionError(`scenario "${scenarioName}": thresholds are required, e.g. { duplicateSideEffects: { atMost: 0 } }.`)
	const checked: Record<string, Threshold> = {}
	for (const [name, threshold] of Object.entries(thresholds as Record<string, unknown>)) {
		const { atLeast, atMost } = (threshold ?? {}) as { atLeast?: unknown; atMost?: unknown }
		const bound = atLeast ?? atMost
		if ((atLeast === undefined) === (atMost === undefined) || typeof bound !== 'number' || !Number.isFinite(bound)) {
			throw new ScenarioDefinitionError(`scenario "${scenarioName}": the threshold for ${name} must be { atLeast: n } or { atMost: n }.`)
		}
		checked[name] = atLeast !== undefined ? { atLeast: atLeast as number } : { atMost: atMost as number }
	}
	if (Object.keys(checked).length === 0)
		throw new ScenarioDefinitionError(`scenario "${scenarioName}": give at least one threshold; a scenario without one cannot fail.`)
	return checked
}
