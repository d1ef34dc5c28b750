// How an engineer debugs, month by month: four process metrics over the last six months,
// each month compared with the one before when both rest on enough attempts.
import { comparePeriods, type MetricName, type PeriodMetrics } from '#app/growth/metrics.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { DirectionMark, METRIC_HELP, METRIC_LABELS, MetricValue, RowHeader } from './report-figures.tsx'
import { formatMonth } from '#app/utils/time-format.ts'

export type MonthMetrics = { month: string; metrics: PeriodMetrics }

const TREND_METRICS: MetricName[] = ['timeToRootCauseMs', 'failedFixRate', 'predictionAccuracy', 'independenceRate']

export function ProfileMetricTrend({ months, caption }: { months: MonthMetrics[]; caption: string }) {
	const comparisons = months.map((month, index) => (index === 0 ? null : comparePeriods(month.metrics, months[index - 1]!.metrics)))
	return (
		<>
			<Table caption={caption}>
				<thead>
					<tr>
						<Th>Metric</Th>
						{months.map((month) => (
							<Th key={month.month} className="text-right">
								{formatMonth(month.month)}
							</Th>
						))}
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
					<tr>
						<RowHeader>Attempts finished</RowHeader>
						{months.map((month) => (
							<Td key={month.month} className="text-right tabular-nums">
								{month.metrics.sampleSize}
							</Td>
						))}
					</tr>
					{TREND_METRICS.map((name) => (
						<tr key={name}>
							<RowHeader>
								{METRIC_LABELS[name]}
								<span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{METRIC_HELP[name]}</span>
							</RowHeader>
							{months.map((month, index) => {
								const comparison = comparisons[index]?.[name]
								const compared = comparison && comparison.enough && comparison.direction && comparison.change !== null
								return (
									<Td key={month.month} className="text-right align-top">
										<MetricValue name={name} figure={month.metrics[name]} />
										{compared ? (
											<span className="block">
												<DirectionMark direction={comparison.direction!} change={comparison.change!} name={name} />
											</span>
										) : null}
									</Td>
								)
							})}
						</tr>
					))}
				</tbody>
			</Table>
			<p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
				Each month is compared with the month before (▲ went up, ▼ went down, ■ about the same; the word says whether that is better). “Too few (n)” means fewer
				than three attempts stand behind the figure, too few to read a trend from.
			</p>
		</>
	)
}
