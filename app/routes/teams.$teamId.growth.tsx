import { Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/teams.$teamId.growth'
import { ErrorPage } from '#app/components/error-page.tsx'
import { counted, CountTile, formatPercent, StatTile, ViewSwitch } from '#app/components/growth/team-and-exercise-figures.tsx'
import { TeamHeatMap } from '#app/components/growth/team-heat-map.tsx'
import { TeamPracticeTable } from '#app/components/growth/team-practice-table.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { MIN_SAMPLE } from '#app/growth/metrics.ts'
import { getTeamGrowth, type RatingTrend } from '#app/models/growth/team-growth.server.ts'
import { pooledCalibration } from '#app/models/growth/calibration.server.ts'
import { getRetentionReport } from '#app/models/retention/report.server.ts'
import { CalibrationCard } from '#app/components/growth/calibration-card.tsx'
import { RetentionCard } from '#app/components/growth/retention-card.tsx'
import { getPrisma } from '#app/utils/db.server.ts'
import { requireTeamLead } from '#app/utils/auth.server.ts'
import { isOrgAdmin } from '#app/utils/permissions.server.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatDay, formatDuration } from '#app/utils/time-format.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const days = TrendWindowSchema.parse(new URL(request.url).searchParams.get('window') ?? undefined)
	const growth = await getTeamGrowth(user.organizationId, team.id, new Date())
	if (!growth) throw new Response('Team not found', { status: 404 })
	const scope = { organizationId: user.organizationId, userIds: growth.members.map((member) => member.id) }
	const [retention, calibration] = await Promise.all([getRetentionReport(getPrisma(), scope), pooledCalibration(scope)])
	const trendOf = (movement: { last30: RatingTrend; last90: RatingTrend }) => {
		const trend = days === 30 ? movement.last30 : movement.last90
		return { delta: Math.round(trend.delta), games: trend.games }
	}
	return {
		team: growth.team,
		// Only an admin adds existing members to a team; a lead invites (ADR 015).
		canAddMembers: isOrgAdmin(user),
		now: growth.window.now,
		days,
		topics: growth.topics.map((topic) => ({
			id: topic.id,
			label: topic.label,
			members: topic.members,
			meanRating: Math.round(topic.meanRating),
			trend: trendOf(topic),
		})),
		members: growth.members.map((member) => ({
			id: member.id,
			name: member.name,
			ratings: Object.fromEntries(
				Object.entries(member.ratings).map(([topic, skill]) => [
					topic,
					{ rating: Math.round(skill.rating), rd: Math.round(skill.rd), games: skill.games, trend: trendOf(skill) },
				]),
			),
			assignments: member.assignments,
			independenceRate: member.independenceRate,
			medianTimeToRootCauseMs: member.medianTimeToRootCauseMs,
			attemptsLast90Days: member.attemptsLast90Days,
		})),
		totals: growth.totals,
		retention,
		calibration,
	}
}

/** The trend window in days; anything but 30 is the default 90. */
const TrendWindowSchema = z
	.enum(['30', '90'])
	.catch('90')
	.transform((days) => (days === '30' ? 30 : 90))

export default function TeamGrowthPage({ loaderData }: Route.ComponentProps) {
	const { team, days, topics, members, totals } = loaderData
	const now = new Date(loaderData.now)
	return (
		<div className="space-y-6">
			<Breadcrumbs trail={[{ label: team.name, to: `/teams/${team.id}` }, { label: 'Growth' }]} />
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold tracking-tight">Growth of {team.name}</h1>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						{counted(members.length, ['learner', 'learners'])}
						{topics.length ? ` · rated in ${counted(topics.length, ['topic', 'topics'])}` : ''} · as of {formatDay(now, now)}
					</p>
				</div>
				<div className="flex gap-2">
					<Link to={`/teams/${team.id}/retention`} className={buttonClass('secondary')}>
						Retention
					</Link>
					<Link to={`/teams/${team.id}/assignments`} className={buttonClass('secondary')}>
						Assignments
					</Link>
					<Link to="/reviews" className={buttonClass('secondary')}>
						Review queue
					</Link>
				</div>
			</div>
			{members.length === 0 ? (
				<Card>
					<CardHeader title="No learners yet" />
					<p className="text-sm text-slate-700 dark:text-slate-300">
						{team.name} has no learners, so there is no growth to show.{' '}
						<Link to={`/teams/${team.id}`} className={linkClass}>
							{loaderData.canAddMembers ? 'Invite engineers or add people' : 'Invite engineers'}
						</Link>{' '}
						from the team page; their ratings and figures appear here once they finish exercises.
					</p>
				</Card>
			) : (
				<>
					<section aria-labelledby="team-figures">
						<h2 id="team-figures" className="sr-only">
							Team figures over the last 90 days
						</h2>
						<dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
							<StatTile
								label="Assignments completed"
								figure={totals.assignments.completionRate}
								format={formatPercent}
								detail={`${totals.assignments.completed} of ${counted(totals.assignments.due, ['assignment', 'assignments'])} due in 90 days${totals.assignments.overdue ? ` · ${totals.assignments.overdue} overdue` : ''}`}
								noun={['assignment due', 'assignments due']}
								none="Nothing was due in the last 90 days"
							/>
							<StatTile
								label="Independence"
								figure={totals.independenceRate}
								format={formatPercent}
								detail={`of ${counted(totals.independenceRate.sample, ['attempt', 'attempts'])} done without hints or outside pastes, and attested`}
								noun={['attempt', 'attempts']}
								none="No attempts finished in the last 90 days"
							/>
							<StatTile
								label="Median time to root cause"
								figure={totals.medianTimeToRootCauseMs}
								format={formatDuration}
								detail={`from the start to the first correct diagnosis, over ${counted(totals.medianTimeToRootCauseMs.sample, ['diagnosis', 'diagnoses'])}`}
								noun={['correct diagnosis', 'correct diagnoses']}
								none="No correct diagnosis in the last 90 days"
							/>
							<CountTile label="Attempts finished" count={totals.attemptsLast90Days} detail="in the last 90 days, retries included" />
						</dl>
					</section>
					<Card>
						<CardHeader
							title="Skill ratings by topic"
							description={`Each learner’s rating in each topic they have played, and how it moved in the last ${days} days. Open a name for their profile.`}
							actions={
								<ViewSwitch
									label="Trend over"
									options={[
										{ to: '?window=30', label: '30 days', current: days === 30 },
										{ to: '?window=90', label: '90 days', current: days === 90 },
									]}
								/>
							}
						/>
						{topics.length === 0 ? (
							<p className="text-sm text-slate-700 dark:text-slate-300">
								No rated attempts yet: a rating appears once a learner finishes their first attempt at an exercise, solved or given up.{' '}
								<Link to={`/teams/${team.id}/assignments/new`} className={linkClass}>
									Assign an exercise
								</Link>{' '}
								to get {team.name} started.
							</p>
						) : (
							<TeamHeatMap teamName={team.name} topics={topics} members={members} days={days} />
						)}
					</Card>
					<Card>
						<CardHeader
							title="Practice over the last 90 days"
							description={`Assignments due in the last 90 days and how many each learner finished; independence and time to root cause over the attempts they finished. A rate needs at least ${MIN_SAMPLE} attempts behind it.`}
						/>
						<TeamPracticeTable teamName={team.name} members={members} totals={totals} />
					</Card>
					<div className="grid gap-6 lg:grid-cols-2">
						<RetentionCard report={loaderData.retention} scope="team" />
						<CalibrationCard calibration={loaderData.calibration} subject={{ name: team.name }} />
					</div>
				</>
			)}
		</div>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Growth · ${loaderData?.team.name ?? 'Team'} · Hardmode` }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
