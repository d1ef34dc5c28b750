// An architecture attempt's decision record as it is written: saved as a draft through the
// outbox a moment after typing pauses, and checked for completeness only on submit.
import { useRef, useState, type RefObject } from 'react'
import { checkDecisionRecord, isComplete, emptyDecisionRecord, type DecisionRecord, type DecisionRecordErrors } from '#app/architecture/decision-record.ts'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import type { Outbox } from './outbox.ts'

const SAVE_AFTER_MS = 2000

export function useDecisionDraft({
	architecture,
	finished,
	outboxRef,
}: {
	architecture: WorkspaceView['architecture']
	finished: boolean
	outboxRef: RefObject<Outbox | null>
}) {
	const [record, setRecord] = useState<DecisionRecord>(() => architecture?.record ?? emptyDecisionRecord())
	const recordRef = useRef(record)
	const [errors, setErrors] = useState<DecisionRecordErrors>({})
	const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

	function save() {
		if (saveTimer.current) clearTimeout(saveTimer.current)
		saveTimer.current = null
		if (!architecture || finished) return
		outboxRef.current?.push('decision.saved', { stage: architecture.stage, record: recordRef.current })
	}

	function replace(next: DecisionRecord) {
		recordRef.current = next
		setRecord(next)
	}

	return {
		record,
		errors,
		setErrors,
		change(next: DecisionRecord) {
			replace(next)
			if (saveTimer.current) clearTimeout(saveTimer.current)
			saveTimer.current = setTimeout(save, SAVE_AFTER_MS)
			// Once a submit has listed what is missing, the list follows the edits.
			if (architecture && !isComplete(errors)) setErrors(checkDecisionRecord(next, architecture.stage))
		},
		/** Saves the draft now if a save is waiting. */
		saveIfPending() {
			if (saveTimer.current) save()
		},
		/** Puts back a newer unsent draft (after a reload). */
		restore: replace,
	}
}
