import type { Page } from '@playwright/test'
import { E2E_HISTORY_BASE_URL } from '#tests/setup/artifacts.ts'
import { allowConsoleMessage, checkA11y, expect, login, test } from './fixtures.ts'

// This server's demo organisation has six months of practice and some sixty attempts waiting for review.
test.use({ baseURL: E2E_HISTORY_BASE_URL, viewport: { width: 1366, height: 800 } })

const PASSWORD = 'hardmode-demo'
const PAYMENTS_CORE = ['Mei Chen', 'Jonas Weber', 'Amara Diallo']

/** axe in the light theme, then in the dark one, and back to light. */
async function checkA11yInBothThemes(page: Page, name: string) {
	await checkA11y(page, `${name} (light)`)
	await page.getByRole('button', { name: 'Switch to dark theme' }).click()
	await expect(page.locator('html')).toHaveClass(/dark/)
	await checkA11y(page, `${name} (dark)`)
	await page.getByRole('button', { name: 'Switch to light theme' }).click()
	await expect(page.locator('html')).not.toHaveClass(/dark/)
}

const MINUTES = { min: 1, h: 60, day: 1440, days: 1440, weeks: 10080 } as const
function minutesWaited(label: string) {
	const [, count, unit] = label.match(/^waiting (\d+) (min|h|days?|weeks)$/)!
	return Number(count) * MINUTES[unit as keyof typeof MINUTES]
}

async function chooseByText(page: Page, label: string, text: string | RegExp) {
	const select = page.getByLabel(label, { exact: true })
	const value = await select.locator('option', { hasText: text }).first().getAttribute('value')
	await select.selectOption(value!)
	return value!
}

test('a lead narrows the queue, keeps the filters through a reload, and scores one then lands on the next with the filters kept', async ({ page }) => {
	test.setTimeout(120_000)
	await login(page, 'lead@hardmode.dev', PASSWORD)
	await page.goto('/reviews')
	await expect(page).toHaveTitle('Reviews · Hardmode')
	const status = page.getByRole('search', { name: 'Filter the review queue' }).getByRole('status')
	const total = Number((await status.innerText()).match(/^(\d+) waiting attempts$/)![1])
	expect(total).toBeGreaterThan(20)
	const queue = page.getByRole('table', { name: 'Attempts waiting for review' })
	// Every row says how long it has waited, and the longest waits come first.
	const waits = (await queue.getByText(/^waiting \d+ (min|h|days?|weeks)$/).allInnerTexts()).map(minutesWaited)
	expect(waits.length).toBe(Math.min(total, 100))
	expect(waits).toEqual([...waits].sort((a, b) => b - a))
	await checkA11yInBothThemes(page, 'review queue')

	const team = await chooseByText(page, 'Team', /^Checkout \(\d+\)$/)
	await expect(page).toHaveURL(new RegExp(`team=${team}`))
	await chooseByText(page, 'Waiting', /^Over 3 days/)
	await expect(page).toHaveURL(/waiting=3d/)
	await expect(status).toHaveText(/^\d+ of \d+ waiting attempts match$/)
	const [matching = 0, of = 0] = (await status.innerText()).match(/\d+/g)!.map(Number)
	expect(matching).toBeGreaterThan(1)
	expect(matching).toBeLessThan(of)
	expect(of).toBe(total)
	for (const name of PAYMENTS_CORE) await expect(queue).not.toContainText(name)
	for (const wait of await queue.getByText(/^waiting /).allInnerTexts()) expect(wait).toMatch(/^waiting ([3-9]|1[0-3]) days|^waiting \d+ weeks$/)
	await checkA11yInBothThemes(page, 'review queue, filtered')

	await page.reload()
	await expect(page.getByLabel('Team', { exact: true })).toHaveValue(team)
	await expect(page.getByLabel('Waiting', { exact: true })).toHaveValue('3d')
	await expect(status).toHaveText(`${matching} of ${total} waiting attempts match`)

	// A name opens the learner's profile.
	const firstName = await queue.getByRole('row').nth(1).getByRole('link').first().innerText()
	await expect(queue.getByRole('link', { name: firstName, exact: true }).first()).toHaveAttribute('href', /^\/people\//)

	await queue
		.getByRole('link', { name: /^Review / })
		.first()
		.click()
	await expect(page).toHaveURL(new RegExp(`/reviews/[\\w-]+\\?team=${team}&waiting=3d$`))
	const scored = new URL(page.url()).pathname
	await expect(page).toHaveTitle(/^Review: /)
	await expect(page.getByRole('link', { name: '← Review queue' })).toHaveAttribute('href', `/reviews?team=${team}&waiting=3d`)
	await expect(page.getByText(`${matching - 1} more attempts wait in this queue, with its filters.`)).toBeVisible()
	await checkA11yInBothThemes(page, 'review page')

	const rubric = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save and open the next' }) })
	const criteria = await rubric.getByRole('group').all()
	expect(criteria.length).toBeGreaterThan(1)
	for (const criterion of criteria) await criterion.getByRole('radio').nth(3).check()
	await page.getByLabel('Summary for the engineer').fill('A clear first hypothesis and a focused fix. Next: write the failing test before the fix.')
	await page.getByRole('button', { name: 'Save and open the next' }).click()

	await expect(page).toHaveURL(new RegExp(`/reviews/[\\w-]+\\?team=${team}&waiting=3d&saved=`))
	expect(new URL(page.url()).pathname).not.toBe(scored)
	await expect(page.getByRole('status').filter({ hasText: /^Review saved: .+, \d+%\. This is the next attempt in the queue\.$/ })).toBeVisible()
	await expect(page.getByText('Waiting for review', { exact: true })).toBeVisible()
	// The replay is the new attempt's, with one of its own files open.
	await expect(page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { selected: true })).toHaveCount(1)
	await expect(page.getByRole('link', { name: '← Review queue' })).toHaveAttribute('href', `/reviews?team=${team}&waiting=3d`)

	await page.getByRole('link', { name: '← Review queue' }).click()
	await expect(status).toHaveText(`${matching - 1} of ${total - 1} waiting attempts match`)
})

test('a lead watches a learner’s attempt in progress, read-only, and the learner cannot open the lead’s view', async ({ page, newContext }) => {
	test.setTimeout(120_000)
	const learner = await (await newContext()).newPage()
	await login(learner, 'linus@hardmode.dev', PASSWORD)
	await learner.goto('/exercises/retry-storm')
	await learner.getByRole('button', { name: /^(Start attempt|Start a new attempt|Resume attempt)$/ }).click()
	await expect(learner).toHaveURL(/\/attempts\/[\w-]+$/)
	const attemptId = new URL(learner.url()).pathname.split('/').pop()!
	const hypothesis = 'Every client retries after exactly one second, so they all come back at once.'
	await learner.getByLabel('New hypothesis').fill(hypothesis)
	await learner.getByRole('button', { name: 'Add hypothesis' }).click()
	await expect(learner.getByText('All changes saved')).toBeVisible()

	await login(page, 'lead@hardmode.dev', PASSWORD)
	await page.goto('/reviews')
	const inProgress = page.getByRole('table', { name: 'Attempts in progress' })
	await inProgress.getByRole('link', { name: /^Watch Linus Berg’s attempt at .+ so far, read-only$/ }).click()
	await expect(page).toHaveURL(`/reviews/${attemptId}`)
	await expect(page.getByRole('note', { name: 'In progress' })).toContainText('In progress — read-only, the learner is still working.')
	await expect(page.getByText(hypothesis, { exact: true })).toBeVisible()
	await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0)
	await expect(page.getByText('Reference root cause')).toHaveCount(0)
	await expect(page.getByText('Waiting for review', { exact: true })).toHaveCount(0)
	await checkA11yInBothThemes(page, 'in-progress attempt, read-only')

	// The learner's profile links the same view from its list of attempts.
	await page.getByRole('heading', { level: 1 }).getByRole('link', { name: 'Linus Berg' }).click()
	await expect(page).toHaveURL(/\/people\/[\w-]+$/)
	await expect(page.locator(`a[href="/reviews/${attemptId}"]`)).toBeVisible()

	// What the learner sees of it is their own workspace; the lead's view is not theirs to open.
	allowConsoleMessage(/Failed to load resource: the server responded with a status of 403/, 'the learner is refused the lead’s view with 403')
	const refused = await learner.goto(`/reviews/${attemptId}`)
	expect(refused?.status()).toBe(403)
})
