import { gzipSync } from 'node:zlib'
import type { Response as PlaywrightResponse } from '@playwright/test'
import { editor, goToLine, openFile, openTab, retypeLine, selectLines } from './editor.ts'
import { allowConsoleMessage, checkA11y, expect, failedLoad, login, test } from './fixtures.ts'
import { signUp } from './people.ts'

const BUGGY_FILE = 'src/shipping/promotions.ts'
const FIXED_LINE = "ctx.merchandiseCents >= FREE_STANDARD_THRESHOLD_CENTS && ctx.zone === 'domestic' && !ctx.hasBulkyItems,"
const BERLIN_TEST = 'checkout summary: shipping > Berlin, oak bookshelf (€149, freight): pays parcel rate plus freight'

test('a learner diagnoses an exercise: hypothesis with a prediction, runs, a fix typed in the editor, a reload, a wrong and then a right diagnosis', async ({
	page,
}) => {
	test.setTimeout(120_000)
	allowConsoleMessage(failedLoad(400), 'a diagnosis with missing parts is refused with 400')
	await signUp(page, 'Noor Haddad')
	await page.getByRole('link', { name: 'Exercises', exact: true }).click()
	await expect(page).toHaveTitle(/Exercises/)
	await page.getByLabel('Search').fill('free shipping')
	await page.getByLabel('Search').press('Enter')
	await page.getByRole('link', { name: 'Free shipping for everyone' }).click()
	await expect(page).toHaveTitle(/Free shipping for everyone/)
	await checkA11y(page, 'exercise page')
	await page.getByRole('button', { name: 'Start attempt' }).click()
	await expect(page).toHaveURL(/\/attempts\/[\w-]+$/)
	await expect(page).toHaveTitle(/Free shipping for everyone · Workspace/)
	await expect(editor(page)).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Symptom' })).toBeVisible()
	await checkA11y(page, 'workspace')

	// A hypothesis, and a prediction about the run that tests it.
	await page.getByLabel('New hypothesis').fill('Freight items to Germany are still getting free standard shipping.')
	await page.getByRole('button', { name: 'Add hypothesis' }).click()
	await expect(page.getByRole('region', { name: 'Journal entries' })).toContainText('Freight items to Germany')
	await expect(page.getByLabel('It tests the hypothesis')).toHaveValue(/.+/)
	await page.getByLabel('I predict').selectOption('test')
	await page.getByLabel('Test', { exact: true }).selectOption(BERLIN_TEST)
	await page.getByLabel('Outcome').selectOption('fail')
	await expect(page.getByText('All changes saved')).toBeVisible()

	await page.getByRole('button', { name: /^Run/ }).click()
	const output = page.getByRole('region', { name: 'Run output' })
	await expect(output).toContainText('Run 1')
	await expect(output).toContainText('2 of 4 failed')
	await expect(output).toContainText(`Your prediction: “${BERLIN_TEST}” will fail (70 % sure) — right`)
	await expect(output.getByText('Expected', { exact: true }).first()).toBeVisible()
	await expect(page.getByRole('region', { name: 'Journal entries' })).toContainText('run 1 (2 failed)')
	await checkA11y(page, 'workspace after a run')

	// A failing test's location opens the test file at that line.
	await output
		.getByRole('button', { name: /^tests\/visible\/checkout\.test\.ts:\d+$/ })
		.first()
		.click()
	await expect(openTab(page, 'checkout.test.ts')).toHaveAttribute('aria-current', 'true')

	// The fix, typed line by line in the editor.
	await openFile(page, BUGGY_FILE)
	await retypeLine(page, 23, FIXED_LINE)
	await expect(editor(page)).toContainText("ctx.zone === 'domestic' && !ctx.hasBulkyItems,")

	// A reload at once (before the next autosave) loses nothing: code, journal, output.
	await page.reload()
	await expect(editor(page)).toBeVisible()
	await openFile(page, BUGGY_FILE)
	await goToLine(page, 23)
	await expect(editor(page)).toContainText("ctx.zone === 'domestic' && !ctx.hasBulkyItems,")
	await expect(page.getByRole('region', { name: 'Journal entries' })).toContainText('Freight items to Germany')
	await expect(output).toContainText('Run 1')

	await page.getByRole('button', { name: /^Run/ }).click()
	await expect(output).toContainText('Run 2')
	await expect(output).toContainText('All tests passed')

	// Pick the root-cause lines in the editor: 22–23.
	await selectLines(page, 22, 23)
	await page.getByRole('tab', { name: 'Submit' }).click()
	await page.getByRole('button', { name: 'Use selected lines' }).click()
	await expect(page.getByText(`${BUGGY_FILE} lines 22–23`)).toBeVisible()

	// Missing parts are field errors; nothing is graded.
	await page.getByRole('button', { name: 'Submit diagnosis' }).click()
	await expect(page.getByText('Choose the category that best describes the root cause.')).toBeVisible()
	await expect(page.getByText(/Confirm that you worked without AI assistance/)).toBeVisible()

	// A wrong category: feedback part by part, and the attempt goes on.
	await page.getByLabel('Category').selectOption({ label: 'Off-by-one' })
	await page
		.getByLabel('Explanation, in your own words')
		.fill(
			'The free-shipping rule uses an OR, so a bulky freight order to Germany still qualifies. It also lets EU orders through whenever they have no bulky items.',
		)
	await page.getByLabel('I worked on this without AI assistance.').check()
	await page.getByRole('button', { name: 'Submit diagnosis' }).click()
	const grade = page.getByRole('region', { name: 'Grade of submission 1' })
	await expect(grade).toContainText('Location: right')
	await expect(grade).toContainText('Category: wrong')
	await expect(grade).toContainText('Fix: right')
	await expect(page.getByRole('button', { name: 'Submit diagnosis' })).toBeEnabled()
	await expect(page.getByText('In progress', { exact: true })).toBeVisible()

	// The right category: solved, and the reference explanation appears.
	await page.getByLabel('Category').selectOption({ label: 'Wrong condition' })
	await page.getByRole('button', { name: 'Submit diagnosis' }).click()
	await expect(page.getByText('Solved: location, category and fix were all right.')).toBeVisible()
	await expect(page.getByRole('region', { name: 'Grade of submission 2' })).toContainText('Correct')
	await expect(page.getByRole('heading', { name: 'The reference explanation' })).toBeVisible()
	await checkA11y(page, 'graded workspace')

	// The history lists the solved attempt.
	await page.goto('/attempts')
	await expect(page).toHaveTitle(/My attempts/)
	await expect(page.getByRole('row', { name: /Free shipping for everyone/ })).toContainText('Solved')
	await checkA11y(page, 'attempt history')
})

test('an assignment that blocks outside pastes: the editor refuses them and says why, and the record shows it', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'])
	await login(page, 'grace@hardmode.dev', 'hardmode-demo')
	const assigned = page.getByRole('region', { name: 'Assigned to you' })
	await expect(assigned).toContainText('Cart shows the old price after a price change')
	await expect(assigned).toContainText('Overdue')
	await checkA11y(page, 'learner dashboard')
	await assigned.getByRole('link', { name: 'Cart shows the old price after a price change' }).click()
	await expect(page.getByText(/pasting from outside the editor is blocked/)).toBeVisible()
	await page.getByRole('button', { name: /Start attempt|Resume attempt/ }).click()
	await expect(page.getByText('Outside pastes blocked')).toBeVisible()
	await expect(page.getByText('Hard mode')).toBeVisible()
	await expect(editor(page)).toBeVisible()

	await editor(page).locator('.view-lines').click()
	await page.keyboard.press('Control+End')
	await page.evaluate(() => navigator.clipboard.writeText('const answer = "copied from somewhere else"'))
	await page.keyboard.press('Control+V')
	await expect(page.getByRole('alert').filter({ hasText: 'Pasting from outside the editor is turned off for this assignment' })).toBeVisible()
	await expect(editor(page)).not.toContainText('copied from somewhere else')

	await page.getByRole('tab', { name: 'Recorded' }).click()
	await expect(page.getByText('Outside pastes refused')).toBeVisible()
	await expect(page.locator('dd', { hasText: /^1$/ }).first()).toBeVisible()
	await checkA11y(page, 'workspace with pastes blocked')
})

test('pages other than the workspace never load Monaco and ship at most 150 KB of JavaScript (gzip)', async ({ page }) => {
	await login(page, 'ada@hardmode.dev', 'hardmode-demo')
	for (const path of ['/dashboard', '/exercises', '/exercises/retry-storm', '/attempts', '/settings']) {
		const scripts: Array<Promise<{ url: string; gzip: number }>> = []
		const onResponse = (response: PlaywrightResponse) => {
			if (response.request().resourceType() !== 'script') return
			scripts.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body).length })))
		}
		page.on('response', onResponse)
		await page.goto(path, { waitUntil: 'networkidle' })
		page.off('response', onResponse)
		const loaded = await Promise.all(scripts)
		expect(
			loaded.filter((script) => /monaco|editor\.api|code-editor/.test(script.url)),
			`Monaco chunks on ${path}`,
		).toEqual([])
		const kb = loaded.reduce((sum, script) => sum + script.gzip, 0) / 1024
		expect(kb, `gzip JavaScript on ${path}`).toBeLessThanOrEqual(150)
	}
	await checkA11y(page, 'settings')
})

test('a dropped connection loses nothing, and a double click on Run runs once', async ({ page, context }) => {
	await signUp(page, 'Ines Varga')
	await page.goto('/exercises/retry-storm')
	await page.getByRole('button', { name: 'Start attempt' }).click()
	await expect(editor(page)).toBeVisible()

	await page.getByRole('button', { name: /^Run/ }).dblclick()
	await expect(page.getByRole('region', { name: 'Run output' })).toContainText('Run 1')
	await expect(page.getByText(/· 1 run ·/)).toBeVisible()

	allowConsoleMessage(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED/, 'the test takes the browser offline while the workspace saves')
	await context.setOffline(true)
	await page.getByRole('radio', { name: 'Observation' }).check({ force: true })
	await page.getByLabel('New observation').fill('Every client retries at exactly the same moment after the outage.')
	await page.getByRole('button', { name: 'Add observation' }).click()
	await expect(page.getByText(/Offline — 1 change kept in this browser/)).toBeVisible()
	await context.setOffline(false)
	await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 35_000 })
	await page.reload()
	await expect(page.getByRole('region', { name: 'Journal entries' })).toContainText('Every client retries at exactly the same moment')
	await expect(page.getByText(/· 1 run ·/)).toBeVisible()
})
