import { Link } from 'react-router'
import type { Route } from './+types/attempts._index'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { listAttemptHistory } from '#app/models/practice.server.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatDay, formatDuration } from '#app/utils/time-format.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const attempts = await listAttemptHistory(getPrisma(), user)
	return { attempts, now: new Date() }
}

export default function AttemptHistory({ loaderData }: Route.ComponentProps) {
	const { attempts, now } = loaderData
	const solved = attempts.filter((attempt) => attempt.status === 'solved').length
	const independent = attempts.filter((attempt) => attempt.status !== 'in_progress' && attempt.independence.independent).length
	const finished = attempts.filter((attempt) => attempt.status !== 'in_progress').length
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold tracking-tight">My attempts</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					{attempts.length === 0
						? 'Every exercise you start is listed here, with how you worked on it.'
						: `${attempts.length} ${attempts.length === 1 ? 'attempt' : 'attempts'} · ${solved} solved · ${independent} of ${finished} finished independently`}
				</p>
			</div>
			<Card>
				{attempts.length === 0 ? (
					<div className="rounded-md border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
						<h2 className="font-medium">No attempts yet</h2>
						<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
							Pick an exercise from the catalogue and start it; your runs, hypotheses and submissions are recorded here.
						</p>
						<Link to="/exercises" className={buttonClass('primary', 'mt-4')}>
							Browse exercises
						</Link>
					</div>
				) : (
					<>
						<CardHeader
							title="Attempts, newest first"
							description="Independent means no hints, no pastes from outside the editor, and an attested final submission."
						/>
						<Table caption="My attempts, newest first">
							<thead>
								<tr>
									<Th>Exercise</Th>
									<Th>Started</Th>
									<Th>Status</Th>
									<Th className="text-right">Time</Th>
									<Th className="text-right">Runs</Th>
									<Th className="text-right">Hypotheses</Th>
									<Th className="text-right">Hints</Th>
									<Th>Submissions</Th>
									<Th>Independence</Th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
								{attempts.map((attempt) => (
									<tr key={attempt.id}>
										<Td className="font-medium">
											<Link to={`/attempts/${attempt.id}`} className={linkClass}>
												{attempt.exercise.title}
												<span className="sr-only">, started {formatDay(attempt.startedAt, now)}</span>
											</Link>
										</Td>
										<Td className="whitespace-nowrap tabular-nums">
											<time dateTime={attempt.startedAt.toISOString()}>{formatDay(attempt.startedAt, now)}</time>
										</Td>
										<Td>
											<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
										</Td>
										<Td className="text-right whitespace-nowrap tabular-nums">{formatDuration(attempt.timeSpentMs)}</Td>
										<Td className="text-right tabular-nums">{attempt.runCount}</Td>
										<Td className="text-right tabular-nums">{attempt.hypothesisCount}</Td>
										<Td className="text-right tabular-nums">{attempt.hintsRevealed}</Td>
										<Td className="whitespace-nowrap tabular-nums">
											{attempt.submissionCount === 0
												? 'none'
												: `${attempt.submissionCount}${attempt.failedFixCount ? ` · ${attempt.failedFixCount} failed ${attempt.failedFixCount === 1 ? 'fix' : 'fixes'}` : ''}`}
										</Td>
										<Td>
											{attempt.independence.independent ? (
												<Badge tone="success">Independent</Badge>
											) : (
												<span className="text-slate-700 dark:text-slate-300">{attempt.independence.label}</span>
											)}
										</Td>
									</tr>
								))}
							</tbody>
						</Table>
					</>
				)}
			</Card>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'My attempts · Hardmode' }]
