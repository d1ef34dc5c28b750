import { isRouteErrorResponse, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/exercises.$slug.analytics'
import { ErrorPage } from '#app/components/error-page.tsx'
import { ExerciseDifficulty } from '#app/components/growth/exercise-difficulty.tsx'
import { ExerciseRootCauseBars } from '#app/components/growth/exercise-root-cause-bars.tsx'
import { counted, formatPercent, StatTile, ViewSwitch } from '#app/components/growth/team-and-exercise-figures.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { CALIBRATION_GAMES } from '#app/growth/ratings.ts'
import { topicName } from '#app/growth/topic-names.ts'
import { getExerciseAnalytics, getPlatformExerciseAnalytics } from '#app/models/growth/exercise-analytics.server.ts'
import { isPlatformAdmin } from '#app/models/platform-admin.server.ts'
import { difficultyBand, KIND_LABELS, type ExerciseKind } from '#app/practice/catalogue-labels.ts'
import { FLAG_REASON_LABELS, FLAG_REASONS } from '#app/reviews/flags.ts'
import { requireReviewer } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatDuration } from '#app/utils/time-format.ts'

const SLUG = /^[a-z0-9-]{1,64}$/

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireReviewer(request)
	const requested = ScopeSchema.parse(new URL(request.url).searchParams.get('scope') ?? undefined)
	// Anyone can sign up and administer an organisation, so other organisations' figures are
	// the platform role's alone (ADR 015); for everyone else ?scope=all is ignored, and said so.
	const platformAdmin = await isPlatformAdmin(user.id)
	const scope = requested === 'all' && platformAdmin ? 'all' : 'organization'
	// Exercises are platform content: the slug finds one whatever the organisation; the figures are scoped below.
	const exercise = SLUG.test(params.slug) ? await getPrisma().exercise.findUnique({ where: { slug: params.slug }, select: { id: true } }) : null
	const analytics = !exercise
		? null
		: scope === 'all'
			? await getPlatformExerciseAnalytics(exercise.id)
			: await getExerciseAnalytics(exercise.id, { organizationId: user.organizationId })
	if (!analytics) {
		const named = SLUG.test(params.slug) ? `called “${params.slug}”` : 'with that name'
		throw new Response(`There is no exercise ${named}. It may have been renamed or removed; find it in the catalogue and open its analytics from there.`, {
			status: 404,
		})
	}
	const { difficulty } = analytics
	const rating = difficulty.rating === null ? null : Math.round(difficulty.rating)
	const figures = 'figures' in analytics ? analytics.figures : analytics
	return {
		scope,
		canSeeAllOrganizations: platformAdmin,
		scopeRefused: requested === 'all' && !platformAdmin,
		/** Across organisations: how many contributed, and how many must before figures are shown. */
		platformScope:
			'figures' in analytics ? { organizations: analytics.organizations, minimum: analytics.minimum, flagOrganizations: analytics.flagOrganizations } : null,
		organizationName: user.organizationName,
		exercise: {
			slug: analytics.exercise.slug,
			title: analytics.exercise.title,
			kind: analytics.exercise.kind,
			kindLabel: KIND_LABELS[analytics.exercise.kind as ExerciseKind] ?? analytics.exercise.kind,
			topics: analytics.exercise.topics.map(topicName),
			retired: analytics.exercise.retired,
		},
		difficulty: {
			authored: difficulty.authored,
			authoredBand: difficultyBand(difficulty.authored).label,
			rating,
			ratingBand: rating === null ? null : difficultyBand(rating).label,
			rd: difficulty.rd === null ? null : Math.round(difficulty.rd),
			games: difficulty.games,
			calibrated: difficulty.calibrated,
			shown: difficulty.shown,
			calibrationGames: CALIBRATION_GAMES,
		},
		// Null when withheld: too few organisations contributed for figures across them.
		figures: figures
			? {
					attempts: figures.attempts,
					solveRate: figures.solveRate,
					firstAttemptSolveRate: figures.firstAttemptSolveRate,
					medianTimeToSolveMs: figures.medianTimeToSolveMs,
					medianTimeToRootCauseMs: figures.medianTimeToRootCauseMs,
					wrongRootCauses: figures.wrongRootCauses,
				}
			: null,
		openFlags: analytics.openFlags,
	}
}

/** Whose attempts count: the caller's organisation, or (`?scope=all`, platform role only) every organisation's. */
const ScopeSchema = z.enum(['organization', 'all']).catch('organization')

export default function ExerciseAnalyticsPage({ loaderData }: Route.ComponentProps) {
	const { scope, canSeeAllOrganizations, scopeRefused, platformScope, organizationName, exercise, difficulty, figures, openFlags } = loaderData
	const whose = scope === 'all' ? 'in every organisation counted' : `in ${organizationName}`
	const inNone = scope === 'all' ? 'in any organisation' : `in ${organizationName}`
	const architecture = exercise.kind === 'architecture'
	const attempts = figures?.attempts
	const finished = attempts ? attempts.solved + attempts.gaveUp : 0
	return (
		<div className="space-y-6">
			<Breadcrumbs
				trail={[
					{ label: 'Exercises', to: '/exercises' },
					{ label: exercise.title, to: exercise.retired ? undefined : `/exercises/${exercise.slug}` },
					{ label: 'Analytics' },
				]}
			/>
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<p className="text-sm font-semibold text-brand-700 dark:text-brand-100">Exercise analytics</p>
					<h1 className="mt-1 text-2xl font-bold tracking-tight">{exercise.title}</h1>
					<p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700 dark:text-slate-300">
						<span>
							{exercise.kindLabel} · {exercise.topics.join(', ')}
						</span>
						{exercise.retired ? <Badge tone="warning">Retired</Badge> : null}
					</p>
				</div>
				{canSeeAllOrganizations ? (
					<ViewSwitch
						label="Attempts from"
						options={[
							{ to: `/exercises/${exercise.slug}/analytics`, label: organizationName, current: scope === 'organization' },
							{ to: '?scope=all', label: 'All organisations', current: scope === 'all' },
						]}
					/>
				) : null}
			</div>
			{scopeRefused ? (
				<p
					role="status"
					className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
				>
					Figures from every organisation are only for the people who run this Hardmode server. These count attempts by people in {organizationName}.
				</p>
			) : null}
			<p className="text-sm text-slate-700 dark:text-slate-300">
				{platformScope
					? `Figures count attempts in ${counted(platformScope.organizations, ['organisation', 'organisations'])} on Hardmode, without names: what an author needs to see how the exercise plays.`
					: `Figures count attempts and open flags by people in ${organizationName}.`}{' '}
				The difficulty rating is always learned from every organisation’s first attempts.
			</p>
			{!figures && platformScope ? (
				<Card>
					<CardHeader title="Too few organisations to show figures" />
					<p className="text-sm text-slate-700 dark:text-slate-300">{tooFewOrganizations(platformScope.organizations, platformScope.minimum)}</p>
				</Card>
			) : attempts && attempts.total === 0 ? (
				<Card>
					<CardHeader title="No attempts yet" />
					<p className="text-sm text-slate-700 dark:text-slate-300">
						Nobody {inNone} has started this exercise.{' '}
						{scope === 'organization' ? (
							canSeeAllOrganizations ? (
								<>
									Assign it from a team’s assignments page, or{' '}
									<Link to="?scope=all" className={linkClass}>
										see how it plays in every organisation
									</Link>
									.
								</>
							) : (
								'Assign it from a team’s assignments page; its figures appear here once people start it.'
							)
						) : (
							'Its figures appear here once people start it.'
						)}
					</p>
				</Card>
			) : figures && attempts ? (
				<section aria-labelledby="headline-figures">
					<h2 id="headline-figures" className="sr-only">
						Solve rates and times
					</h2>
					<dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
						<StatTile
							label="Solve rate"
							figure={figures.solveRate}
							format={formatPercent}
							detail={`${attempts.solved} of ${counted(finished, ['finished attempt', 'finished attempts'])} solved${attempts.gaveUp ? `, ${attempts.gaveUp} given up` : ''}`}
							noun={['finished attempt', 'finished attempts']}
							none="No attempt finished yet"
						/>
						<StatTile
							label="First-attempt solve rate"
							figure={figures.firstAttemptSolveRate}
							format={formatPercent}
							detail={`${attempts.firstAttemptsSolved} of ${counted(attempts.firstAttempts, ['first attempt', 'first attempts'])}, the ones ratings count`}
							noun={['first attempt', 'first attempts']}
							none="No first attempt finished yet"
						/>
						<StatTile
							label="Median time to solve"
							figure={figures.medianTimeToSolveMs}
							format={formatDuration}
							detail={`start to finish, over ${counted(figures.medianTimeToSolveMs.sample, ['solved attempt', 'solved attempts'])}`}
							noun={['solved attempt', 'solved attempts']}
							none="Nobody has solved it yet"
						/>
						<StatTile
							label="Median time to root cause"
							figure={figures.medianTimeToRootCauseMs}
							format={formatDuration}
							detail={`start to the first correct diagnosis, over ${counted(figures.medianTimeToRootCauseMs.sample, ['correct diagnosis', 'correct diagnoses'])}`}
							noun={['correct diagnosis', 'correct diagnoses']}
							none={architecture ? 'No diagnosis: an architecture exercise' : 'No correct diagnosis yet'}
						/>
					</dl>
				</section>
			) : null}
			<div className={attempts && attempts.total > 0 ? 'grid gap-6 lg:grid-cols-2' : ''}>
				{attempts && attempts.total > 0 ? (
					<Card>
						<CardHeader title="Attempts" description={`Every attempt ${whose}, retries included.`} />
						<dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
							{[
								{ label: 'Total', count: attempts.total },
								{ label: 'In progress', count: attempts.inProgress },
								{ label: 'Solved', count: attempts.solved },
								{ label: 'Given up', count: attempts.gaveUp },
								{ label: 'First attempts', count: attempts.firstAttempts, detail: `${attempts.firstAttemptsSolved} solved` },
							].map((entry) => (
								<div key={entry.label}>
									<dt className="text-sm text-slate-600 dark:text-slate-400">{entry.label}</dt>
									<dd className="text-xl font-semibold tabular-nums">{entry.count}</dd>
									{entry.detail ? <dd className="text-xs text-slate-600 dark:text-slate-400">{entry.detail}</dd> : null}
								</div>
							))}
						</dl>
					</Card>
				) : null}
				<Card>
					<CardHeader title="Difficulty" description="The authored rating, and the one the exercise earned from how people did on their first attempt." />
					<ExerciseDifficulty difficulty={difficulty} />
				</Card>
			</div>
			{figures && attempts && attempts.total > 0 ? (
				<Card>
					<CardHeader
						title="Wrong root causes named"
						description={`The root-cause categories people ${whose} named in diagnoses that got the category wrong, most named first.`}
					/>
					{architecture ? (
						<p className="text-sm text-slate-700 dark:text-slate-300">
							Architecture exercises are handed in stage by stage with a decision record; nobody names a root cause.
						</p>
					) : figures.wrongRootCauses.length === 0 ? (
						<p className="text-sm text-slate-700 dark:text-slate-300">No diagnosis has named a wrong category.</p>
					) : (
						<ExerciseRootCauseBars causes={figures.wrongRootCauses} />
					)}
				</Card>
			) : null}
			<Card>
				<CardHeader
					title={openFlags ? `Open flags (${openFlags.total})` : 'Open flags'}
					description="Learners’ reports that the exercise is broken, ambiguous or too easy, not yet marked handled."
					actions={
						scope === 'organization' && openFlags && openFlags.total > 0 ? (
							<Link to="/reviews" className={buttonClass('secondary')}>
								Read them in the review queue
							</Link>
						) : null
					}
				/>
				{!openFlags && platformScope ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">
						{platformScope.flagOrganizations === 0
							? 'No open flags in any organisation.'
							: `Open flags raised in ${counted(platformScope.flagOrganizations, ['organisation', 'organisations'])} are not counted here: flags appear across organisations once at least ${platformScope.minimum} have raised them. The ones raised in ${organizationName} are in the review queue.`}
					</p>
				) : !openFlags || openFlags.total === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">No open flags {inNone}.</p>
				) : (
					<>
						<ul className="flex flex-wrap gap-3">
							{FLAG_REASONS.map((reason) => (
								<li key={reason} className="flex items-center gap-2 rounded-md px-3 py-2 ring-1 ring-slate-200 dark:ring-slate-700">
									<Badge tone={reason === 'broken' ? 'danger' : 'warning'}>{FLAG_REASON_LABELS[reason]}</Badge>
									<span className="text-lg font-semibold tabular-nums">{openFlags.byReason[reason]}</span>
								</li>
							))}
						</ul>
						{scope === 'all' ? (
							<p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
								These count open flags in {counted(platformScope?.flagOrganizations ?? 0, ['organisation', 'organisations'])}. The ones raised in{' '}
								{organizationName} are in the{' '}
								<Link to="/reviews" className={linkClass}>
									review queue
								</Link>
								.
							</p>
						) : null}
					</>
				)}
			</Card>
		</div>
	)
}

/** Said plainly when figures across organisations are withheld. */
function tooFewOrganizations(organizations: number, minimum: number) {
	const have = organizations === 0 ? 'No organisation has' : organizations === 1 ? 'Only 1 organisation has' : `Only ${organizations} organisations have`
	return `${have} attempted this exercise. Figures across organisations appear once at least ${minimum} have, so that no organisation’s results can be picked out.`
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Analytics · ${loaderData?.exercise.title ?? 'Exercise'} · Hardmode` }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	// The shared error page keeps 404s generic; here the loader's message says what to do.
	if (isRouteErrorResponse(error) && error.status === 404 && typeof error.data === 'string') {
		return (
			<div className="mx-auto max-w-xl py-12">
				<title>Exercise not found · Hardmode</title>
				<p className="text-sm font-semibold text-brand-600 dark:text-brand-100">Error 404</p>
				<h1 className="mt-2 text-3xl font-bold tracking-tight">We could not find that exercise</h1>
				<p className="mt-4 text-slate-700 dark:text-slate-300">{error.data}</p>
				<div className="mt-6 flex gap-3">
					<Link to="/exercises" className={buttonClass('primary')}>
						Open the catalogue
					</Link>
				</div>
			</div>
		)
	}
	return <ErrorPage error={error} />
}
