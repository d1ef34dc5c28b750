// The simulation kit ('hardmode:sim') through the real sandbox: scenarios report their
// measurements on the run result, thresholds decide pass or fail, a seed replays the same
// world, and designs that flood the simulation or never answer stop with a clear message.
import { describe, expect, it } from 'vitest'
import type { ScenarioReport } from './harness/simulation.ts'
import { runTests, type RunRequest } from './index.ts'
import { scenarioResults, type ScenarioResult } from './protocol.ts'
import { useTestPool } from './test-pool.ts'

const testPool = useTestPool()
const run = (files: Record<string, string>, extra: Partial<RunRequest> = {}) => runTests({ files, ...extra }, { pool: testPool.pool })

// The kit's report and the protocol's schema describe the same object.
const reportFitsProtocol = (report: ScenarioReport): ScenarioResult => report

// A checkout that charges a card through a slow bank. `guarded` remembers the orders it is
// charging, so a second delivery of the same order does not charge again.
const CHECKOUT = `
export function createCheckout(bank, { guarded }) {
	const charged = new Set()
	const charging = new Set()
	return async function handle(orderId) {
		if (charged.has(orderId) || (guarded && charging.has(orderId))) return 'duplicate'
		charging.add(orderId)
		await bank.charge(orderId)
		charged.add(orderId)
		return 'charged'
	}
}
`

const checkoutScenario = ({
	guarded,
	seed = 5,
	thresholds = '{ duplicateSideEffects: { atMost: 0 }, successRate: { atLeast: 99 } }',
}: {
	guarded: boolean
	seed?: number
	thresholds?: string
}) => `
import { scenario } from 'hardmode:sim'
import { createCheckout } from './checkout'

scenario('duplicate deliveries at a slow bank', { stage: 2, seed: ${seed}, thresholds: ${thresholds} }, (sim) => {
	const bank = sim.dependency('bank', { latency: { p50: 120, p99: 900 }, costPerCall: 2 })
	const handle = createCheckout({ charge: (orderId) => bank.call(() => sim.effect('charge', orderId)) }, { guarded: ${guarded} })
	sim.traffic({ perSecond: 10, forMs: 30_000 }, ({ index }) => {
		sim.expectEffect('charge', 'ord_' + index)
		return sim.deliver(() => handle('ord_' + index), { duplicates: { rate: 0.3, withinMs: 400 }, timeoutMs: 5_000 })
	})
})
`

// On failure, shows the messages of the tests inside the sandbox.
const expectAllPass = (result: Awaited<ReturnType<typeof run>>) => {
	expect(result.tests.filter((test) => test.status !== 'pass').map((test) => `${test.name}: ${test.message}`)).toEqual([])
	expect(result.tests.length).toBeGreaterThan(0)
}

const metricsOf = (scenario: ScenarioResult) => Object.fromEntries(scenario.metrics.map((metric) => [metric.name, metric]))

describe('scenarios', () => {
	it('report every standard metric with its unit, threshold and verdict, and pass when every threshold does', async () => {
		const result = await run({ 'checkout.js': CHECKOUT, 'checkout.test.js': checkoutScenario({ guarded: true }) })
		expect(result.status).toBe('pass')
		const [scenario] = scenarioResults(result)
		expect(scenario).toMatchObject({ name: 'duplicate deliveries at a slow bank', file: 'checkout.test.js', status: 'pass', stage: 2, seed: 5, passed: true })
		expect(scenario!.metrics.map((metric) => [metric.name, metric.unit])).toEqual([
			['successRate', '%'],
			['p50LatencyMs', 'ms'],
			['p99LatencyMs', 'ms'],
			['duplicateSideEffects', 'effects'],
			['missingSideEffects', 'effects'],
			['dependencyCalls', 'calls'],
			['costUnits', 'units'],
		])
		const metrics = metricsOf(scenario!)
		expect(metrics.duplicateSideEffects).toMatchObject({ value: 0, threshold: 0, comparator: '<=', passed: true })
		expect(metrics.successRate).toMatchObject({ value: 100, threshold: 99, comparator: '>=', passed: true })
		expect(metrics.p99LatencyMs).toMatchObject({ threshold: null, comparator: null, passed: null })
		// About 300 orders in 30 s at 10 a second, each charged once, at 2 cost units a call.
		expect(metrics.dependencyCalls!.value).toBeGreaterThan(250)
		expect(metrics.dependencyCalls!.value).toBeLessThan(350)
		expect(metrics.costUnits!.value).toBe(2 * metrics.dependencyCalls!.value!)
		expect(metrics.p50LatencyMs!.value).toBeGreaterThan(50)
		expect(metrics.p99LatencyMs!.value).toBeGreaterThanOrEqual(metrics.p50LatencyMs!.value!)
		expect(scenario!.requests).toBeGreaterThan(metrics.dependencyCalls!.value!)
		expect(scenario!.virtualMs).toBeGreaterThanOrEqual(30_000)
	})

	it('fail when a threshold is missed, naming it with its value, and mark only that metric as failed', async () => {
		const result = await run({ 'checkout.js': CHECKOUT, 'checkout.test.js': checkoutScenario({ guarded: false }) })
		expect(result.status).toBe('fail')
		const [scenario] = scenarioResults(result)
		const metrics = metricsOf(scenario!)
		expect(scenario!.passed).toBe(false)
		expect(metrics.duplicateSideEffects!.value).toBeGreaterThan(0)
		expect(metrics.duplicateSideEffects!.passed).toBe(false)
		expect(metrics.successRate!.passed).toBe(true)
		expect(scenario!.message).toBe(`1 of 2 thresholds missed. Duplicate side effects: ${metrics.duplicateSideEffects!.value} effects (threshold ≤ 0 effects)`)
	})

	it('replay the same world for the same seed, and another world for another seed', async () => {
		const files = (seed: number) => ({ 'checkout.js': CHECKOUT, 'checkout.test.js': checkoutScenario({ guarded: false, seed }) })
		const [first, again, other] = await Promise.all([run(files(5)), run(files(5)), run(files(6))])
		const [a, b, c] = [first, again, other].map((result) => scenarioResults(result)[0]!)
		expect(b).toEqual(a)
		expect(c!.metrics.map((metric) => metric.value)).not.toEqual(a!.metrics.map((metric) => metric.value))
	})

	it('take the run’s seed when the scenario names none', async () => {
		const files = { 'checkout.js': CHECKOUT, 'checkout.test.js': checkoutScenario({ guarded: false }).replace('seed: 5, ', '') }
		const [withSeed3, withSeed4] = await Promise.all([run(files, { seed: 3 }), run(files, { seed: 4 })])
		expect(scenarioResults(withSeed3)[0]!.seed).toBe(3)
		expect(scenarioResults(withSeed4)[0]!.seed).toBe(4)
		expect(scenarioResults(withSeed3)[0]!.metrics).not.toEqual(scenarioResults(withSeed4)[0]!.metrics)
	})

	it('measure metrics of the scenario’s own, and refuse a threshold for a metric nobody measured', async () => {
		const result = await run({
			'a.test.js': `
				import { scenario } from 'hardmode:sim'
				scenario('orders shipped late', { thresholds: { lateShipments: { atMost: 2 } } }, (sim) => {
					let late = 0
					sim.metric('lateShipments', { label: 'Shipments after 2 s', unit: 'shipments', value: () => late })
					sim.traffic({ perSecond: 2, forMs: 5_000, pattern: 'steady' }, ({ index }) => sim.request(async () => { await sim.sleep(index * 300); if (index * 300 > 2_000) late++ }))
				})
				scenario('a typo in a threshold', { thresholds: { duplicateSideEffect: { atMost: 0 } } }, (sim) => {
					sim.request(() => 'ok')
				})
				scenario('a metric that throws', { thresholds: { refunds: { atMost: 0 } } }, (sim) => {
					sim.metric('refunds', { label: 'Refunds', unit: 'refunds', value: () => { throw new RangeError('no refund ledger in this world') } })
				})
			`,
		})
		const [own, typo, throwing] = scenarioResults(result)
		expect(throwing).toMatchObject({ status: 'fail', message: expect.stringMatching(/^RangeError: no refund ledger in this world/) })
		expect(metricsOf(own!).lateShipments).toMatchObject({ label: 'Shipments after 2 s', unit: 'shipments', value: 3, threshold: 2, passed: false })
		expect(own!.status).toBe('fail')
		expect(typo!.status).toBe('fail')
		expect(typo!.message).toMatch(/^This scenario has a threshold for "duplicateSideEffect", which it never measured\. Standard metrics: successRate, /)
	})

	it('explain a malformed scenario where it is defined', async () => {
		const result = await run({
			'a.test.js': `
				import { scenario } from 'hardmode:sim'
				scenario('no limit given', { thresholds: { successRate: { above: 99 } } }, () => {})
			`,
		})
		expect(result.tests[0]).toMatchObject({
			status: 'error',
			message: expect.stringContaining('scenario "no limit given": the threshold for successRate must be { atLeast: n } or { atMost: n }.'),
		})
	})
})

describe('the simulated world', () => {
	it('plays steady traffic, bursts and tenant mixes on the virtual clock', async () => {
		const result = await run({
			'a.test.js': `
				import { simulate } from 'hardmode:sim'
				it('counts arrivals, and keeps its own timeout for what follows', async () => {
					const arrivals = []
					const started = Date.now()
					const outcome = await simulate({ seed: 9 }, (sim) => {
						sim.traffic({ perSecond: 5, forMs: 10_000, pattern: 'steady', tenants: { acme: 3, globex: 1 } }, (arrival) => { arrivals.push(arrival) })
						sim.burst({ count: 40, at: 20_000, withinMs: 1_000 }, (arrival) => { arrivals.push({ ...arrival, burst: true }) })
					})
					const steady = arrivals.filter((a) => !a.burst)
					expect(steady).toHaveLength(50)
					expect(steady.map((a) => a.at).slice(0, 3)).toEqual([0, 200, 400])
					const acme = steady.filter((a) => a.tenant === 'acme').length
					expect(acme).toBeGreaterThan(30)
					expect(acme).toBeLessThan(48)
					const burst = arrivals.filter((a) => a.burst)
					expect(burst).toHaveLength(40)
					expect(burst.every((a) => a.at >= 20_000 && a.at <= 21_000)).toBe(true)
					expect(Date.now() - started).toBeGreaterThanOrEqual(20_000)
					expect(outcome.virtualMs).toBeGreaterThanOrEqual(20_000)
					await new Promise((resolve) => setTimeout(resolve, 4_000))
				})
				it('times out as usual outside a simulation', async () => {
					await simulate({}, (sim) => sim.traffic({ perSecond: 1, forMs: 30_000 }, () => {}))
					await new Promise((resolve) => setTimeout(resolve, 6_000))
				})
			`,
		})
		expect(result.tests.map((test) => [test.status, test.message ?? ''])).toEqual([
			['pass', ''],
			['fail', 'Test timed out after 5000 ms: it was still waiting for a timer or a promise when its time ran out.'],
		])
	})

	it('plays a dependency’s latency, failure windows and replies lost after the effect', async () => {
		const result = await run({
			'a.test.js': `
				import { simulate, SimulatedFailure } from 'hardmode:sim'
				it('fails inside the window only', async () => {
					const seen = []
					await simulate({ seed: 2 }, async (sim) => {
						const bank = sim.dependency('bank', { latency: 100, failures: [{ from: 1_000, to: 2_000, rate: 1, lostReply: 1 }] })
						let effects = 0
						for (const at of [0, 1_500]) {
							await sim.sleep(at - sim.now())
							const started = sim.now()
							try {
								await bank.call(() => ++effects)
								seen.push(['ok', sim.now() - started, effects])
							} catch (error) {
								seen.push([error instanceof SimulatedFailure ? 'lost reply' : 'other', sim.now() - started, effects, error.lostReply])
							}
						}
					})
					expect(seen).toEqual([['ok', 100, 1], ['lost reply', 100, 2, true]])
				})
			`,
		})
		expectAllPass(result)
	})

	it('retries a delivery until it is acknowledged, and gives each node its own skewed clock', async () => {
		const result = await run({
			'a.test.js': `
				import { simulate } from 'hardmode:sim'
				it('delivers at least once', async () => {
					const attempts = []
					let delivery
					let skew
					await simulate({}, async (sim) => {
						const node = sim.clock({ skewMs: 45_000 })
						skew = node.now() - Date.now()
						delivery = await sim.deliver((attempt) => { attempts.push([attempt.attempt, sim.now()]); return attempt.attempt >= 3 ? 200 : 503 }, {
							retryAfterMs: [1_000, 5_000, 30_000],
							ok: (status) => status === 200,
						})
					})
					expect(skew).toBe(45_000)
					expect(delivery).toEqual({ acknowledged: true, attempts: 3 })
					expect(attempts).toEqual([[1, 0], [2, 1_000], [3, 6_000]])
				})
			`,
		})
		expectAllPass(result)
	})

	it('waits for the design’s background work, not only for the answers', async () => {
		const result = await run({
			'a.test.js': `
				import { scenario } from 'hardmode:sim'
				scenario('acknowledge now, charge later', { thresholds: { missingSideEffects: { atMost: 0 } } }, (sim) => {
					const bank = sim.dependency('bank', { latency: 500 })
					const queue = []
					let working = false
					const worker = async () => {
						while (queue.length) { const id = queue.shift(); await bank.call(() => sim.effect('charge', id)) }
						working = false
					}
					sim.traffic({ perSecond: 20, forMs: 2_000, pattern: 'steady' }, ({ index }) => {
						sim.expectEffect('charge', 'ord_' + index)
						return sim.request(() => {
							queue.push('ord_' + index)
							if (!working) { working = true; setTimeout(worker, 0) }
							return 202
						})
					})
				})
			`,
		})
		expect(result.status).toBe('pass')
		expect(scenarioResults(result)[0]!.virtualMs).toBeGreaterThanOrEqual(40 * 500)
	})
})

describe('designs that break the simulation', () => {
	it('stop a design that schedules work faster than virtual time advances, and run the next test', async () => {
		const result = await run({
			'a.test.js': `
				import { scenario } from 'hardmode:sim'
				scenario('a poll loop without a delay', { stage: 1, thresholds: { successRate: { atLeast: 99 } } }, (sim) => {
					const poll = () => setTimeout(poll, 0)
					sim.traffic({ perSecond: 5, forMs: 10_000 }, () => sim.request(async () => { poll(); return 'accepted' }))
				})
				it('runs afterwards with a quiet clock', async () => {
					await new Promise((resolve) => setTimeout(resolve, 10))
					expect(vi.getTimerCount()).toBe(0)
				})
			`,
		})
		expect(result.limit).toBeUndefined()
		const [flood, after] = result.tests
		expect(flood).toMatchObject({ status: 'fail', scenario: { passed: false, stoppedBy: 'event-limit', events: 100_001 } })
		expect(flood!.message).toMatch(
			/^The simulation stopped after 100,000 events at 0:00\.\d{3} of virtual time: the design scheduled work faster than virtual time advanced \([\d,]+ of those events were timers the design set\)\. Look for a retry or polling loop/,
		)
		expect(after).toMatchObject({ name: 'runs afterwards with a quiet clock', status: 'pass' })
	})

	it('stop a design that never answers, once the traffic is over and the settle time has passed', async () => {
		const result = await run({
			'a.test.js': `
				import { scenario } from 'hardmode:sim'
				scenario('a lock that is never released', { settleMs: 30_000, thresholds: { successRate: { atLeast: 99 } } }, (sim) => {
					let locked = false
					const handle = async () => { while (locked) await new Promise(() => {}); locked = true; await sim.sleep(50); return 'done' }
					sim.traffic({ perSecond: 2, forMs: 10_000, pattern: 'steady' }, () => sim.request(handle, { timeoutMs: 5_000 }))
				})
			`,
		})
		const [scenario] = scenarioResults(result)
		expect(scenario).toMatchObject({ status: 'fail', passed: false, stoppedBy: 'unfinished-calls' })
		expect(scenario!.message).toBe(
			'The simulation stopped at 0:39.500 of virtual time: 19 of 20 calls to the design never returned, 30 s after the traffic ended. Look for a promise that never settles (an await on something nothing completes, a lock that is never released).',
		)
		expect(metricsOf(scenario!).successRate!.value).toBe(5)
	})

	it('keep the watchdog for a design that loops without ever yielding', async () => {
		const result = await run(
			{
				'a.test.js': `
					import { scenario } from 'hardmode:sim'
					scenario('a busy loop', { thresholds: { successRate: { atLeast: 99 } } }, (sim) => {
						sim.traffic({ perSecond: 1, forMs: 2_000 }, () => sim.request(() => { for (;;) {} }))
					})
				`,
			},
			{ limits: { cpuMs: 300, wallMs: 2_000 } },
		)
		expect(result).toMatchObject({ status: 'error', limit: 'time' })
	})

	it('keep the kit’s handle out of reach of learner code, whether a file imports the kit or not', async () => {
		const result = await run({
			'a.test.js': "it('looks', () => expect(typeof globalThis.__hmSim).toBe('undefined'))",
			'b.test.js':
				"import { scenario } from 'hardmode:sim'\nconst seen = typeof globalThis.__hmSim\nit('looks after importing', () => { expect(typeof scenario).toBe('function'); expect(seen + typeof globalThis.__hmSim).toBe('undefinedundefined') })",
		})
		expectAllPass(result)
	})
})

describe('the virtual clock under many timers', () => {
	it('fires timers in time order, equal times in the order they were set, skipping cleared ones', async () => {
		const result = await run({
			'a.test.js': `
				it('orders 2,000 timers', async () => {
					const fired = []
					const ids = []
					for (let i = 0; i < 2_000; i++) ids.push(setTimeout(() => fired.push(i), (i * 7919) % 500))
					for (let i = 0; i < 2_000; i += 3) clearTimeout(ids[i])
					const every = setInterval(() => fired.push('tick'), 200)
					await new Promise((resolve) => setTimeout(resolve, 700))
					clearInterval(every)
					const expected = []
					for (let i = 0; i < 2_000; i++) if (i % 3 !== 0) expected.push([(i * 7919) % 500, i])
					expected.sort((a, b) => a[0] - b[0] || a[1] - b[1])
					const order = expected.map(([, i]) => i)
					expect(fired.filter((f) => f !== 'tick')).toEqual(order)
					expect(fired.filter((f) => f === 'tick')).toHaveLength(3)
				})
			`,
		})
		expectAllPass(result)
	})
})

void reportFitsProtocol
