import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EventBatch } from '#app/attempts/events.ts'
import { Outbox, type SendOutcome } from './outbox.ts'

function memoryStorage() {
	const items = new Map<string, string>()
	return {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k),
	}
}

function server(outcomes: SendOutcome[] = []) {
	const received: EventBatch[] = []
	return {
		received,
		send: async (batch: EventBatch) => {
			received.push(structuredClone(batch))
			return outcomes.shift() ?? { kind: 'ok' as const }
		},
	}
}

afterEach(() => vi.useRealTimers())

describe('the workspace outbox', () => {
	it('numbers events after the server’s last one and sends them in one batch', async () => {
		const api = server()
		const outbox = new Outbox({ key: 'a', send: api.send, initialSeq: 41 })
		outbox.push('focus.lost', {})
		outbox.push('focus.regained', { awayMs: 3000 })
		expect(await outbox.flush()).toBe(true)
		expect(api.received).toHaveLength(1)
		expect(api.received[0]!.events.map((e) => [e.seq, e.type])).toEqual([
			[42, 'focus.lost'],
			[43, 'focus.regained'],
		])
		expect(outbox.pending()).toEqual([])
		expect(outbox.getStatus()).toEqual({ pending: 0, state: 'saved' })
	})

	it('keeps events through a failed send and retries with the same ids until acknowledged', async () => {
		vi.useFakeTimers()
		const api = server([{ kind: 'retry' }, { kind: 'retry' }])
		const outbox = new Outbox({ key: 'a', send: api.send })
		outbox.push('paste', { chars: 10, outside: true, blocked: false })
		expect(await outbox.flush()).toBe(false)
		expect(outbox.getStatus().state).toBe('offline')
		await vi.advanceTimersByTimeAsync(1000)
		await vi.advanceTimersByTimeAsync(2000)
		expect(api.received).toHaveLength(3)
		expect(new Set(api.received.map((b) => b.events[0]!.id)).size).toBe(1)
		expect(outbox.getStatus()).toEqual({ pending: 0, state: 'saved' })
	})

	it('survives a reload: what was not acknowledged is read back and sent by the next page', async () => {
		const storage = memoryStorage()
		const offline = new Outbox({ key: 'attempt-1', storage, send: async () => ({ kind: 'retry' }) })
		const hypothesis = offline.push('journal.add', { entryId: crypto.randomUUID(), kind: 'hypothesis', text: 'Cursor off by one' })
		await offline.flush()
		offline.dispose()
		const api = server()
		const reloaded = new Outbox({ key: 'attempt-1', storage, send: api.send })
		expect(reloaded.pending()).toEqual([hypothesis])
		const next = reloaded.push('focus.lost', {})
		expect(next.seq).toBe(hypothesis.seq + 1)
		await reloaded.flush()
		expect(api.received[0]!.events.map((e) => e.id)).toEqual([hypothesis.id, next.id])
		expect(new Outbox({ key: 'attempt-1', storage, send: api.send }).pending()).toEqual([])
	})

	it('keeps only the newest unsent code snapshot', async () => {
		const api = server()
		const outbox = new Outbox({ key: 'a', send: api.send })
		outbox.push('snapshot', { files: { 'src/a.ts': 'one' } })
		outbox.push('snapshot', { files: { 'src/a.ts': 'two' } })
		await outbox.flush()
		expect(api.received[0]!.events.map((e) => e.data)).toEqual([{ files: { 'src/a.ts': 'two' } }])
	})

	it('drops a batch the server refuses for good and says why, without blocking later events', async () => {
		const api = server([{ kind: 'refused', message: 'The events were malformed' }])
		const outbox = new Outbox({ key: 'a', send: api.send })
		outbox.push('focus.lost', {})
		expect(await outbox.flush()).toBe(false)
		expect(outbox.getStatus()).toMatchObject({ state: 'error', message: 'The events were malformed' })
		outbox.push('focus.regained', { awayMs: 5 })
		expect(await outbox.flush()).toBe(true)
		expect(api.received[1]!.events.map((e) => e.type)).toEqual(['focus.regained'])
	})

	it('does not send the same events twice when flushes overlap', async () => {
		let release: (o: SendOutcome) => void = () => {}
		const received: EventBatch[] = []
		const outbox = new Outbox({ key: 'a', send: (batch) => (received.push(batch), new Promise((resolve) => (release = resolve))) })
		outbox.push('focus.lost', {})
		const first = outbox.flush()
		outbox.push('focus.regained', { awayMs: 1 })
		const second = outbox.flush()
		release({ kind: 'ok' })
		await new Promise((r) => setTimeout(r, 0))
		release({ kind: 'ok' })
		expect(await first).toBe(true)
		expect(await second).toBe(true)
		expect(received.map((b) => b.events.map((e) => e.type))).toEqual([['focus.lost'], ['focus.regained']])
	})
})
