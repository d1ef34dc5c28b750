// A moment of an attempt as the replay and the reviews name it. Pure and client-safe.

/** "4:05" or "1:02:09" from milliseconds since the attempt started. */
export function formatClock(ms: number) {
	const total = Math.max(0, Math.floor(ms / 1000))
	const hours = Math.floor(total / 3600)
	const minutes = Math.floor((total % 3600) / 60)
	const seconds = String(total % 60).padStart(2, '0')
	return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
