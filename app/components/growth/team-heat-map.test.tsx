// @vitest-environment happy-dom
// The team's heat map: a provisional rating is shown as approximate, without its movement.
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { TeamHeatMap } from './team-heat-map.tsx'

afterEach(cleanup)

const topics = [{ id: 'async', label: 'Async', members: 2, meanRating: 1560, trend: { delta: 60, games: 9 } }]
const members = [
	{ id: 'u1', name: 'Ada Moreno', ratings: { async: { rating: 1620, rd: 70, games: 14, trend: { delta: 41, games: 3 } } } },
	{ id: 'u2', name: 'Linus Berg', ratings: { async: { rating: 1500, rd: 180, games: 2, trend: { delta: 151, games: 2 } } } },
]

describe('TeamHeatMap', () => {
	it('shows a settled rating with its movement, and a provisional one as approximate without points of movement', () => {
		render(
			<MemoryRouter>
				<TeamHeatMap teamName="Checkout" topics={topics} members={members} days={90} />
			</MemoryRouter>,
		)
		const [settled, provisional] = screen.getAllByRole('cell').filter((cell) => cell.title.includes('Async'))
		expect(settled!.textContent).toContain('1620')
		expect(settled!.textContent).toContain('↑41')
		expect(settled!.textContent).toContain('±70')
		expect(provisional!.textContent).toContain('≈1500')
		expect(provisional!.textContent).toContain('provisional')
		expect(provisional!.textContent).not.toContain('151')
		expect(provisional!.title).toContain('its movement is shown once it settles')
	})
})
