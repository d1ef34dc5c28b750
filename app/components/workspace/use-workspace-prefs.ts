// The learner's workspace preferences and an attempt's open files, kept in localStorage. Read
// through useSyncExternalStore: the server and hydration see the defaults (so the markup
// matches), the browser re-renders with what was saved before it paints, and another tab's
// change arrives through the storage event.
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import {
	openFilesKey,
	parseOpenFiles,
	parseWorkspacePrefs,
	prefsKey,
	serializeWorkspacePrefs,
	type OpenFiles,
	type WorkspacePrefs,
} from './workspace-layout.ts'

const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
	listeners.add(listener)
	window.addEventListener('storage', listener)
	return () => {
		listeners.delete(listener)
		window.removeEventListener('storage', listener)
	}
}

export function readStored(key: string): string | null {
	try {
		return window.localStorage.getItem(key)
	} catch {
		// Storage can be disabled (privacy settings); the workspace then keeps its defaults.
		return null
	}
}

function writeStored(key: string, value: string) {
	try {
		window.localStorage.setItem(key, value)
	} catch {
		return
	}
	for (const listener of listeners) listener()
}

function useStored(key: string) {
	return useSyncExternalStore(
		subscribe,
		() => readStored(key),
		() => null,
	)
}

export function useWorkspacePrefs(userId: string) {
	const key = prefsKey(userId)
	const raw = useStored(key)
	const prefs = useMemo(() => parseWorkspacePrefs(raw), [raw])
	const update = useCallback(
		(change: Partial<WorkspacePrefs>) => writeStored(key, serializeWorkspacePrefs({ ...parseWorkspacePrefs(readStored(key)), ...change })),
		[key],
	)
	return { prefs, update }
}

/** The open tabs saved for this attempt (null until hydrated, or when none were saved) and a saver. */
export function useStoredOpenFiles(userId: string, attemptId: string, existing: ReadonlySet<string>) {
	const key = openFilesKey(userId, attemptId)
	const raw = useStored(key)
	const saved = useMemo(() => parseOpenFiles(raw, existing), [raw, existing])
	const save = useCallback((files: OpenFiles) => writeStored(key, JSON.stringify(files)), [key])
	return { saved, save }
}
