// Keeps the workspace in step with the attempt on the server when the page itself cannot know
// it changed: restored from the back/forward cache, or shown again after another tab ended the
// attempt or moved it to stage 2. Once the attempt has ended, only a restored page reloads.
import { useEffect, useRef } from 'react'
import { useRevalidator } from 'react-router'

export function useFreshAttempt(status: 'in_progress' | 'solved' | 'gave_up') {
	const revalidator = useRevalidator()
	const latest = useRef(revalidator)
	useEffect(() => {
		latest.current = revalidator
	})
	useEffect(() => {
		const revalidate = () => {
			if (latest.current.state === 'idle') void latest.current.revalidate()
		}
		const onPageShow = (event: PageTransitionEvent) => {
			if (event.persisted) revalidate()
		}
		const onVisibility = () => {
			if (document.visibilityState === 'visible' && status === 'in_progress') revalidate()
		}
		window.addEventListener('pageshow', onPageShow)
		document.addEventListener('visibilitychange', onVisibility)
		return () => {
			window.removeEventListener('pageshow', onPageShow)
			document.removeEventListener('visibilitychange', onVisibility)
		}
	}, [status])
}
