// The workspace's right pane: the decision record, the journal, hints, submitting (or the
// result), what is recorded, and the lead's review once there is one.
import type { ReactNode, RefObject } from 'react'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import type { CodeEditorHandle } from './code-editor-types.ts'
import { DecisionRecordPanel } from './decision-record-panel.tsx'
import { DiagnosisPanel, HintsPanel } from './diagnosis-panel.tsx'
import { JournalPanel } from './journal-panel.tsx'
import { RatingNote } from './rating-note.tsx'
import { RecordPanel } from './record-panel.tsx'
import { ReviewPanel } from './review-panel.tsx'
import { StagePanel } from './stage-panel.tsx'
import { TabPanel, Tabs, useTabIds } from './tabs.tsx'
import type { useDecisionDraft } from './use-decision-draft.ts'
import type { Integrity } from './use-integrity-signals.ts'
import type { useJournal } from './use-journal.ts'
import { useLiveHints } from './use-live-hints.ts'
import type { useRun } from './use-run.ts'

export type SideTab = 'decision' | 'journal' | 'hints' | 'submit' | 'record' | 'review'

export function initialSideTab(view: Pick<WorkspaceView, 'review' | 'architecture' | 'attempt'>): SideTab {
	return view.review ? 'review' : view.attempt.status !== 'in_progress' ? 'submit' : view.architecture ? 'decision' : 'journal'
}

export function SidePane({
	view,
	tab,
	onTab,
	finished,
	decision,
	journal,
	run,
	integrity,
	files,
	editorRef,
	beforeSubmit,
	onOpenLocation,
	collapseButton,
}: {
	view: WorkspaceView
	tab: SideTab
	onTab(tab: SideTab): void
	finished: boolean
	decision: ReturnType<typeof useDecisionDraft>
	journal: ReturnType<typeof useJournal>
	run: ReturnType<typeof useRun>
	integrity: Integrity
	files: RefObject<Record<string, string>>
	editorRef: RefObject<CodeEditorHandle | null>
	/** Records the code (and the decision record) before a submission grades it. */
	beforeSubmit(options: { decision: boolean }): void
	onOpenLocation(file: string, line: number): void
	/** Shown at the end of the tab strip. */
	collapseButton?: ReactNode
}) {
	const { architecture } = view
	const tabIds = useTabIds()
	const hints = useLiveHints(view.hints, {
		startedAt: view.attempt.startedAt,
		serverNow: view.now,
		hypothesisCount: journal.entries.filter((entry) => entry.kind === 'hypothesis').length,
	})
	const hintReady = !finished && hints.next?.unlocked === true
	return (
		<section aria-label="Diagnosis" className="flex h-full min-h-0 flex-col bg-white dark:bg-slate-900">
			<Tabs<SideTab>
				ids={tabIds}
				label="Diagnosis"
				value={tab}
				onChange={onTab}
				tabs={[
					...(architecture ? [{ id: 'decision' as const, label: 'Decision record' }] : []),
					{ id: 'journal', label: 'Journal' },
					{ id: 'hints', label: 'Hints', note: hintReady ? 'a hint is ready' : null },
					{ id: 'submit', label: finished ? 'Result' : architecture ? `Submit stage ${architecture.stage}` : 'Submit' },
					{ id: 'record', label: 'Recorded' },
					...(view.review ? [{ id: 'review' as const, label: 'Review' }] : []),
				]}
			>
				{collapseButton}
			</Tabs>
			<TabPanel ids={tabIds} value={tab}>
				{tab === 'decision' && architecture ? (
					<DecisionRecordPanel
						record={decision.record}
						stage={architecture.stage}
						readOnly={finished}
						errors={decision.errors}
						guidance={architecture.guidance}
						prompts={architecture.prompts}
						title={architecture.stage === 2 ? 'Decision record — six months later, add the follow-up' : 'Decision record'}
						onChange={decision.change}
					/>
				) : tab === 'submit' && architecture ? (
					<>
						<RatingNote rating={view.rating} />
						<StagePanel
							stage={architecture.stage}
							status={view.attempt.status}
							record={decision.record}
							submissions={architecture.submissions}
							getFiles={() => files.current}
							beforeSubmit={() => beforeSubmit({ decision: true })}
							onErrors={(errors) => {
								decision.setErrors(errors)
								onTab('decision')
							}}
							end={view}
						/>
					</>
				) : tab === 'journal' ? (
					<JournalPanel
						entries={journal.entries}
						runs={run.runs}
						testNames={view.testNames}
						plan={run.plan}
						readOnly={finished}
						onAdd={journal.add}
						onEdit={journal.edit}
						onPlan={run.setPlan}
						onShowRun={(runId) => void run.showRun(runId)}
						onMarkPrediction={run.markPrediction}
					/>
				) : tab === 'hints' ? (
					<HintsPanel hints={hints} readOnly={finished} />
				) : tab === 'submit' ? (
					<>
						<RatingNote rating={view.rating} />
						<DiagnosisPanel
							status={view.attempt.status}
							submissions={view.submissions}
							getSelection={() => editorRef.current?.getSelection() ?? null}
							getFiles={() => files.current}
							beforeSubmit={() => beforeSubmit({ decision: false })}
							referenceHtml={view.reference?.explanationHtml ?? null}
							referenceCategories={view.reference ? [view.reference.category, ...view.reference.acceptedCategories] : []}
						/>
					</>
				) : tab === 'review' && view.review ? (
					<ReviewPanel review={view.review} onOpenLocation={onOpenLocation} canOpen={(file) => file in files.current} />
				) : (
					<RecordPanel integrity={integrity} rules={view.attempt.rules} />
				)}
			</TabPanel>
		</section>
	)
}
