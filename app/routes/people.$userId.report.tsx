import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/people.$userId.report'
import { CalibrationCard } from '#app/components/growth/calibration-card.tsx'
import { RetentionCard } from '#app/components/growth/retention-card.tsx'
import { pooledCalibration } from '#app/models/growth/calibration.server.ts'
import { getRetentionReport } from '#app/models/retention/report.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { ErrorPage } from '#app/components/error-page.tsx'
import { type AttemptLinks } from '#app/components/growth/profile-recent-attempts.tsx'
import { ReportDecisionRecords } from '#app/components/growth/report-decision-records.tsx'
import { ReportNotes, ReportPrintedNoteSpace, type NoteFormResult } from '#app/components/growth/report-notes.tsx'
import { ReportPeriodForm } from '#app/components/growth/report-period-form.tsx'
import {
	ReportIndependence,
	ReportMetrics,
	ReportReviews,
	ReportSection,
	ReportSkills,
	ReportTellingAttempts,
} from '#app/components/growth/report-sections.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { parseReportPeriod, periodLabel, periodSearch, previousPeriod } from '#app/growth/report-period.ts'
import { GrowthNoteSchema, MAX_NOTE_CHARS } from '#app/growth/growth-note-form.ts'
import { addGrowthNote, GrowthError } from '#app/models/growth/growth-note.server.ts'
import { getGrowthReport, listDecisionRecords } from '#app/models/growth/growth-report.server.ts'
import { requireEngineerLead, requireGrowthViewer } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { formatFullDay } from '#app/utils/time-format.ts'
import { linkClass } from '#app/components/ui/link-style.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, person, canLead } = await requireGrowthViewer(request, params.userId)
	const url = new URL(request.url)
	const now = new Date()
	const { period, quick, error, requested } = parseReportPeriod(url.searchParams, now)
	const range = { from: period.from, to: period.to }
	const scope = { organizationId: user.organizationId, userIds: [person.id] }
	const [report, decisionRecords, retention, calibration] = await Promise.all([
		getGrowthReport(user.organizationId, person.id, range),
		listDecisionRecords(user.organizationId, person.id, range),
		getRetentionReport(getPrisma(), scope, range),
		pooledCalibration(scope, range),
	])
	if (!report) throw new Response('Person not found', { status: 404 })
	const before = previousPeriod(range)
	const self = person.id === user.id
	const links: AttemptLinks = canLead ? 'review' : self ? 'own' : 'none'
	return {
		now: now.toISOString(),
		self,
		canLead,
		links,
		engineer: { id: report.engineer.id, name: report.engineer.name, teams: report.engineer.teams.map((team) => team.name) },
		period: {
			fromDay: period.fromDay,
			toDay: period.toDay,
			label: period.label,
			from: period.from.toISOString(),
			to: period.to.toISOString(),
			includesToday: period.from <= now && now < period.to,
		},
		previous: { label: periodLabel(before.from, before.to) },
		search: periodSearch(period),
		quick,
		periodError: error,
		requested,
		saved: url.searchParams.get('saved') === 'note',
		maxNoteChars: MAX_NOTE_CHARS,
		summary: {
			attempts: report.attempts.length,
			solved: report.attempts.filter((attempt) => attempt.status === 'solved').length,
			rated: report.attempts.filter((attempt) => attempt.ratingChange !== null).length,
			previousAttempts: report.metrics.previous.sampleSize,
			reviews: report.reviews.length,
		},
		skills: report.skills,
		metrics: report.metrics,
		independence: report.independence,
		tellingAttempts: report.tellingAttempts,
		reviews: report.reviews.map((review) => ({
			...review,
			outcome: report.attempts.find((attempt) => attempt.attemptId === review.attemptId)?.status ?? null,
		})),
		notes: report.notes,
		decisionRecords,
		retention,
		calibration,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, person } = await requireEngineerLead(request, params.userId)
	const formData = await request.formData()
	const form = parseForm(formData, GrowthNoteSchema)
	const typed = formData.get('body')
	const body = typeof typed === 'string' ? typed.slice(0, MAX_NOTE_CHARS * 2) : ''
	if (!form.ok) return data<NoteFormResult>({ fieldErrors: form.fieldErrors, body }, { status: 400 })
	// The note belongs to the report it was written on: dated inside that period (ADR 022).
	const now = new Date()
	const { period, error: periodError } = parseReportPeriod(new URL(request.url).searchParams, now)
	if (periodError) return data<NoteFormResult>({ error: `${periodError} Choose the period again, then save the note.`, body }, { status: 400 })
	try {
		await addGrowthNote({
			organizationId: user.organizationId,
			authorId: user.id,
			userId: person.id,
			body: form.data.body,
			period: { from: period.from, to: period.to },
			now,
		})
	} catch (error) {
		if (error instanceof GrowthError) return data<NoteFormResult>({ error: error.message, body }, { status: error.status })
		throw error
	}
	return redirect(`/people/${person.id}/report?${periodSearch(period)}&saved=note#notes`)
}

export default function GrowthReportPage({ loaderData, actionData }: Route.ComponentProps) {
	const { engineer, period, previous, search, summary, links, self, canLead } = loaderData
	const now = new Date(loaderData.now)
	const reportPath = `/people/${engineer.id}/report`
	const firstName = engineer.name.split(' ')[0] ?? engineer.name
	return (
		<article className="growth-report space-y-6" aria-labelledby="report-title">
			<Breadcrumbs
				className="print:hidden"
				trail={[{ label: self ? 'Your growth' : engineer.name, to: `/people/${engineer.id}` }, { label: 'Growth report' }]}
			/>
			<header className="flex flex-wrap items-start justify-between gap-4">
				<div>
					<p className="text-sm font-semibold text-brand-700 dark:text-brand-100">Hardmode growth report</p>
					<h1 id="report-title" className="mt-1 text-2xl font-bold tracking-tight">
						{engineer.name} · {period.label}
					</h1>
					<p className="mt-1 text-slate-700 dark:text-slate-300">
						{formatFullDay(period.fromDay)} to {formatFullDay(period.toDay)}, compared with the period before ({previous.label})
						{engineer.teams.length ? ` · ${engineer.teams.join(', ')}` : ''}
					</p>
					<p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
						Prepared {formatFullDay(now)}
						{period.includesToday ? '; the period is still under way' : ''}.
					</p>
				</div>
				<div className="flex flex-wrap gap-2 print:hidden">
					<Button variant="secondary" onClick={() => window.print()}>
						Print / save as PDF
					</Button>
					<a href={`/people/${engineer.id}/report.csv?${search}`} className={buttonClass('secondary')} download>
						Download CSV
					</a>
				</div>
			</header>

			<div className="print:hidden">
				<ReportPeriodForm
					key={`${period.fromDay}:${period.toDay}:${loaderData.periodError ?? ''}`}
					action={reportPath}
					quick={loaderData.quick}
					requested={loaderData.requested}
					error={loaderData.periodError}
					now={loaderData.now}
				/>
			</div>

			<dl className="report-section grid grid-cols-2 gap-3 sm:grid-cols-4">
				<Summary label="Attempts finished" value={summary.attempts} note={`${summary.previousAttempts} the period before`} />
				<Summary label="Solved" value={summary.solved} note={summary.attempts ? `of ${summary.attempts} finished` : 'nothing finished'} />
				<Summary
					label="Rated first attempts"
					value={summary.rated}
					note={
						!summary.attempts
							? 'nothing finished'
							: summary.attempts - summary.rated
								? `${summary.attempts - summary.rated} not rated (retries)`
								: 'every one rated'
					}
				/>
				<Summary label="Reviewed by a lead" value={summary.reviews} note={summary.attempts ? `of ${summary.attempts} finished` : 'nothing finished'} />
			</dl>

			<ReportSection
				id="skills"
				title="Skills and their change"
				description="Each topic’s rating at the end of the period, and how far it moved in this period and the one before."
			>
				<ReportSkills skills={loaderData.skills} periodLabel={period.label} previousLabel={previous.label} />
			</ReportSection>

			<ReportSection
				id="process"
				title="How the debugging went"
				description="Process metrics of the attempts finished in each period, and whether they got better."
			>
				<ReportMetrics current={loaderData.metrics.current} previous={loaderData.metrics.previous} comparison={loaderData.metrics.comparison} />
			</ReportSection>

			<ReportSection
				id="independence"
				title="Independence"
				description="An attempt is independent when no hint was revealed, nothing came in by outside paste, and the work was attested as the engineer’s own."
			>
				<ReportIndependence independence={loaderData.independence} />
			</ReportSection>

			<ReportSection
				id="telling"
				title="The most telling attempts"
				description="The rated attempts the ratings learned most from: results furthest from what was expected."
			>
				<ReportTellingAttempts attempts={loaderData.tellingAttempts} links={links} subject={self ? null : firstName} />
			</ReportSection>

			<ReportSection
				id="reviews"
				title="From the lead’s reviews"
				description="Rubric scores and the summary of each review of an attempt finished in the period."
			>
				<ReportReviews reviews={loaderData.reviews} links={links} />
			</ReportSection>

			<ReportSection
				id="decisions"
				title="Architecture decisions"
				description="Decision records of architecture attempts handed in or finished in the period, as they stood at its end."
			>
				<ReportDecisionRecords records={loaderData.decisionRecords} links={links} />
			</ReportSection>

			<ReportSection
				id="retention-and-calibration"
				title="Retention and calibration"
				description="Retention checks and next variants started in the period (compared with earlier attempts), and predictions made in it."
			>
				<div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
					<RetentionCard report={loaderData.retention} scope={self ? 'you' : { name: firstName }} headingLevel={3} />
					<CalibrationCard calibration={loaderData.calibration} subject={self ? 'you' : { name: firstName }} headingLevel={3} />
				</div>
				<p className="mt-3 text-sm text-slate-600 dark:text-slate-400 print:hidden">
					<Link to="/what-we-record" className={linkClass}>
						What Hardmode records and who sees it
					</Link>
				</p>
			</ReportSection>

			<ReportSection id="notes" title="Lead notes" description={`Notes about ${self ? 'you' : firstName} written in this period or for it.`}>
				<ReportNotes
					notes={loaderData.notes}
					canLead={canLead}
					action={`${reportPath}?${search}`}
					result={actionData}
					saved={loaderData.saved}
					engineerName={firstName}
					periodLabel={period.label}
					periodIncludesToday={period.includesToday}
					maxChars={loaderData.maxNoteChars}
				/>
			</ReportSection>

			<ReportPrintedNoteSpace />
		</article>
	)
}

function Summary({ label, value, note }: { label: string; value: number; note: string }) {
	return (
		<div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
			<dd className="mt-1 text-2xl font-semibold tabular-nums">
				{value}
				<span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{note}</span>
			</dd>
		</div>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: loaderData ? `Growth report · ${loaderData.engineer.name} · ${loaderData.period.label} · Hardmode` : 'Growth report · Hardmode' },
]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
