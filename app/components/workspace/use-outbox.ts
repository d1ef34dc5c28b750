// The workspace's end of the outbox (ADR 008): created once per attempt, it restores what the
// last page left unsent, sends every few seconds and when the connection returns, and hands
// the rest to sendBeacon when the page goes away.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { ClientEvent, ClientEventType } from '#app/attempts/events.ts'
import { Outbox, type EventData, type OutboxStatus, type SendOutcome } from './outbox.ts'

const FLUSH_EVERY_MS = 3000

/** Records an event unless the attempt is finished (a finished attempt records nothing more). */
export type RecordEvent = <T extends ClientEventType>(type: T, payload: EventData<T>) => ClientEvent | null

export function useOutbox({
	attemptId,
	draftSeq,
	finished,
	outboxRef,
	onRestore,
	onPageHide,
}: {
	attemptId: string
	/** The highest sequence number the server has applied. */
	draftSeq: number
	finished: boolean
	/** Filled once the outbox exists; the other workspace hooks push through it. */
	outboxRef: RefObject<Outbox | null>
	/** Applies what the last page left unsent, before any of it is sent. */
	onRestore(pending: ClientEvent[]): void
	/** Last chance to record what is still only in memory. */
	onPageHide(): void
}) {
	const [status, setStatus] = useState<OutboxStatus>({ pending: 0, state: 'saved' })
	// The page's handlers of the latest render, for the listeners set up once below.
	const latest = useRef({ onRestore, onPageHide })
	useEffect(() => {
		latest.current = { onRestore, onPageHide }
	})

	useEffect(() => {
		const url = `/attempts/${attemptId}/events`
		const created = new Outbox({
			key: `hardmode:attempt:${attemptId}:outbox`,
			storage: safeLocalStorage(),
			initialSeq: draftSeq,
			send: (batch) => sendJson(url, batch),
			onStatus: setStatus,
		})
		outboxRef.current = created
		latest.current.onRestore(created.pending())
		void created.flush()
		const interval = setInterval(() => {
			if (created.pending().length) void created.flush()
		}, FLUSH_EVERY_MS)
		const onOnline = () => void created.flush()
		const onPageHide = () => {
			latest.current.onPageHide()
			const batch = created.beaconBatch()
			if (batch && typeof navigator.sendBeacon === 'function') navigator.sendBeacon(url, new Blob([JSON.stringify(batch)], { type: 'application/json' }))
		}
		window.addEventListener('online', onOnline)
		window.addEventListener('pagehide', onPageHide)
		return () => {
			clearInterval(interval)
			window.removeEventListener('online', onOnline)
			window.removeEventListener('pagehide', onPageHide)
			created.dispose()
		}
		// Created once per attempt; the loader's later data never replaces the outbox.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [attemptId])

	const record: RecordEvent = useCallback(
		(type, payload) => (finished || !outboxRef.current ? null : outboxRef.current.push(type, payload)),
		[finished, outboxRef],
	)

	return { status, record }
}

function safeLocalStorage(): Storage | null {
	try {
		return window.localStorage
	} catch {
		return null
	}
}

async function sendJson(url: string, body: unknown): Promise<SendOutcome> {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
	// Logged out: the guard sent us to the login page. Keep everything until the learner is back.
	if (response.redirected || !(response.headers.get('Content-Type') ?? '').includes('json')) return { kind: 'retry' }
	if (response.ok) return { kind: 'ok' }
	if (response.status >= 500 || response.status === 429 || response.status === 408) return { kind: 'retry' }
	const answer: { error?: string; details?: string[] } | null = await response.json().catch(() => null)
	if (response.status === 409) return { kind: 'refused', message: answer?.error ?? 'This attempt is finished.' }
	return {
		kind: 'refused',
		message: `Some recent changes could not be saved: ${answer?.error ?? `the server answered ${response.status}`}${answer?.details?.length ? ` (${answer.details[0]})` : ''}`,
	}
}
