// What a scenario reports: the standard metrics measured from a simulated world, each judged
// against its threshold, and the words a failing scenario's message is made of.

type Comparator = '>=' | '<='
export type ScenarioMetric = {
	/** Stable id: a standard metric (STANDARD_METRICS) or one the scenario added with sim.metric(). */
	name: string
	label: string
	/** null when nothing was measured (no request finished, say). */
	value: number | null
	unit: string
	threshold: number | null
	comparator: Comparator | null
	/** null when the metric has no threshold in this scenario. */
	passed: boolean | null
}
export type ScenarioStop = 'event-limit' | 'unfinished-calls'
export type ScenarioReport = {
	stage: number
	seed: number
	/** True iff every threshold passed and the simulation ran to its end. */
	passed: boolean
	/** Why the simulation was cut short, when it was (the test's message says it in words). */
	stoppedBy?: ScenarioStop
	/** Virtual time the simulation covered. */
	virtualMs: number
	/** Timers fired inside the simulation, the kit's own and the design's. */
	events: number
	/** Calls measured with sim.request() (every delivery attempt is one). */
	requests: number
	/** Empty when the scenario's own code threw before the simulation could be measured. */
	metrics: ScenarioMetric[]
}
export type MeasuredMetric = Pick<ScenarioMetric, 'name' | 'label' | 'unit' | 'value'>
export type Threshold = { atLeast: number; atMost?: undefined } | { atMost: number; atLeast?: undefined }

export const STANDARD_METRICS = [
	{ name: 'successRate', label: 'Success rate', unit: '%' },
	{ name: 'p50LatencyMs', label: 'Latency p50', unit: 'ms' },
	{ name: 'p99LatencyMs', label: 'Latency p99', unit: 'ms' },
	{ name: 'duplicateSideEffects', label: 'Duplicate side effects', unit: 'effects' },
	{ name: 'missingSideEffects', label: 'Missing side effects', unit: 'effects' },
	{ name: 'dependencyCalls', label: 'Dependency calls', unit: 'calls' },
	{ name: 'costUnits', label: 'Cost', unit: 'units' },
] as const

/** What the world recorded, as the standard metrics measure it. */
export type WorldRecord = {
	requests: ReadonlyArray<{ startedAt: number; endedAt: number | null; ok: boolean }>
	/** Side effect id → how many times it happened. */
	effects: ReadonlyMap<string, number>
	/** Side effect id → how many times it must happen. */
	expectations: ReadonlyMap<string, number>
	dependencies: ReadonlyArray<{ calls: number; cost: number }>
	extraCost: number
}

export function standardMetrics({ requests, effects, expectations, dependencies, extraCost }: WorldRecord): MeasuredMetric[] {
	const finishedRequests = requests.filter((record) => record.endedAt !== null)
	const latencies = finishedRequests.map((record) => (record.endedAt as number) - record.startedAt).sort((a, b) => a - b)
	let duplicates = 0
	let missing = 0
	for (const [id, count] of effects) duplicates += Math.max(0, count - (expectations.get(id) ?? 1))
	for (const [id, times] of expectations) missing += Math.max(0, times - (effects.get(id) ?? 0))
	const values: Record<string, number | null> = {
		successRate: requests.length === 0 ? null : round((100 * requests.filter((record) => record.ok).length) / requests.length, 2),
		p50LatencyMs: percentile(latencies, 0.5),
		p99LatencyMs: percentile(latencies, 0.99),
		duplicateSideEffects: duplicates,
		missingSideEffects: missing,
		dependencyCalls: dependencies.reduce((sum, stats) => sum + stats.calls, 0),
		costUnits: round(dependencies.reduce((sum, stats) => sum + stats.cost, 0) + extraCost, 2),
	}
	return STANDARD_METRICS.map(({ name, label, unit }) => ({ name, label, unit, value: values[name] ?? null }))
}

export function judge(metric: MeasuredMetric, threshold: Threshold | undefined): ScenarioMetric {
	if (!threshold) return { ...metric, threshold: null, comparator: null, passed: null }
	const comparator: Comparator = threshold.atLeast !== undefined ? '>=' : '<='
	const limit = (threshold.atLeast ?? threshold.atMost) as number
	const passed = metric.value !== null && (comparator === '>=' ? metric.value >= limit : metric.value <= limit)
	return { ...metric, threshold: limit, comparator, passed }
}

export function describeMisses(metrics: ScenarioMetric[]) {
	const missed = metrics.filter((metric) => metric.passed === false)
	const checked = metrics.filter((metric) => metric.passed !== null).length
	const lines = missed.map(
		(metric) =>
			`${metric.label}: ${metric.value === null ? 'not measured' : formatValue(metric.value, metric.unit)} (threshold ${metric.comparator === '>=' ? '≥' : '≤'} ${formatValue(metric.threshold as number, metric.unit)})`,
	)
	return `${missed.length} of ${checked} thresholds missed. ${lines.join('; ')}`
}

export function eventLimitMessage(maxEvents: number, virtualMs: number, designEvents: number) {
	return (
		`The simulation stopped after ${thousands(maxEvents)} events at ${formatClock(virtualMs)} of virtual time: the design scheduled work faster than virtual time advanced ` +
		`(${thousands(designEvents)} of those events were timers the design set). Look for a retry or polling loop without a delay or a bound, or timers that are never cleared.`
	)
}

export function unfinishedCallsMessage(virtualMs: number, stuck: number, calls: number, settleMs: number) {
	return (
		`The simulation stopped at ${formatClock(virtualMs)} of virtual time: ${thousands(stuck)} of ${thousands(calls)} calls to the design never returned, ` +
		`${formatDuration(settleMs)} after the traffic ended. Look for a promise that never settles (an await on something nothing completes, a lock that is never released).`
	)
}

function percentile(sorted: number[], quantile: number): number | null {
	if (sorted.length === 0) return null
	return sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] as number
}

function round(value: number, digits: number) {
	const factor = 10 ** digits
	return Math.round(value * factor) / factor
}

function thousands(value: number) {
	const [whole = '', fraction] = String(value).split('.')
	return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`
}

function formatValue(value: number, unit: string) {
	return unit === '%' ? `${value} %` : `${thousands(value)} ${unit}`
}

function formatClock(ms: number) {
	const minutes = Math.floor(ms / 60_000)
	const seconds = Math.floor((ms % 60_000) / 1000)
	return `${minutes}:${String(seconds).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`
}

function formatDuration(ms: number) {
	return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`
}
