// The harness's side of the simulation kit ('hardmode:sim'): what it lends the kit from the
// virtual clock, the test collection and the current test (SimulationHost).
import { clearTimer, clearTimersFrom, clock, countTimersFrom, peekNextTimerId, schedule } from './clock.ts'
import { addTest } from './collection.ts'
import { config } from './config.ts'
import { currentTest } from './run-state.ts'
import { createSimulationKit } from './simulation.ts'

let simulationStartedAt = 0
export const simulationKit = createSimulationKit({
	now: () => clock.now,
	setTimer: (fn, ms) => schedule(fn, ms, [], false),
	clearTimer: (id) => clearTimer(id),
	nextTimerId: () => peekNextTimerId(),
	clearTimersFrom: (firstId) => clearTimersFrom(firstId),
	pendingTimersFrom: (firstId, except) => countTimersFrom(firstId, except),
	// A simulated world bounds itself (its settle deadline, its event limit), so the test's
	// timeout waits while it runs and then moves on by the virtual time the world took.
	setGate(gate) {
		if (gate && !clock.gate) simulationStartedAt = clock.now
		if (!gate && clock.gate) currentTest.deadline += clock.now - simulationStartedAt
		clock.gate = gate
	},
	defineTest: (name, body, mode) => addTest(name, body, undefined, mode),
	attachScenario(report) {
		currentTest.scenario = report
	},
	runSeed: () => config.seed,
})
