import { MEMBER_PROGRESS_LABELS, type MemberProgress } from '#app/assignments/progress.ts'
import { Badge } from './ui/badge.tsx'

const TONES: Record<MemberProgress, 'neutral' | 'brand' | 'warning' | 'success'> = {
	not_started: 'neutral',
	in_progress: 'brand',
	submitted: 'warning',
	reviewed: 'success',
}

export function ProgressBadge({ progress }: { progress: MemberProgress }) {
	return <Badge tone={TONES[progress]}>{MEMBER_PROGRESS_LABELS[progress]}</Badge>
}

/** One bar per assignment: a segment per standing, with the counts spelled out beside it. */
export function ProgressBar({ counts, total }: { counts: Record<MemberProgress, number>; total: number }) {
	const colours: Record<MemberProgress, string> = {
		not_started: 'bg-slate-300 dark:bg-slate-700',
		in_progress: 'bg-brand-500',
		submitted: 'bg-amber-500',
		reviewed: 'bg-emerald-600',
	}
	const order: MemberProgress[] = ['reviewed', 'submitted', 'in_progress', 'not_started']
	return (
		<div className="space-y-1">
			<div className="flex h-2 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
				{total > 0
					? order.map((progress) =>
							counts[progress] ? <div key={progress} className={colours[progress]} style={{ width: `${(counts[progress] / total) * 100}%` }} /> : null,
						)
					: null}
			</div>
			<p className="text-xs text-slate-600 dark:text-slate-400">
				{total === 0
					? 'Nobody to do it yet'
					: order
							.filter((progress) => counts[progress] > 0)
							.map((progress) => `${counts[progress]} ${MEMBER_PROGRESS_LABELS[progress].toLowerCase()}`)
							.join(' · ')}
			</p>
		</div>
	)
}

/** The rules an assignment sets, as badges; a rule that is off and unremarkable is not shown. */
export function RuleBadges({ rules }: { rules: { hintsAllowed: boolean; pasteBlocked: boolean; hardMode: boolean } }) {
	return (
		<span className="flex flex-wrap gap-1">
			<Badge tone={rules.hintsAllowed ? 'neutral' : 'warning'}>{rules.hintsAllowed ? 'Hints allowed' : 'No hints'}</Badge>
			{rules.pasteBlocked ? <Badge tone="warning">Pastes blocked</Badge> : null}
			{rules.hardMode ? <Badge tone="warning">Hard mode</Badge> : null}
		</span>
	)
}
