// An engineer's newest attempts on their profile: outcome, what each did to the ratings, the
// lead's score and independence, with a link to the replay (for a lead) or the attempt (for
// its owner).
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import type { RecentAttempt } from '#app/models/growth/engineer-profile.server.ts'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { RatingDelta } from './report-figures.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDay, formatDuration, formatTimeAgo } from '#app/utils/time-format.ts'

/** `provisionalAfter`: the rating after the attempt when it was still provisional before it (rating-display's provisionalAfter), else null. */
export type ProfileAttempt = Omit<RecentAttempt, 'ratingChanges'> & {
	ratingChanges: Array<RecentAttempt['ratingChanges'][number] & { provisionalAfter: number | null }>
}

/** Where an attempt opens for this viewer: the replay for a lead, the attempt itself for its owner, nothing otherwise. */
export type AttemptLinks = 'review' | 'own' | 'none'

export function attemptHref(links: AttemptLinks, attemptId: string): string | null {
	return links === 'review' ? `/reviews/${attemptId}` : links === 'own' ? `/attempts/${attemptId}` : null
}

const muted = 'text-slate-600 dark:text-slate-400'

export function ProfileRecentAttempts({ attempts, links, now, caption }: { attempts: ProfileAttempt[]; links: AttemptLinks; now: Date; caption: string }) {
	return (
		<Table caption={caption}>
			<thead>
				<tr>
					<Th>Exercise</Th>
					<Th>Outcome</Th>
					<Th>Rating change</Th>
					<Th>Root cause found</Th>
					<Th>Review</Th>
					<Th>Independence</Th>
					{links === 'none' ? null : (
						<Th>
							<span className="sr-only">Open</span>
						</Th>
					)}
				</tr>
			</thead>
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{attempts.map((attempt) => {
					const href = attemptHref(links, attempt.id)
					const finished = attempt.finishedAt !== null
					return (
						<tr key={attempt.id}>
							<Td className="font-medium">
								{attempt.exercise.title}
								<span className={`block text-xs font-normal ${muted}`}>
									{finished ? `Finished ${formatTimeAgo(new Date(attempt.finishedAt!), now)}` : `Started ${formatDay(new Date(attempt.startedAt), now)}`}
									{attempt.firstAttempt === false ? ' · retry, not rated' : ''}
								</span>
							</Td>
							<Td className="whitespace-nowrap">
								<Badge tone={ATTEMPT_STATUS_TONES[attempt.status]}>{ATTEMPT_STATUS_LABELS[attempt.status]}</Badge>
							</Td>
							<Td>
								{attempt.ratingChanges.length ? (
									<ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-sm">
										{attempt.ratingChanges.map((change) => (
											<li key={change.topic} className="whitespace-nowrap">
												{change.provisionalAfter === null ? (
													<RatingDelta delta={change.delta} />
												) : (
													<span className="tabular-nums">≈{Math.round(change.provisionalAfter)}</span>
												)}{' '}
												{change.label}
												{change.provisionalAfter === null ? null : <span className={`text-xs ${muted}`}> (provisional)</span>}
											</li>
										))}
									</ul>
								) : (
									<span className={`text-xs ${muted}`}>{!finished ? 'when finished' : attempt.firstAttempt === false ? 'not rated' : '—'}</span>
								)}
							</Td>
							<Td className="whitespace-nowrap tabular-nums">
								{attempt.timeToRootCauseMs !== null ? formatDuration(attempt.timeToRootCauseMs) : <span className={muted}>{finished ? 'not found' : '—'}</span>}
							</Td>
							<Td className="whitespace-nowrap tabular-nums">
								{attempt.reviewPercent !== null ? `${attempt.reviewPercent}%` : <span className={`text-xs ${muted}`}>{finished ? 'not reviewed' : '—'}</span>}
							</Td>
							<Td className="whitespace-nowrap">
								{attempt.independent === null ? (
									<span className={muted}>—</span>
								) : attempt.independent ? (
									<Badge tone="success">Independent</Badge>
								) : (
									<Badge>Not independent</Badge>
								)}
							</Td>
							{href ? (
								<Td className="text-right">
									<Link
										to={href}
										className={cn('font-medium', linkClass)}
										aria-label={`${links === 'review' ? (finished ? 'Replay' : 'Watch, read-only,') : 'Open'} the attempt at ${attempt.exercise.title}${finished ? ` finished ${formatDay(new Date(attempt.finishedAt!), now)}` : ' in progress'}`}
									>
										{links === 'review' ? (finished ? 'Replay' : 'Watch') : 'Open'}
									</Link>
								</Td>
							) : null}
						</tr>
					)
				})}
			</tbody>
		</Table>
	)
}
