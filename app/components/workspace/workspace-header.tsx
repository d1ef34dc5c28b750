// The workspace's top bar: what is being practised, how far along, the rules, whether the work
// is saved, and Run — or, once the attempt has ended, where to go next.
import { Link } from 'react-router'
import type { NextStep } from '#app/attempts/next-step.ts'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import type { OutboxStatus } from './outbox.ts'

export function WorkspaceHeader({
	view,
	runCount,
	hypothesisCount,
	changedFiles,
	saveStatus,
	finished,
	running,
	onRun,
}: {
	view: Pick<WorkspaceView, 'attempt' | 'exercise' | 'nextStep'> & Partial<Pick<WorkspaceView, 'retentionCheck'>>
	runCount: number
	hypothesisCount: number
	changedFiles: number
	saveStatus: OutboxStatus
	finished: boolean
	running: boolean
	onRun(): void
}) {
	const { attempt, exercise } = view
	return (
		<div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
			<div className="min-w-0 flex-1">
				<p className="truncate font-semibold" title={exercise.title}>
					<Link to={`/exercises/${exercise.slug}`} className="hover:underline">
						{exercise.title}
					</Link>
				</p>
				<p className="text-xs text-slate-600 dark:text-slate-400">
					Version {exercise.versionNumber}
					{attempt.newerVersionExists ? ' (a newer version exists; this attempt stays on its own)' : ''} · {runCount} {runCount === 1 ? 'run' : 'runs'} ·{' '}
					{hypothesisCount} {hypothesisCount === 1 ? 'hypothesis' : 'hypotheses'} · {changedFiles} {changedFiles === 1 ? 'file' : 'files'} changed
				</p>
			</div>
			<div className="flex flex-wrap gap-1.5">
				{attempt.status === 'solved' ? (
					<Badge tone="success">Solved</Badge>
				) : attempt.status === 'gave_up' ? (
					<Badge tone="warning">Given up</Badge>
				) : (
					<Badge tone="brand">In progress</Badge>
				)}
				{attempt.rules.hardMode ? <Badge>Hard mode</Badge> : null}
				{attempt.rules.pasteBlocked ? <Badge tone="warning">Outside pastes blocked</Badge> : null}
				{attempt.rules.hintsAllowed ? null : <Badge>No hints</Badge>}
			</div>
			<SaveIndicator status={saveStatus} finished={finished} />
			{finished ? (
				view.nextStep ? (
					<NextStepLinks nextStep={view.nextStep} />
				) : null
			) : (
				<Button onClick={onRun} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run the visible tests (Ctrl+Enter)">
					{running ? (
						<>
							<span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-white/40 border-t-white" />
							Running…
						</>
					) : (
						<>
							Run <kbd className="rounded border border-white/60 px-1 text-[10px] font-normal">Ctrl ↵</kbd>
						</>
					)}
				</Button>
			)}
			{finished && view.retentionCheck ? (
				<p className="basis-full rounded-md bg-brand-50 px-3 py-1.5 text-sm text-brand-700 ring-1 ring-brand-100 dark:bg-brand-600/20 dark:text-brand-100 dark:ring-brand-600/40">
					{view.retentionCheck}
				</p>
			) : null}
		</div>
	)
}

/** The attempt has ended: one clear way on, and the list of attempts beside it. */
function NextStepLinks({ nextStep }: { nextStep: NextStep }) {
	return (
		<nav aria-label="Next step" className="flex items-center gap-2">
			<Link to={nextStep.attempts.href} className={buttonClass('secondary', 'px-3 py-1.5')} title={nextStep.attempts.detail ?? undefined}>
				{nextStep.attempts.label}
			</Link>
			<Link
				to={nextStep.primary.href}
				className={buttonClass('primary', 'max-w-sm px-3 py-1.5')}
				title={nextStep.primary.detail ?? undefined}
				aria-describedby="next-step-detail"
			>
				<span className="truncate">{nextStep.primary.label}</span>
				<span aria-hidden="true">→</span>
			</Link>
			{nextStep.primary.detail ? (
				<span id="next-step-detail" className="sr-only">
					{nextStep.primary.detail}
				</span>
			) : null}
		</nav>
	)
}

function SaveIndicator({ status, finished }: { status: OutboxStatus; finished: boolean }) {
	if (finished) return <span className="text-xs text-slate-600 dark:text-slate-400">Attempt finished · read-only</span>
	const text =
		status.state === 'error'
			? (status.message ?? 'Some changes could not be saved.')
			: status.state === 'offline'
				? `Offline — ${status.pending} ${status.pending === 1 ? 'change' : 'changes'} kept in this browser, retrying`
				: status.pending > 0 || status.state === 'saving'
					? 'Saving…'
					: 'All changes saved'
	return (
		<span
			role="status"
			aria-live="polite"
			className={cn(
				'max-w-xs truncate text-xs',
				status.state === 'error'
					? 'text-red-700 dark:text-red-400'
					: status.state === 'offline'
						? 'text-amber-800 dark:text-amber-300'
						: 'text-slate-600 dark:text-slate-400',
			)}
			title={text}
		>
			{text}
		</span>
	)
}
