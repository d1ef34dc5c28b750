// The Hints tab's lock, kept true as the attempt goes on: recomputed in the browser from the
// rule the server sent (app/attempts/hints.ts) whenever a minute ticks off or a hypothesis is
// recorded, so the tab unlocks without a reload. Revealing stays the server's decision.
import { useEffect, useMemo, useRef, useState } from 'react'
import { hintStateAt, msUntilHintChange, type HintState } from '#app/attempts/hints.ts'

/** A little after the minute turns, so the recomputed lock has surely changed. */
const TICK_MARGIN_MS = 50

export function useLiveHints(served: HintState, { startedAt, serverNow, hypothesisCount }: { startedAt: string; serverNow: string; hypothesisCount: number }) {
	// The server's clock decides, so the browser's clock only measures how much time has passed
	// since the page was served. Until the first tick (and on the server) it is the moment served.
	const [tick, setTick] = useState<{ servedAt: string; now: number } | null>(null)
	const offset = useRef<{ servedAt: string; ms: number } | null>(null)
	const ticked = tick !== null && tick.servedAt === serverNow
	const now = ticked ? tick.now : Date.parse(serverNow)
	const state = useMemo(
		() => hintStateAt(served, { startedAt: new Date(startedAt), now: new Date(now), hypothesisCount }),
		[served, startedAt, now, hypothesisCount],
	)

	useEffect(() => {
		if (offset.current?.servedAt !== serverNow) offset.current = { servedAt: serverNow, ms: Date.parse(serverNow) - Date.now() }
		const { ms } = offset.current
		const clientNow = () => Date.now() + ms
		// The first tick at once: the page may have taken a while to arrive and hydrate.
		const wait = ticked ? msUntilHintChange(served, { startedAt: new Date(startedAt), now: new Date(clientNow()), hypothesisCount: 0 }) : 0
		if (wait === null) return
		const timer = setTimeout(() => setTick({ servedAt: serverNow, now: clientNow() }), wait === 0 ? 0 : wait + TICK_MARGIN_MS)
		return () => clearTimeout(timer)
	}, [served, serverNow, startedAt, ticked, now])

	return state
}
