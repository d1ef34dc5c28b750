import { Link } from 'react-router'
import type { Route } from './+types/people.$userId'
import { ErrorPage } from '#app/components/error-page.tsx'
import { ProfileMetricTrend } from '#app/components/growth/profile-metric-trend.tsx'
import { ProfileRatingCharts } from '#app/components/growth/profile-rating-charts.tsx'
import { ProfileRecentAttempts, type AttemptLinks } from '#app/components/growth/profile-recent-attempts.tsx'
import { NoteList } from '#app/components/growth/report-notes.tsx'
import { formatSigned } from '#app/components/growth/report-figures.tsx'
import { formatSkillRating, isProvisional, provisionalAfter, PROVISIONAL_RD } from '#app/growth/rating-display.ts'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { CalibrationCard } from '#app/components/growth/calibration-card.tsx'
import { RetentionCard } from '#app/components/growth/retention-card.tsx'
import { pooledCalibration } from '#app/models/growth/calibration.server.ts'
import { getEngineerProfile } from '#app/models/growth/engineer-profile.server.ts'
import { getRetentionReport } from '#app/models/retention/report.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { listRecentGrowthNotes } from '#app/models/growth/growth-note.server.ts'
import { requireGrowthViewer } from '#app/utils/auth.server.ts'
import { mayLeadTeam } from '#app/utils/permissions.server.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, person, canLead } = await requireGrowthViewer(request, params.userId)
	const now = new Date()
	const scope = { organizationId: user.organizationId, userIds: [person.id] }
	const [profile, notes, retention, calibration] = await Promise.all([
		getEngineerProfile(user.organizationId, person.id, now),
		listRecentGrowthNotes(user.organizationId, person.id),
		getRetentionReport(getPrisma(), scope),
		pooledCalibration(scope),
	])
	if (!profile) throw new Response('Person not found', { status: 404 })
	const self = person.id === user.id
	const links: AttemptLinks = canLead ? 'review' : self ? 'own' : 'none'
	const lastSixMonths = profile.metricTrend.reduce(
		(total, month) => ({
			attempts: total.attempts + month.metrics.sampleSize,
			independent: total.independent + Math.round((month.metrics.independenceRate.value ?? 0) * month.metrics.independenceRate.sample),
		}),
		{ attempts: 0, independent: 0 },
	)
	return {
		now: now.toISOString(),
		self,
		links,
		engineer: {
			id: profile.engineer.id,
			name: profile.engineer.name,
			teams: profile.engineer.teams.map((team) => ({ id: team.id, name: team.name, role: team.role, manageable: mayLeadTeam(user, team.id) })),
		},
		topics: profile.topics.map((topic) => ({
			id: topic.id,
			label: topic.label,
			rating: topic.rating,
			rd: topic.rd,
			games: topic.games,
			last90: topic.last90,
			history: topic.history.map((point) => ({
				at: point.at,
				rating: point.rating,
				rd: point.rd,
				delta: point.delta,
				solved: point.solved,
				exercise: point.exercise ? { title: point.exercise.title } : null,
			})),
		})),
		strongest: profile.strongest,
		weakest: profile.weakest,
		metricTrend: profile.metricTrend.map((month) => ({ month: month.month, metrics: month.metrics })),
		// A change made while the rating was provisional shows where it stood, not the points it moved.
		recentAttempts: profile.recentAttempts.map((attempt) => ({
			...attempt,
			ratingChanges: attempt.ratingChanges.map((change) => ({
				...change,
				provisionalAfter: attempt.finishedAt
					? provisionalAfter(profile.topics.find((topic) => topic.id === change.topic)?.history ?? [], attempt.finishedAt)
					: null,
			})),
		})),
		notes,
		lastSixMonths,
		retention,
		calibration,
	}
}

const muted = 'text-sm text-slate-700 dark:text-slate-300'

export default function EngineerProfilePage({ loaderData }: Route.ComponentProps) {
	const { engineer, self, links, topics, strongest, weakest, metricTrend, recentAttempts, lastSixMonths } = loaderData
	const now = new Date(loaderData.now)
	const firstName = engineer.name.split(' ')[0] ?? engineer.name
	const hasFinished = topics.length > 0 || lastSixMonths.attempts > 0 || recentAttempts.some((attempt) => attempt.finishedAt !== null)
	const manageable = engineer.teams.filter((team) => team.manageable)
	const topicById = new Map(topics.map((topic) => [topic.id, topic]))
	return (
		<div className="space-y-6">
			{manageable.length ? <Breadcrumbs trail={[{ label: manageable[0]!.name, to: `/teams/${manageable[0]!.id}` }, { label: engineer.name }]} /> : null}
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold tracking-tight">{self ? `Your growth, ${firstName}` : engineer.name}</h1>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						{engineer.teams.length ? engineer.teams.map((team) => `${team.name}${team.role === 'lead' ? ' (lead)' : ''}`).join(' · ') : 'Not in a team'}
						{hasFinished
							? ` · ${topics.length} rated ${topics.length === 1 ? 'topic' : 'topics'} · ${lastSixMonths.attempts} ${lastSixMonths.attempts === 1 ? 'attempt' : 'attempts'} finished in the last six months`
							: ''}
					</p>
				</div>
				<Link to={`/people/${engineer.id}/report`} className={buttonClass('primary')}>
					Growth report
				</Link>
			</div>

			{!hasFinished ? (
				<Card>
					<CardHeader title="Nothing to show yet" />
					<p className={muted}>
						{self ? 'You have' : `${engineer.name} has`} not finished an attempt yet. Ratings, trends and the growth report fill in with every exercise solved
						or given up: a first attempt at an exercise is rated in each of its topics.
						{self ? (
							<>
								{' '}
								<Link to="/exercises" className={linkClass}>
									Choose an exercise
								</Link>{' '}
								to start.
							</>
						) : null}
					</p>
				</Card>
			) : (
				<>
					<div className="grid gap-6 md:grid-cols-3">
						<TopicList title="Strongest topics" ids={strongest} topicById={topicById} empty="Topics show here after three rated attempts in them." />
						<TopicList
							title="Weakest topics"
							ids={weakest}
							topicById={topicById}
							empty={
								strongest.length
									? 'Too few topics with three or more rated attempts to name weak ones yet.'
									: 'Topics show here after three rated attempts in them.'
							}
						/>
						<Card>
							<CardHeader title="Last six months" />
							<dl className="grid grid-cols-2 gap-4">
								<div>
									<dt className="text-xs text-slate-600 dark:text-slate-400">Attempts finished</dt>
									<dd className="text-2xl font-semibold tabular-nums">{lastSixMonths.attempts}</dd>
								</div>
								<div>
									<dt className="text-xs text-slate-600 dark:text-slate-400">Independent</dt>
									<dd className="text-2xl font-semibold tabular-nums">
										{lastSixMonths.attempts >= 3 ? `${Math.round((lastSixMonths.independent / lastSixMonths.attempts) * 100)}%` : '—'}
										<span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
											{lastSixMonths.attempts >= 3
												? `${lastSixMonths.independent} of ${lastSixMonths.attempts}: no hints, no outside pastes, attested`
												: 'too few attempts to say'}
										</span>
									</dd>
								</div>
							</dl>
						</Card>
					</div>

					<Card>
						<CardHeader
							title="Rating over time, by topic"
							description={`Each point is a rated first attempt: the rating after it. It counts how fast the root cause was found against the exercise’s usual time, failed fixes and hints, not only solved or not. Ratings start at 1500 and move a lot while unsure: until the ± figure falls below ${PROVISIONAL_RD} a rating is shown as provisional (≈).`}
						/>
						{topics.length ? (
							<ProfileRatingCharts topics={topics} now={loaderData.now} />
						) : (
							<p className={muted}>No rated attempts yet: only a first attempt at an exercise is rated.</p>
						)}
					</Card>

					<Card>
						<CardHeader
							title={self ? 'How you debug, month by month' : `How ${firstName} debugs, month by month`}
							description="Process metrics of the attempts finished each month."
						/>
						<ProfileMetricTrend months={metricTrend} caption={`Process metrics of ${engineer.name} over the last six months`} />
					</Card>
				</>
			)}

			<div className="grid gap-6 lg:grid-cols-2">
				<RetentionCard report={loaderData.retention} scope={self ? 'you' : { name: firstName }} />
				<CalibrationCard calibration={loaderData.calibration} subject={self ? 'you' : { name: firstName }} />
			</div>
			<p className="text-sm text-slate-600 dark:text-slate-400">
				<Link to="/what-we-record" className={linkClass}>
					What Hardmode records and who sees it
				</Link>
			</p>

			{recentAttempts.length ? (
				<Card>
					<CardHeader
						title="Recent attempts"
						description={
							links === 'review'
								? 'The newest attempts, open ones included. Replay one to see how it went, step by step.'
								: 'The newest attempts, open ones included.'
						}
					/>
					<ProfileRecentAttempts attempts={recentAttempts} links={links} now={now} caption={`Recent attempts of ${engineer.name}`} />
				</Card>
			) : null}

			{loaderData.notes.total ? (
				<Card>
					<CardHeader
						title="Lead notes"
						description={`${loaderData.notes.total > loaderData.notes.notes.length ? `The newest ${loaderData.notes.notes.length} of ${loaderData.notes.total}. ` : ''}Each also shows in the growth report of the period it was written for.`}
					/>
					<NoteList notes={loaderData.notes.notes} />
				</Card>
			) : null}
		</div>
	)
}

function TopicList({
	title,
	ids,
	topicById,
	empty,
}: {
	title: string
	ids: string[]
	topicById: Map<string, { label: string; rating: number; rd: number; games: number; last90: { delta: number; games: number } }>
	empty: string
}) {
	return (
		<Card>
			<CardHeader title={title} description="Among topics with three or more rated attempts." />
			{ids.length === 0 ? (
				<p className={muted}>{empty}</p>
			) : (
				<ol className="space-y-2">
					{ids.map((id) => {
						const topic = topicById.get(id)
						if (!topic) return null
						return (
							<li key={id} className="flex items-baseline justify-between gap-3 text-sm">
								<span className="font-medium">{topic.label}</span>
								<span className="text-right tabular-nums">
									{formatSkillRating(topic)}
									<span className="block text-xs text-slate-600 dark:text-slate-400">
										{topic.games} rated {topic.games === 1 ? 'attempt' : 'attempts'}
										{topic.last90.games && !isProvisional(topic.rd) ? ` · ${formatSigned(topic.last90.delta)} in 90 days` : ''}
									</span>
								</span>
							</li>
						)
					})}
				</ol>
			)}
		</Card>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.engineer.name ?? 'Engineer'} · Hardmode` }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
