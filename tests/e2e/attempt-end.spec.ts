import type { Page } from '@playwright/test'
import { editor } from './editor.ts'
import { allowConsoleMessage, checkA11y, expect, failedLoad, test } from './fixtures.ts'
import { signUp } from './people.ts'

async function startAttempt(page: Page, slug: string) {
	await page.goto(`/exercises/${slug}`)
	await page.getByRole('button', { name: 'Start attempt' }).click()
	await expect(page).toHaveURL(/\/attempts\/[\w-]+$/)
	await expect(editor(page)).toBeVisible({ timeout: 30_000 })
	return page.url()
}

const header = (page: Page) => page.getByRole('navigation', { name: 'Next step' })
const runButton = (page: Page) => page.getByRole('button', { name: /^Run/ })

/** What an ended attempt looks like wherever the learner comes from: Given up, no Run, no error, a next step. */
async function expectGivenUp(page: Page) {
	await expect(page.getByText('Given up', { exact: true })).toBeVisible()
	await expect(runButton(page)).toHaveCount(0)
	await expect(page.getByText('Attempt finished · read-only')).toBeVisible()
	await expect(page.getByText(/nothing more can be recorded/)).toHaveCount(0)
	await expect(header(page)).toBeVisible()
}

test('a given-up debugging attempt stays given up through Back and Forward, another tab and a 409, and leads on to the next exercise', async ({ page }) => {
	test.setTimeout(120_000)
	await signUp(page, 'Ines Duarte')
	const attemptUrl = await startAttempt(page, 'free-shipping-for-everyone')
	await expect(runButton(page)).toBeEnabled()
	await checkA11y(page, 'workspace in progress')

	// Another tab of the same attempt, left open while the learner gives up in this one.
	const other = await page.context().newPage()
	await other.goto(attemptUrl)
	await expect(editor(other)).toBeVisible({ timeout: 30_000 })
	await expect(runButton(other)).toBeEnabled()

	await page.getByRole('tab', { name: 'Submit' }).click()
	await page.getByRole('button', { name: 'Give up and see the explanation' }).click()
	await page.getByRole('dialog', { name: 'Give up on this attempt?' }).getByRole('button', { name: 'Give up' }).click()
	await expect(page.getByText('You gave up on this attempt.')).toBeVisible()
	await expect(page.getByRole('heading', { name: 'The reference explanation' })).toBeVisible()
	await expectGivenUp(page)
	await checkA11y(page, 'given-up workspace')

	// Back to the exercise page, then Forward: the attempt as it is now, not as it was.
	await page.goBack()
	await expect(page).toHaveURL(/\/exercises\/free-shipping-for-everyone$/)
	await page.goForward()
	await expect(page).toHaveURL(attemptUrl)
	await expectGivenUp(page)

	// Away to another document and back with the browser's Back: never the page as it was cached.
	await page.goto('/attempts')
	await expect(page.getByRole('heading', { name: 'My attempts' })).toBeVisible()
	await page.goBack()
	await expect(page).toHaveURL(attemptUrl)
	await expectGivenUp(page)

	// The other tab still shows Run; pressing it meets the 409, and the tab shows the ended attempt instead of an error.
	allowConsoleMessage(failedLoad(409), 'Run in a tab left open after the attempt ended is answered 409')
	await runButton(other).click()
	await expectGivenUp(other)
	await checkA11y(other, 'other tab after the attempt ended')
	await other.close()

	// The next step says where it leads, and leads there.
	const next = header(page).getByRole('link', { name: /^Next: / })
	const title = ((await next.textContent()) ?? '')
		.replace(/^Next: /, '')
		.replace(/→$/, '')
		.trim()
	expect(title.length).toBeGreaterThan(3)
	await next.click()
	await expect(page).toHaveURL(/\/exercises\/[\w-]+$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
	await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
	await checkA11y(page, 'next exercise')

	await page.goBack()
	await header(page).getByRole('link', { name: 'All your attempts' }).click()
	await expect(page).toHaveURL(/\/attempts$/)
	await expect(page.getByRole('table', { name: 'My attempts, newest first' })).toContainText('Free shipping for everyone')
	await checkA11y(page, 'my attempts')
})

test('an architecture attempt: stage 1’s record is read-only once handed in; when it ends, the reference design and the attestation', async ({ page }) => {
	test.setTimeout(180_000)
	await signUp(page, 'Tariq Nasser')
	await startAttempt(page, 'public-api-rate-limiter')
	await expect(page.getByRole('tab', { name: 'Decision record' })).toHaveAttribute('aria-selected', 'true')

	const context = 'The solver pool serves about 40 requests a second for everyone; a runaway client must get its plan and no more, and others must not notice.'
	await page.getByLabel('Context', { exact: true }).fill(context)
	const first = page.getByRole('group', { name: 'Option 1' })
	await first.getByLabel('Option 1', { exact: true }).fill('Fixed window per minute')
	await first.getByLabel('Pros of option 1').fill('Matches the pricing page; one counter per key.')
	await first.getByLabel('Cons of option 1').fill('A whole minute can arrive in one second.')
	const second = page.getByRole('group', { name: 'Option 2' })
	await second.getByLabel('Option 2', { exact: true }).fill('Token bucket per key')
	await second.getByLabel('Pros of option 2').fill('Allows exactly the burst, then the rate.')
	await second.getByLabel('Cons of option 2').fill('In memory it is per node.')
	await page.getByLabel('Decision', { exact: true }).fill('Keep the fixed window the planning meeting asked for, and measure it.')
	await page
		.getByLabel('Expected consequences')
		.fill('A runaway job will get a full minute of requests in a few seconds, so the pool will queue and well-behaved customers will see slow answers.')

	await page.getByRole('tab', { name: 'Submit stage 1' }).click()
	await page.getByRole('button', { name: 'Submit stage 1' }).click()
	await expect(page.getByText(/Stage 2 is open/)).toBeVisible({ timeout: 60_000 })

	// Stage 1's record reads as text; only the follow-up is a box to write in.
	await page.getByRole('tab', { name: 'Decision record' }).click()
	const handedIn = page.getByRole('region', { name: 'Stage 1 decision record, read-only' })
	await expect(handedIn).toContainText('Handed in with stage 1, so it is read-only')
	await expect(handedIn).toContainText(context)
	await expect(handedIn).toContainText('Option 2: Token bucket per key')
	await expect(handedIn.getByRole('textbox')).toHaveCount(0)
	await expect(page.getByRole('textbox', { name: 'Context' })).toHaveCount(0)
	await expect(page.getByRole('textbox', { name: 'Decision' })).toHaveCount(0)
	await expect(page.getByLabel('Follow-up, six months later')).toBeEditable()
	await checkA11y(page, 'stage 2 decision record')

	// The reference design stays out of the page until the attempt ends.
	await page.getByRole('tab', { name: 'Submit stage 2' }).click()
	await expect(page.getByRole('heading', { name: 'The reference design' })).toHaveCount(0)
	await page.getByRole('button', { name: 'Give up and see the reference design' }).click()
	await page.getByRole('dialog', { name: 'Give up on this attempt?' }).getByRole('button', { name: 'Give up' }).click()

	await expect(page.getByText('You gave up on this attempt.')).toBeVisible()
	await expect(runButton(page)).toHaveCount(0)
	const reference = page.getByRole('region', { name: 'The reference design' })
	await expect(reference).toContainText('token bucket per key')
	await reference.getByText('src/ratelimit/rateLimiter.ts').click()
	await expect(reference.getByRole('region', { name: 'Reference design: src/ratelimit/rateLimiter.ts' })).toContainText('class RateLimiter')

	// The same attestation a diagnosis asks for: refused unticked, recorded ticked, and it survives a reload.
	const attestation = page.getByRole('form', { name: 'Was this your own work?' })
	allowConsoleMessage(failedLoad(400), 'the attestation sent unticked is answered 400')
	await attestation.getByRole('button', { name: 'Record attestation' }).click()
	await expect(attestation).toContainText('Tick “I worked on this without AI assistance” to record it')
	await attestation.getByLabel('I worked on this without AI assistance.').check()
	await attestation.getByRole('button', { name: 'Record attestation' }).click()
	await expect(page.getByText('You attested that you worked on this without AI assistance.')).toBeVisible()
	await checkA11y(page, 'finished architecture attempt')
	await page.reload()
	await expect(page.getByText('You attested that you worked on this without AI assistance.')).toBeVisible()
	await page.getByRole('tab', { name: 'Decision record' }).click()
	await expect(page.getByText('The attempt has ended; the decision record is read-only.')).toBeVisible()
	await expect(page.getByRole('textbox', { name: 'Follow-up, six months later' })).toHaveCount(0)
})
