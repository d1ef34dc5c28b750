// Retention and transfer, as the growth page, the team's retention page and the growth report
// show them: counts first, rates with their likely range only once there are enough checks,
// by topic. Never per person in a team view: a team figure, not a ranking.
import { describeProportion, type Proportion } from '#app/growth/proportions.ts'
import { byTopicOrder, topicName } from '#app/growth/topic-names.ts'
import type { RetentionFigures, RetentionReport } from '#app/retention/retention-report.ts'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'

const EXPLANATION =
	'A retention check is another variant of a bug family met before, served unannounced after a gap that grows with each success. Retention compares checks with the first time; transfer asks whether solving a variant in one code base carried over to the next variant, in another.'

function timeChange(ratio: number | null) {
	if (ratio === null) return 'not enough pairs yet'
	const change = Math.round((1 - ratio) * 100)
	if (change === 0) return 'as fast as the first time'
	return change > 0 ? `${change} % faster than the first time` : `${-change} % slower than the first time`
}

function Rate({ value }: { value: Proportion }) {
	return <span className={value.shown ? 'tabular-nums' : 'text-slate-600 dark:text-slate-400'}>{describeProportion(value)}</span>
}

export function RetentionCard({
	report,
	scope,
	headingLevel = 2,
}: {
	report: RetentionReport
	scope: 'you' | 'team' | { name: string }
	headingLevel?: 2 | 3
}) {
	const { retention, transfer } = report.overall
	const whose = scope === 'you' ? 'your' : scope === 'team' ? 'the team’s' : `${scope.name}’s`
	return (
		<Card aria-labelledby="retention-title" className="break-inside-avoid">
			<CardHeader
				id="retention-title"
				level={headingLevel}
				title="Retention and transfer"
				description={`Whether ${whose} lessons last and carry over to new code.`}
			/>
			{retention.checks === 0 && transfer.solved.total === 0 ? (
				<p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
					No retention checks yet. They start coming back about a week after a bug family’s first variant is finished.
				</p>
			) : (
				<div className="space-y-4">
					<Overall retention={retention} transfer={transfer.solved} />
					{report.byTopic.length ? <ByTopic report={report} /> : null}
				</div>
			)}
			<p className="mt-4 text-xs text-slate-600 dark:text-slate-400">{EXPLANATION}</p>
		</Card>
	)
}

function Overall({ retention, transfer }: { retention: RetentionFigures; transfer: Proportion }) {
	return (
		<dl className="grid gap-3 text-sm sm:grid-cols-2">
			<div className="rounded-md bg-slate-50 p-3 dark:bg-slate-800/60">
				<dt className="font-medium text-slate-900 dark:text-slate-100">
					Retention checks: {retention.checks}
					{retention.medianIntervalDays !== null ? `, after a median gap of ${Math.round(retention.medianIntervalDays)} days` : ''}
				</dt>
				<dd className="mt-1 space-y-0.5 text-slate-700 dark:text-slate-300">
					<p>
						Solved at the first fix: <Rate value={retention.firstTry} />
					</p>
					<p>
						The first time: <Rate value={retention.originalFirstTry} />
					</p>
					<p>Time to the root cause (median): {timeChange(retention.medianTimeRatio)}</p>
				</dd>
			</div>
			<div className="rounded-md bg-slate-50 p-3 dark:bg-slate-800/60">
				<dt className="font-medium text-slate-900 dark:text-slate-100">Transfer to another code base</dt>
				<dd className="mt-1 text-slate-700 dark:text-slate-300">
					<p>
						Next variant solved after solving one: <Rate value={transfer} />
					</p>
				</dd>
			</div>
		</dl>
	)
}

function ByTopic({ report }: { report: RetentionReport }) {
	return (
		<Table caption="By topic (a check counts in each topic of its exercise)">
			<thead>
				<tr>
					<Th>Topic</Th>
					<Th className="text-right">Checks</Th>
					<Th>Solved at the first fix</Th>
					<Th>Transfer</Th>
				</tr>
			</thead>
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{[...report.byTopic]
					.sort((a, b) => byTopicOrder(a.topic, b.topic))
					.map((row) => (
						<tr key={row.topic}>
							<Td>{topicName(row.topic)}</Td>
							<Td className="text-right tabular-nums">{row.retention.checks}</Td>
							<Td>
								<Rate value={row.retention.firstTry} />
							</Td>
							<Td>
								<Rate value={row.transfer.solved} />
							</Td>
						</tr>
					))}
			</tbody>
		</Table>
	)
}
