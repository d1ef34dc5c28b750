// @vitest-environment happy-dom
// A time on the viewer's clock, rendered by a server in another time zone: the page hydrates
// without a mismatch and then shows the viewer's time.
import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { formatTimeOfDay } from '#app/utils/time-format.ts'
import { LocalTimeOfDay } from './local-time.tsx'

const zone = process.env.TZ
afterEach(() => {
	process.env.TZ = zone
	document.body.innerHTML = ''
})

// 20:05 on 7 December in UTC is 09:05 on 8 December in Auckland (UTC+13 in summer).
const moment = Date.UTC(2026, 11, 7, 20, 5)

/** Renders on a "server" in UTC, then hydrates in a "browser" in Auckland; returns React's recoverable errors. */
async function serveThenHydrate(element: React.ReactElement) {
	process.env.TZ = 'UTC'
	const html = renderToString(element)
	process.env.TZ = 'Pacific/Auckland'
	const container = document.createElement('div')
	container.innerHTML = html
	document.body.append(container)
	const recoverable = vi.fn()
	vi.spyOn(console, 'error').mockImplementation(() => {})
	await act(async () => {
		hydrateRoot(container, element, { onRecoverableError: recoverable })
	})
	vi.restoreAllMocks()
	return { html, container, recoverable }
}

it('hydrates without a mismatch when the server and the viewer are in different time zones, then shows the viewer’s time', async () => {
	const { html, container, recoverable } = await serveThenHydrate(<LocalTimeOfDay at={moment} />)
	expect(html).toMatch(/<time [^>]*><\/time>/)
	expect(recoverable).not.toHaveBeenCalled()
	const time = container.querySelector('time')!
	expect(time.textContent).toBe('09:05')
	expect(time.getAttribute('dateTime')).toBe('2026-12-07T20:05:00.000Z')
})

// Formats while it renders, as a component would without LocalTimeOfDay.
function TimeInMarkup() {
	return <span>{formatTimeOfDay(moment)}</span>
}

it('(the mismatch it prevents) the time formatted straight into the markup fails to hydrate in another time zone', async () => {
	const { html, recoverable } = await serveThenHydrate(<TimeInMarkup />)
	expect(html).toBe('<span>20:05</span>')
	expect(recoverable).toHaveBeenCalled()
})
