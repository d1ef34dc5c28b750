// The decision records of the period's architecture attempts, compactly: what was decided,
// against which options, what was expected and what the follow-up said it cost.
import { Link } from 'react-router'
import { SECTION_LABELS } from '#app/architecture/decision-record.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import type { ReportDecisionRecord } from '#app/models/growth/growth-report.server.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES } from '#app/practice/attempt-summary.ts'
import { attemptHref, type AttemptLinks } from './profile-recent-attempts.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatFullDay } from '#app/utils/time-format.ts'

export type ReportDecisionRecordView = ReportDecisionRecord

/** Enough of a section to recall it; the replay has the rest. */
const SECTION_CHARS = 420

function shorten(text: string) {
	const flat = text.replace(/\s+/g, ' ').trim()
	if (flat.length <= SECTION_CHARS) return flat
	const cut = flat.slice(0, SECTION_CHARS)
	const space = cut.lastIndexOf(' ')
	return `${(space > SECTION_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}

const muted = 'text-slate-600 dark:text-slate-400'

export function ReportDecisionRecords({ records, links }: { records: ReportDecisionRecordView[]; links: AttemptLinks }) {
	if (records.length === 0) return <p className={`text-sm ${muted}`}>No architecture attempt was handed in or finished in this period.</p>
	return (
		<ul className="space-y-4">
			{records.map((record) => {
				const href = attemptHref(links, record.attemptId)
				const sections = [
					{ label: SECTION_LABELS.context, text: record.context },
					{ label: SECTION_LABELS.options, text: record.options.join(' · ') },
					{ label: SECTION_LABELS.decision, text: record.decision },
					{ label: SECTION_LABELS.consequences, text: record.consequences },
					{ label: 'Follow-up', text: record.followUp },
				].filter((section) => section.text)
				return (
					<li key={record.attemptId} className="report-item rounded-md p-3 ring-1 ring-slate-200 print:border print:border-slate-400 dark:ring-slate-800">
						<p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
							{href ? (
								<Link to={href} className={cn('font-medium', linkClass)}>
									{record.exercise.title}
								</Link>
							) : (
								<span className="font-medium">{record.exercise.title}</span>
							)}
							<Badge tone={ATTEMPT_STATUS_TONES[record.status]}>{ATTEMPT_STATUS_LABELS[record.status]}</Badge>
							<span className={muted}>
								{record.source.kind === 'stage'
									? `Stage ${record.source.stage} handed in · ${record.source.scenariosPassed} of ${record.source.scenariosTotal} scenarios within their thresholds`
									: 'Draft, never handed in'}
								{` · ${formatFullDay(record.at)}`}
							</span>
						</p>
						<dl className="mt-2 grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
							{sections.map((section) => (
								<div key={section.label} className="contents">
									<dt className={`font-medium ${muted}`}>{section.label}</dt>
									<dd className="text-slate-800 dark:text-slate-200">{shorten(section.text)}</dd>
								</div>
							))}
						</dl>
					</li>
				)
			})}
		</ul>
	)
}
