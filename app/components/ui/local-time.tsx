import { useSyncExternalStore } from 'react'
import { formatTimeOfDay } from '#app/utils/time-format.ts'

const noSubscription = () => () => {}

/**
 * "14:05" on the viewer's own clock. The server cannot know the viewer's time zone, so the
 * server's HTML and the first render in the browser leave the time out (the moment is in
 * `dateTime`), and it appears once React runs in the browser: the two renders then match,
 * in any time zone.
 */
export function LocalTimeOfDay({ at, className }: { at: number | string | Date; className?: string }) {
	const moment = new Date(at)
	const inBrowser = useSyncExternalStore(
		noSubscription,
		() => true,
		() => false,
	)
	return (
		<time dateTime={moment.toISOString()} className={className}>
			{inBrowser ? formatTimeOfDay(moment.getTime()) : null}
		</time>
	)
}
