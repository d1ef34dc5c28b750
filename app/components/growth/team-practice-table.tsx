// Per member: assignment completion, independence and median time to root cause over the
// last 90 days, with the whole team in the last row. A rate is shown only when enough
// attempts stand behind it; otherwise the cell says how few there were.
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import type { PeriodFigure } from '#app/growth/metrics.ts'
import { counted, formatPercent, shownValue, tooFewText } from './team-and-exercise-figures.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDuration } from '#app/utils/time-format.ts'

type AssignmentCompletionView = { due: number; completed: number; overdue: number; open: number; completionRate: PeriodFigure }

export type PracticeFigures = {
	assignments: AssignmentCompletionView
	independenceRate: PeriodFigure
	medianTimeToRootCauseMs: PeriodFigure
	attemptsLast90Days: number
}

const mutedClass = 'block text-xs text-slate-600 dark:text-slate-400'

function AssignmentsCell({ assignments }: { assignments: AssignmentCompletionView }) {
	const { due, completed, overdue, open, completionRate } = assignments
	const rate = shownValue(completionRate)
	return (
		<>
			{due === 0 ? (
				<span className="text-slate-700 dark:text-slate-300">Nothing due</span>
			) : (
				<span className="tabular-nums">
					{completed} of {due} done{rate !== null ? <span className="text-slate-600 dark:text-slate-400"> · {formatPercent(rate)}</span> : null}
				</span>
			)}
			<span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
				{overdue > 0 ? <Badge tone="danger">{overdue} overdue</Badge> : null}
				{open > 0 ? <span>{open} open</span> : null}
				{due > 0 && rate === null ? <span>{counted(due, ['due', 'due'])} — too few for a rate</span> : null}
			</span>
		</>
	)
}

function IndependenceCell({ figure }: { figure: PeriodFigure }) {
	const rate = shownValue(figure)
	if (rate === null) return <span className="text-slate-700 dark:text-slate-300">{tooFewText(figure, ['attempt', 'attempts'], 'No attempts finished')}</span>
	return (
		<>
			<span className="tabular-nums">{formatPercent(rate)}</span>
			<span className={mutedClass}>
				{Math.round(rate * figure.sample)} of {counted(figure.sample, ['attempt', 'attempts'])}
			</span>
		</>
	)
}

function RootCauseCell({ figure, attempts }: { figure: PeriodFigure; attempts: number }) {
	const value = shownValue(figure)
	if (value === null) {
		const none = attempts === 0 ? 'No attempts finished' : 'No correct diagnosis yet'
		return <span className="text-slate-700 dark:text-slate-300">{tooFewText(figure, ['diagnosis', 'diagnoses'], none)}</span>
	}
	return (
		<>
			<span className="tabular-nums">{formatDuration(value)}</span>
			<span className={mutedClass}>over {counted(figure.sample, ['diagnosis', 'diagnoses'])}</span>
		</>
	)
}

export function TeamPracticeTable({
	teamName,
	members,
	totals,
}: {
	teamName: string
	members: Array<PracticeFigures & { id: string; name: string }>
	totals: PracticeFigures
}) {
	return (
		<Table caption={`Assignments, independence and time to root cause of ${teamName}’s learners over the last 90 days`}>
			<thead>
				<tr>
					<Th>Member</Th>
					<Th>Assignments due</Th>
					<Th>Independence</Th>
					<Th>Median time to root cause</Th>
					<Th className="text-right">Attempts</Th>
					<Th>
						<span className="sr-only">Growth report</span>
					</Th>
				</tr>
			</thead>
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{members.map((member) => (
					<tr key={member.id}>
						<th scope="row" className="px-3 py-2.5 text-left font-medium whitespace-nowrap">
							<Link to={`/people/${member.id}`} className={cn('font-medium', linkClass)}>
								{member.name}
							</Link>
						</th>
						<Td>
							<AssignmentsCell assignments={member.assignments} />
						</Td>
						<Td>
							<IndependenceCell figure={member.independenceRate} />
						</Td>
						<Td>
							<RootCauseCell figure={member.medianTimeToRootCauseMs} attempts={member.attemptsLast90Days} />
						</Td>
						<Td className="text-right tabular-nums">{member.attemptsLast90Days}</Td>
						<Td className="text-right whitespace-nowrap">
							<Link to={`/people/${member.id}/report`} className={cn('font-medium', linkClass)} aria-label={`Growth report for ${member.name}`}>
								Growth report
							</Link>
						</Td>
					</tr>
				))}
			</tbody>
			<tfoot className="border-t-2 border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-950/40">
				<tr>
					<th scope="row" className="px-3 py-2.5 text-left font-semibold whitespace-nowrap">
						Whole team
					</th>
					<Td>
						<AssignmentsCell assignments={totals.assignments} />
					</Td>
					<Td>
						<IndependenceCell figure={totals.independenceRate} />
					</Td>
					<Td>
						<RootCauseCell figure={totals.medianTimeToRootCauseMs} attempts={totals.attemptsLast90Days} />
					</Td>
					<Td className="text-right font-semibold tabular-nums">{totals.attemptsLast90Days}</Td>
					<Td />
				</tr>
			</tfoot>
		</Table>
	)
}
