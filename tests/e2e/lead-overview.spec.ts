import type { Page } from '@playwright/test'
import { E2E_HISTORY_BASE_URL } from '#tests/setup/artifacts.ts'
import { checkA11y, expect, login, test } from './fixtures.ts'

// The lead's overview needs months of practice to show: this server's demo organisation has them.
test.use({ baseURL: E2E_HISTORY_BASE_URL, viewport: { width: 1366, height: 800 } })

const PASSWORD = 'hardmode-demo'

/** The distinct tops of the main navigation's items: one value when they sit on one row. */
async function navRows(page: Page) {
	const tops = await page
		.getByRole('navigation', { name: 'Main' })
		.locator(':scope > *')
		.evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)))
	expect(tops.length).toBeGreaterThan(4)
	return new Set(tops).size
}

test('a lead opens the dashboard on the overview of their teams, with real data, in light and dark', async ({ page, context }) => {
	test.setTimeout(90_000)
	await login(page, 'lead@hardmode.dev', PASSWORD)
	await page.goto('/dashboard')
	await expect(page).toHaveTitle('Dashboard · Hardmode')
	const main = page.getByRole('main')

	const waiting = main.getByRole('region', { name: 'Waiting for your review' })
	await expect(waiting).toContainText(/\d+ finished attempts nobody has scored yet/)
	const waitingRows = waiting.getByRole('table').getByRole('row')
	expect(await waitingRows.count()).toBeGreaterThan(3)
	await expect(waitingRows.nth(1)).toContainText(/\d+ days/)

	const overdue = main.getByRole('region', { name: 'Overdue assignments' })
	await expect(overdue).toContainText('Orders page skips an order')
	await expect(overdue).toContainText(/of \d+ not finished/)
	await expect(main.getByRole('region', { name: 'Recent finishes' }).getByRole('row')).not.toHaveCount(0)
	const teams = main.getByRole('region', { name: 'Your teams' })
	await expect(teams.getByRole('link', { name: 'Checkout', exact: true })).toBeVisible()
	await expect(teams.getByRole('link', { name: 'Payments Core', exact: true })).toBeVisible()
	// Each team's retention and calibration, as team figures.
	await expect(teams).toContainText(/Retention: .+ solved at the first fix/)
	await expect(teams).toContainText(/Calibration: Brier score 0\.\d\d over \d+ predictions/)
	await expect(main.getByRole('region', { name: 'Open flags' })).toContainText(/No open flags|raised by learners/)
	// Their own practice is still there, after the overview.
	const own = main.getByRole('heading', { name: 'Your own practice', level: 2 })
	await expect(own).toBeVisible()
	const ownTop = (await own.boundingBox())!.y
	expect(ownTop).toBeGreaterThan((await main.getByRole('heading', { name: 'Recent finishes' }).boundingBox())!.y)
	await expect(main.getByRole('heading', { name: 'Assigned to you', level: 3 })).toBeVisible()

	expect(await navRows(page), 'the main navigation fits one row at 1366 px').toBe(1)
	// Wide tables scroll inside their cards: the page itself never scrolls sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
	await checkA11y(page, 'lead overview (light)')

	await context.addCookies([{ name: 'hm_theme', value: 'dark', url: E2E_HISTORY_BASE_URL }])
	await page.reload()
	await expect(page.locator('html')).toHaveClass(/dark/)
	await expect(main.getByRole('region', { name: 'Waiting for your review' })).toBeVisible()
	await checkA11y(page, 'lead overview (dark)')
})

test('a lead opens the longest-waiting attempt and a person’s profile from the overview', async ({ page }) => {
	await login(page, 'lead@hardmode.dev', PASSWORD)
	await page.goto('/dashboard')
	const waiting = page.getByRole('main').getByRole('region', { name: 'Waiting for your review' })
	const firstRow = waiting.getByRole('table').getByRole('row').nth(1)
	const engineer = (await firstRow.getByRole('cell').first().innerText()).trim()
	const reviewLink = firstRow.getByRole('link', { name: /^Review .+’s attempt at / })
	const exercise = (await reviewLink.innerText()).trim()
	await reviewLink.click()
	await expect(page).toHaveURL(/\/reviews\/[^/]+$/)
	await expect(page.getByRole('main')).toContainText(exercise)
	await expect(page.getByRole('main')).toContainText(engineer)
	await checkA11y(page, 'review opened from the overview')

	await page.goto('/dashboard')
	await waiting.getByRole('link', { name: engineer, exact: true }).first().click()
	await expect(page).toHaveURL(/\/people\/[^/]+$/)
	await expect(page).toHaveTitle(`${engineer} · Hardmode`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(engineer)
})

test('the team switcher works from the keyboard and names the current team', async ({ page }) => {
	await login(page, 'lead@hardmode.dev', PASSWORD)
	await page.goto('/dashboard')
	const nav = page.getByRole('navigation', { name: 'Main' })
	const teams = nav.getByRole('button', { name: 'Teams' })
	await expect(teams).toHaveAttribute('aria-expanded', 'false')
	await teams.focus()
	await page.keyboard.press('Enter')
	await expect(teams).toHaveAttribute('aria-expanded', 'true')
	await checkA11y(page, 'team switcher open')
	await page.keyboard.press('Escape')
	await expect(teams).toHaveAttribute('aria-expanded', 'false')
	await expect(teams).toBeFocused()

	await page.keyboard.press('ArrowDown')
	await expect(nav.getByRole('link', { name: 'Checkout' })).toBeFocused()
	await page.keyboard.press('ArrowDown')
	await expect(nav.getByRole('link', { name: 'Payments Core' })).toBeFocused()
	await page.keyboard.press('Enter')
	await expect(page).toHaveTitle('Payments Core · Hardmode')
	const current = nav.getByRole('button', { name: 'Team: Payments Core' })
	await expect(current).toHaveAttribute('aria-expanded', 'false')
	expect(await navRows(page), 'the navigation stays on one row on a team page').toBe(1)

	// From a team page the switcher marks that team and moves to the other one.
	await current.focus()
	await page.keyboard.press('Enter')
	await expect(nav.getByRole('link', { name: /Payments Core/ })).toHaveAttribute('aria-current', 'page')
	await page.keyboard.press('Tab')
	await expect(nav.getByRole('link', { name: 'Checkout' })).toBeFocused()
	await page.keyboard.press('Enter')
	await expect(page).toHaveTitle('Checkout · Hardmode')
	// The team page's names link to the members' profiles.
	await expect(page.getByRole('main').getByRole('link', { name: 'Priya Nair' })).toHaveAttribute('href', /^\/people\//)
	await checkA11y(page, 'team page')
})

test('the admin’s navigation fits one row and lists every team', async ({ page }) => {
	await login(page, 'admin@hardmode.dev', PASSWORD)
	await page.goto('/dashboard')
	expect(await navRows(page)).toBe(1)
	const nav = page.getByRole('navigation', { name: 'Main' })
	await nav.getByRole('button', { name: 'Teams' }).click()
	await expect(nav.getByRole('link', { name: 'Checkout' })).toBeVisible()
	await expect(nav.getByRole('link', { name: 'Payments Core' })).toBeVisible()
	await expect(page.getByRole('main').getByRole('region', { name: 'Teams in your organisation' })).toBeVisible()
	await checkA11y(page, 'admin overview')
})

test('a learner still gets the learner’s dashboard', async ({ page }) => {
	await login(page, 'priya@hardmode.dev', PASSWORD)
	await page.goto('/dashboard')
	const main = page.getByRole('main')
	await expect(main.getByRole('heading', { name: 'Assigned to you', level: 2 })).toBeVisible()
	await expect(main.getByRole('heading', { name: 'Waiting for your review' })).toHaveCount(0)
	await expect(main.getByRole('heading', { name: 'Your own practice' })).toHaveCount(0)
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Teams/ })).toHaveCount(0)
	await checkA11y(page, 'learner dashboard')
})
