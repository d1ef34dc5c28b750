// What a consequence run measured: one table per scenario, each metric against its
// threshold, passing or missing it. Text always says pass or miss, so colour is never the
// only cue.
import { cn } from '#app/components/ui/cn.ts'
import { scenarioResults, type RunResult, type ScenarioMetric } from '#app/runner/protocol.ts'

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

export function formatMetric(value: number | null, unit: string) {
	if (value === null) return '—'
	if (unit === '%') return `${number.format(value)} %`
	if (unit === 'ms') return value >= 10_000 ? `${number.format(value / 1000)} s` : `${number.format(value)} ms`
	return `${number.format(value)} ${unit}`
}

function thresholdText(metric: ScenarioMetric) {
	if (metric.threshold === null || metric.comparator === null) return 'no threshold'
	return `${metric.comparator === '>=' ? 'at least' : 'at most'} ${formatMetric(metric.threshold, metric.unit)}`
}

const STOPPED: Record<string, string> = {
	'event-limit': 'The simulation was stopped: the design scheduled work faster than virtual time advanced.',
	'unfinished-calls': 'The simulation ended with calls the design never answered.',
}

export function ConsequencesTable({ result }: { result: RunResult }) {
	const scenarios = scenarioResults(result)
	if (scenarios.length === 0) return null
	const passed = scenarios.filter((scenario) => scenario.passed).length
	return (
		<section aria-label="Consequences" className="space-y-3">
			<p className="text-sm font-semibold">
				Consequences: {passed} of {scenarios.length} {scenarios.length === 1 ? 'scenario meets' : 'scenarios meet'} every threshold
			</p>
			{scenarios.map((scenario) => {
				const missed = scenario.metrics.filter((metric) => metric.passed === false).length
				return (
					<div
						key={`${scenario.file}:${scenario.name}`}
						className={cn('rounded-md ring-1', scenario.passed ? 'ring-emerald-300 dark:ring-emerald-800' : 'ring-red-300 dark:ring-red-800')}
					>
						<div className="flex flex-wrap items-baseline justify-between gap-2 px-3 pt-2">
							<h3 className="text-sm font-semibold">
								<span className="mr-1.5 text-xs font-normal text-slate-600 dark:text-slate-400">Stage {scenario.stage}</span>
								{scenario.name}
							</h3>
							<span className={cn('text-xs font-semibold', scenario.passed ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400')}>
								{scenario.passed
									? 'Meets every threshold'
									: scenario.metrics.length
										? `Misses ${missed} ${missed === 1 ? 'threshold' : 'thresholds'}`
										: 'Could not be measured'}
							</span>
						</div>
						{scenario.stoppedBy ? <p className="px-3 pt-1 text-xs text-amber-800 dark:text-amber-200">{STOPPED[scenario.stoppedBy]}</p> : null}
						{!scenario.passed && scenario.metrics.length === 0 && scenario.message ? (
							<p className="px-3 pt-1 font-mono text-xs break-words whitespace-pre-wrap text-red-800 dark:text-red-200">{scenario.message}</p>
						) : null}
						{scenario.metrics.length ? (
							<MetricTable
								caption={`Measurements of “${scenario.name}” against its thresholds`}
								metrics={scenario.metrics.filter((metric) => metric.threshold !== null)}
							/>
						) : null}
						{scenario.metrics.some((metric) => metric.threshold === null) ? (
							<details className="px-3 pt-1 text-xs">
								<summary className="cursor-pointer text-slate-600 dark:text-slate-400">
									Other measurements ({scenario.metrics.filter((metric) => metric.threshold === null).length})
								</summary>
								<MetricTable caption={`Other measurements of “${scenario.name}”`} metrics={scenario.metrics.filter((metric) => metric.threshold === null)} />
							</details>
						) : null}
						<div className="h-2" />
					</div>
				)
			})}
		</section>
	)
}

function MetricTable({ caption, metrics }: { caption: string; metrics: ScenarioMetric[] }) {
	if (metrics.length === 0) return null
	// Missed thresholds first: they are what the learner has to act on.
	const ordered = [...metrics].sort((a, b) => Number(a.passed !== false) - Number(b.passed !== false))
	return (
		<table className="mt-1 w-full text-sm">
			<caption className="sr-only">{caption}</caption>
			<thead>
				<tr className="text-left text-xs text-slate-600 dark:text-slate-400">
					<th scope="col" className="px-3 py-1 font-medium">
						Metric
					</th>
					<th scope="col" className="px-3 py-1 text-right font-medium">
						Measured
					</th>
					<th scope="col" className="px-3 py-1 font-medium">
						Threshold
					</th>
					<th scope="col" className="px-3 py-1 font-medium">
						Result
					</th>
				</tr>
			</thead>
			<tbody>
				{ordered.map((metric) => (
					<tr key={metric.name} className={cn('border-t border-slate-100 dark:border-slate-800', metric.passed === false && 'bg-red-50/70 dark:bg-red-950/30')}>
						<th scope="row" className="px-3 py-1 text-left font-normal">
							{metric.label}
						</th>
						<td className="px-3 py-1 text-right font-mono tabular-nums">{formatMetric(metric.value, metric.unit)}</td>
						<td className="px-3 py-1 text-slate-700 dark:text-slate-300">{thresholdText(metric)}</td>
						<td
							className={cn(
								'px-3 py-1 text-xs font-semibold',
								metric.passed === false
									? 'text-red-700 dark:text-red-400'
									: metric.passed
										? 'text-emerald-700 dark:text-emerald-400'
										: 'text-slate-600 dark:text-slate-400',
							)}
						>
							{metric.passed === null ? '—' : metric.passed ? '✓ meets' : '✗ misses'}
						</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}
