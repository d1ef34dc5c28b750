// The "Recorded" tab: what the attempt records besides the learner's work, as the lead sees it.
import { Link } from 'react-router'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import type { Integrity } from './use-integrity-signals.ts'
import { formatSeconds } from '#app/utils/time-format.ts'

export function RecordPanel({ integrity, rules }: { integrity: Integrity; rules: WorkspaceView['attempt']['rules'] }) {
	const away = formatSeconds(integrity.awayMs)
	const rows = [
		{
			label: 'Pastes from outside the editor',
			value: integrity.outsidePastes ? `${integrity.outsidePastes} (${integrity.outsidePasteChars.toLocaleString('en-GB')} characters)` : 'none',
		},
		{ label: 'Outside pastes refused', value: rules.pasteBlocked ? String(integrity.blockedPastes) : 'pastes are allowed here' },
		{ label: 'Large insertions that were not typed', value: String(integrity.largeInsertions) },
		{
			label: 'Time away from this window',
			value: integrity.focusLosses ? `${integrity.focusLosses} ${integrity.focusLosses === 1 ? 'time' : 'times'}, ${away} in all` : 'none',
		},
	]
	return (
		<div className="space-y-3 p-3 text-sm">
			<p className="text-slate-700 dark:text-slate-300">
				What this attempt records besides your work. Your lead sees these as facts, never as a verdict; nothing here adds up to a score. Text you copy and paste
				within the editor is not counted.
			</p>
			<dl className="divide-y divide-slate-200 dark:divide-slate-700">
				{rows.map((row) => (
					<div key={row.label} className="flex justify-between gap-3 py-2">
						<dt className="text-slate-700 dark:text-slate-300">{row.label}</dt>
						<dd className="text-right font-medium">{row.value}</dd>
					</div>
				))}
			</dl>
			<p className="text-xs text-slate-600 dark:text-slate-400">
				The timeline also keeps every run, journal change, hint and submission, and your code every few seconds, so your lead can replay how you worked.{' '}
				<Link to="/what-we-record" className={linkClass}>
					What Hardmode records and who sees it
				</Link>
			</p>
		</div>
	)
}
