// The learner's code as it is typed: kept in state for the page and in a ref for the handlers
// that must read it without re-rendering, recorded as a snapshot 2 s after typing pauses and at
// least every 10 s while it goes on.
import { useCallback, useRef, useState, type RefObject } from 'react'
import type { Outbox } from './outbox.ts'

const SNAPSHOT_IDLE_MS = 2000
const SNAPSHOT_EVERY_MS = 10_000

export function useCodeDraft({ initial, finished, outboxRef }: { initial: Record<string, string>; finished: boolean; outboxRef: RefObject<Outbox | null> }) {
	const [files, setFiles] = useState(initial)
	const filesRef = useRef(files)
	const snapshotTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
	const lastSnapshotAt = useRef(0)
	const dirty = useRef(false)

	function pushSnapshot() {
		if (!outboxRef.current || finished) return
		dirty.current = false
		lastSnapshotAt.current = Date.now()
		if (snapshotTimer.current) clearTimeout(snapshotTimer.current)
		snapshotTimer.current = null
		outboxRef.current.push('snapshot', { files: filesRef.current })
	}

	const onChange = useCallback(
		(path: string, text: string) => {
			if (finished) return
			filesRef.current = { ...filesRef.current, [path]: text }
			setFiles(filesRef.current)
			dirty.current = true
			if (snapshotTimer.current) clearTimeout(snapshotTimer.current)
			const overdue = Date.now() - lastSnapshotAt.current >= SNAPSHOT_EVERY_MS
			snapshotTimer.current = setTimeout(pushSnapshot, overdue && lastSnapshotAt.current ? 0 : SNAPSHOT_IDLE_MS)
		},
		// pushSnapshot reads refs only, apart from `finished`, which is a dependency.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[finished],
	)

	return {
		files,
		/** The code right now, for handlers that run between renders. */
		filesRef,
		onChange,
		/** Records the code now if it changed since the last snapshot or run. */
		saveIfChanged() {
			if (dirty.current) pushSnapshot()
		},
		/** A run stored this code, so no snapshot of it is needed. */
		markStored() {
			dirty.current = false
		},
		/** Puts back the code a newer unsent snapshot holds (after a reload). */
		restore(restored: Record<string, string>) {
			filesRef.current = restored
			setFiles(restored)
		},
	}
}
