// Integrity signals as facts the learner sees too (ADR 008): time away from the window, pastes
// (refused ones with a notice that says why) and large insertions that were not typed.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import type { EditorSignal } from './code-editor-types.ts'
import type { Outbox } from './outbox.ts'
import type { RecordEvent } from './use-outbox.ts'

export type Integrity = WorkspaceView['attempt']['integrity']

export function useIntegritySignals({
	initial,
	finished,
	outboxRef,
	record,
	activePath,
}: {
	initial: Integrity
	finished: boolean
	outboxRef: RefObject<Outbox | null>
	record: RecordEvent
	/** The file the editor shows, named in paste and insertion events. */
	activePath: RefObject<string>
}) {
	const [integrity, setIntegrity] = useState(initial)
	const [notice, setNotice] = useState<string | null>(null)

	// Time away from the window, recorded as it happens.
	useEffect(() => {
		if (finished) return
		let lostAt: number | null = null
		const onBlur = () => {
			if (lostAt !== null) return
			lostAt = Date.now()
			outboxRef.current?.push('focus.lost', {})
			setIntegrity((current) => ({ ...current, focusLosses: current.focusLosses + 1 }))
		}
		const onFocus = () => {
			if (lostAt === null) return
			const awayMs = Date.now() - lostAt
			lostAt = null
			outboxRef.current?.push('focus.regained', { awayMs })
			setIntegrity((current) => ({ ...current, awayMs: current.awayMs + awayMs }))
		}
		window.addEventListener('blur', onBlur)
		window.addEventListener('focus', onFocus)
		return () => {
			window.removeEventListener('blur', onBlur)
			window.removeEventListener('focus', onFocus)
		}
	}, [finished, outboxRef])

	const onSignal = useCallback(
		(signal: EditorSignal) => {
			if (finished) return
			if (signal.type === 'paste') {
				record('paste', { chars: signal.chars, outside: signal.outside, blocked: signal.blocked, file: activePath.current })
				if (signal.outside) {
					setIntegrity((current) => ({
						...current,
						outsidePastes: current.outsidePastes + 1,
						outsidePasteChars: current.outsidePasteChars + signal.chars,
						blockedPastes: current.blockedPastes + (signal.blocked ? 1 : 0),
					}))
				}
				if (signal.blocked)
					setNotice(
						'Pasting from outside the editor is turned off for this assignment, so nothing was inserted. Type it yourself, or copy from within the editor.',
					)
			} else {
				record('insertion', { chars: signal.chars, file: activePath.current })
				setIntegrity((current) => ({ ...current, largeInsertions: current.largeInsertions + 1 }))
			}
		},
		[finished, record, activePath],
	)

	return { integrity, notice, dismissNotice: () => setNotice(null), onSignal }
}
