// The wrong root-cause categories people named for an exercise, as a bar list: the bar only
// shows the proportion, the counts are written out beside each label.
import { counted } from './team-and-exercise-figures.tsx'

export type WrongRootCause = { category: string; label: string; submissions: number; attempts: number }

export function ExerciseRootCauseBars({ causes }: { causes: WrongRootCause[] }) {
	const most = Math.max(1, ...causes.map((cause) => cause.submissions))
	return (
		<ol className="space-y-3">
			{causes.map((cause) => (
				<li key={cause.category}>
					<div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
						<span className="font-medium text-slate-900 dark:text-slate-100">{cause.label}</span>
						<span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
							{counted(cause.submissions, ['submission', 'submissions'])} in {counted(cause.attempts, ['attempt', 'attempts'])}
						</span>
					</div>
					<div className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
						<div className="h-full rounded-full bg-amber-500 dark:bg-amber-400" style={{ width: `${(cause.submissions / most) * 100}%` }} />
					</div>
				</li>
			))}
		</ol>
	)
}
