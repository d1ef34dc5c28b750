// The attempts of the review queue, and of the recently reviewed list: who, what, how it went,
// how long it has waited (or the score), and the link to the replay, which carries the queue's
// filters so "Save and open the next" and the way back keep them.
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES, plural } from '#app/practice/attempt-summary.ts'
import { waitingLabel, waitingTone } from '#app/reviews/queue-query.ts'
import type { PersonLink, QueueRowView, ReviewedRowView } from '#app/reviews/queue-view.ts'
import { formatDay, formatDuration, formatTimeAgo } from '#app/utils/time-format.ts'
import { PersonName } from './person-name.tsx'

const muted = 'text-slate-600 dark:text-slate-400'

export function WaitingTable({ rows, now, search }: { rows: QueueRowView[]; now: Date; search: string }) {
	return (
		<Table caption="Attempts waiting for review">
			<QueueHead last="Independence" />
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{rows.map((row) => {
					const finishedAt = new Date(row.finishedAt)
					return (
						<tr key={row.id}>
							<LearnerAndExercise row={row} now={now} />
							<Outcome row={row} />
							<Td className="whitespace-nowrap">
								<Badge tone={waitingTone(finishedAt, now)}>{waitingLabel(finishedAt, now)}</Badge>
								<span className={`block pt-0.5 text-xs ${muted}`}>finished {formatDay(finishedAt, now)}</span>
							</Td>
							<Work row={row} />
							<Td>
								<Badge tone={row.independence.independent ? 'success' : 'neutral'}>{row.independence.label}</Badge>
							</Td>
							<Td className="text-right">
								<Link
									to={`/reviews/${row.id}${search}`}
									className={cn('font-medium', linkClass)}
									aria-label={`Review ${row.learner.name}’s attempt at ${row.exercise.title}`}
								>
									Review
								</Link>
							</Td>
						</tr>
					)
				})}
			</tbody>
		</Table>
	)
}

export function ReviewedTable({ rows, now }: { rows: ReviewedRowView[]; now: Date }) {
	return (
		<Table caption="Recently reviewed attempts">
			<QueueHead last="Score" waitingHeading="Reviewed" />
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{rows.map((row) => (
					<tr key={row.id}>
						<LearnerAndExercise row={row} now={now} />
						<Outcome row={row} />
						<Td className="whitespace-nowrap">{formatTimeAgo(new Date(row.reviewedAt), now)}</Td>
						<Work row={row} />
						<Td className="whitespace-nowrap">
							<span className="tabular-nums">{row.percent}%</span>{' '}
							<span className={`text-xs ${muted}`}>by {row.reviewer ? <PersonName person={row.reviewer} /> : 'a former lead'}</span>
						</Td>
						<Td className="text-right">
							<Link
								to={`/reviews/${row.id}`}
								className={cn('font-medium', linkClass)}
								aria-label={`Open the review of ${row.learner.name}’s attempt at ${row.exercise.title}`}
							>
								Open
							</Link>
						</Td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}

function QueueHead({ last, waitingHeading = 'Waiting' }: { last: string; waitingHeading?: string }) {
	return (
		<thead>
			<tr>
				<Th>Engineer and exercise</Th>
				<Th>Outcome</Th>
				<Th>{waitingHeading}</Th>
				<Th>Work</Th>
				<Th>{last}</Th>
				<Th>
					<span className="sr-only">Actions</span>
				</Th>
			</tr>
		</thead>
	)
}

function LearnerAndExercise({ row, now }: { row: QueueRowView; now: Date }) {
	return (
		<Td>
			<PersonName person={row.learner} className="font-medium" />
			<span className="block">{row.exercise.title}</span>
			<span className={`block text-xs ${muted}`}>
				{row.assignment ? `Assigned to ${row.assignment.team}, due ${formatDay(new Date(row.assignment.dueAt), now)}` : 'Self-chosen'}
			</span>
		</Td>
	)
}

function Outcome({ row }: { row: QueueRowView }) {
	return (
		<Td>
			<Badge tone={ATTEMPT_STATUS_TONES[row.status]}>{ATTEMPT_STATUS_LABELS[row.status]}</Badge>
		</Td>
	)
}

function Work({ row }: { row: QueueRowView }) {
	return (
		<Td className="text-xs whitespace-nowrap">
			{formatDuration(row.timeSpentMs)} · {plural(row.runs, 'run')}
			{row.failedFixes ? ` · ${row.failedFixes} failed ${row.failedFixes === 1 ? 'fix' : 'fixes'}` : ''}
		</Td>
	)
}

export type InProgressRowView = {
	id: string
	learner: PersonLink
	exercise: string
	assignedTo: string | null
	startedAt: string
	lastActiveAt: string
	runs: number
}

/** Attempts still being worked on, each opening read-only. */
export function InProgressTable({ rows, now }: { rows: InProgressRowView[]; now: Date }) {
	return (
		<Table caption="Attempts in progress">
			<thead>
				<tr>
					<Th>Engineer and exercise</Th>
					<Th>Started</Th>
					<Th>Last active</Th>
					<Th>Runs</Th>
					<Th>
						<span className="sr-only">Actions</span>
					</Th>
				</tr>
			</thead>
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{rows.map((row) => (
					<tr key={row.id}>
						<Td>
							<PersonName person={row.learner} className="font-medium" />
							<span className="block">{row.exercise}</span>
							<span className={`block text-xs ${muted}`}>{row.assignedTo ? `Assigned to ${row.assignedTo}` : 'Self-chosen'}</span>
						</Td>
						<Td className="whitespace-nowrap">{formatDay(new Date(row.startedAt), now)}</Td>
						<Td className="whitespace-nowrap">{formatTimeAgo(new Date(row.lastActiveAt), now)}</Td>
						<Td className="tabular-nums">{row.runs}</Td>
						<Td className="text-right">
							<Link
								to={`/reviews/${row.id}`}
								className={cn('font-medium whitespace-nowrap', linkClass)}
								aria-label={`Watch ${row.learner.name}’s attempt at ${row.exercise} so far, read-only`}
							>
								Watch, read-only
							</Link>
						</Td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}
