// Giving up on an attempt, asked for once in a dialog that says what it costs: the attempt ends
// unsolved and its reference is shown; everything recorded stays.
import { useState } from 'react'
import { useFetcher } from 'react-router'
import type { WorkspaceActionData } from '#app/attempts/submission.ts'
import { Button } from '#app/components/ui/button.tsx'
import { Dialog } from '#app/components/ui/dialog.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'

export function GiveUp({
	label,
	consequence,
	beforeGiveUp,
}: {
	label: string
	consequence: string
	/** Sends what is still only in this browser (a draft typed a moment ago) while the attempt can take it. */
	beforeGiveUp?(): void
}) {
	const fetcher = useFetcher<WorkspaceActionData>()
	const [confirming, setConfirming] = useState(false)
	const refused = fetcher.data?.intent === 'give-up' && !fetcher.data.ok ? fetcher.data.message : null
	return (
		<div className="border-t border-slate-200 pt-3 dark:border-slate-700">
			<Button variant="ghost" className="text-xs" onClick={() => setConfirming(true)} disabled={fetcher.state !== 'idle'}>
				{label}
			</Button>
			<FormAlert message={refused} />
			<Dialog open={confirming} onClose={() => setConfirming(false)} title="Give up on this attempt?">
				<p className="text-sm text-slate-700 dark:text-slate-300">{consequence}</p>
				<fetcher.Form
					method="post"
					className="mt-6 flex justify-end gap-3"
					onSubmit={() => {
						beforeGiveUp?.()
						setConfirming(false)
					}}
				>
					<Button variant="secondary" onClick={() => setConfirming(false)}>
						Keep working
					</Button>
					<Button type="submit" variant="danger" name="intent" value="give-up">
						Give up
					</Button>
				</fetcher.Form>
			</Dialog>
		</div>
	)
}
