// The replay clock of a lead's review: where in the attempt the page is, playing at a chosen
// speed and stopping by itself at the end, and jumps between the timeline's marks.
import { useEffect, useMemo, useState } from 'react'
import { buildReplay } from '#app/attempts/replay.ts'
import type { AttemptReviewView } from '#app/reviews/review-view.ts'

export const SPEEDS = [1, 4, 16] as const
export type ReplaySpeed = (typeof SPEEDS)[number]
const TICK_MS = 100

export function useReplay(view: Pick<AttemptReviewView, 'starter' | 'events'>) {
	const replay = useMemo(
		() =>
			buildReplay(
				view.starter,
				view.events.map((event) => ({ ...event, at: new Date(event.at) })),
			),
		[view.starter, view.events],
	)
	const [offset, setOffset] = useState(replay.durationMs)
	const [playing, setPlaying] = useState(false)
	const [speed, setSpeed] = useState<ReplaySpeed>(4)

	// Play advances the replay clock; it stops by itself at the end.
	useEffect(() => {
		if (!playing) return
		const timer = setInterval(() => {
			setOffset((current) => {
				const next = Math.min(replay.durationMs, current + TICK_MS * speed)
				if (next >= replay.durationMs) setPlaying(false)
				return next
			})
		}, TICK_MS)
		return () => clearInterval(timer)
	}, [playing, speed, replay.durationMs])

	const jumpTo = (mark: { offsetMs: number }) => {
		setPlaying(false)
		setOffset(mark.offsetMs)
	}
	return {
		replay,
		/** Milliseconds since the attempt started. */
		offset,
		/** The moment the replay shows. */
		at: replay.startedAt.getTime() + offset,
		playing,
		speed,
		setSpeed,
		jumpTo,
		step(direction: 1 | -1) {
			const target = direction === 1 ? replay.marks.find((mark) => mark.offsetMs > offset) : [...replay.marks].reverse().find((mark) => mark.offsetMs < offset)
			if (target) jumpTo(target)
		},
		/** Play from the start once the end is reached; otherwise play or pause. */
		togglePlay() {
			if (offset >= replay.durationMs) {
				setOffset(0)
				setPlaying(true)
			} else setPlaying(!playing)
		},
		scrub(to: number) {
			setPlaying(false)
			setOffset(to)
		},
	}
}

export type ReplayClock = ReturnType<typeof useReplay>
