// Days passing: a learner solves a variant of a bug family, the server's clock moves forward
// (TEST_CLOCK, server/test-clock.ts), and another variant comes back in Next up without being
// called a check; solved, it says what it was, and the lead sees it on the team's Retention
// page and in the printed report. This spec moves the clock of the server it runs on, so it
// runs after every other spec (the "days-later" project in playwright.config.ts).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { ROOT_CAUSE_CATEGORIES } from '../../app/exercises/taxonomy.ts'
import { goToLine, openFile, retypeLine, selectLines } from './editor.ts'
import { checkA11y, expect, test } from './fixtures.ts'
import { teamWithEngineer } from './people.ts'

const FIRST = 'free-shipping-for-everyone'
const FAMILY_VARIANTS = ['paged-during-planned-maintenance', 'part-time-nurses-rostered-full-weeks']

type ExerciseJson = { title: string; rootCause: { category: string; locations: Array<{ file: string; startLine: number; endLine: number }> } }
const exerciseJson = (slug: string) => JSON.parse(readFileSync(path.resolve('exercises', slug, 'exercise.json'), 'utf8')) as ExerciseJson

/** Starts the exercise, types the reference fix line by line, and hands in the right diagnosis. */
async function solve(page: Page, slug: string) {
	const exercise = exerciseJson(slug)
	const location = exercise.rootCause.locations[0]!
	await page.goto(`/exercises/${slug}`)
	await page.getByRole('button', { name: /Start attempt|Resume attempt/ }).click()
	await expect(page).toHaveURL(/\/attempts\/[\w-]+$/)
	const relative = location.file.replace(/^src\//, '')
	const buggy = readFileSync(path.resolve('exercises', slug, 'src', relative), 'utf8').split('\n')
	const fixed = readFileSync(path.resolve('exercises', slug, 'solution', relative), 'utf8').split('\n')
	expect(fixed.length, `${slug}: the fix changes lines, it does not add or remove them`).toBe(buggy.length)
	await openFile(page, location.file)
	for (const [index, line] of fixed.entries()) {
		if (line !== buggy[index]) await retypeLine(page, index + 1, line.trim())
	}
	await goToLine(page, location.startLine)
	await selectLines(page, location.startLine, location.endLine)
	await page.getByRole('tab', { name: 'Submit' }).click()
	await page.getByRole('button', { name: 'Use selected lines' }).click()
	const label = ROOT_CAUSE_CATEGORIES.find((category) => category.id === exercise.rootCause.category)!.label
	await page.getByLabel('Category').selectOption({ label })
	await page
		.getByLabel('Explanation, in your own words')
		.fill(
			'The condition tests something other than what the rule says. The fixed line says it the way the brief states it, so the wrong cases no longer slip through.',
		)
	await page.getByLabel('I worked on this without AI assistance.').check()
	await page.getByRole('button', { name: 'Submit diagnosis' }).click()
	await expect(page.getByText('Solved: location, category and fix were all right.')).toBeVisible()
}

async function advanceClock(request: APIRequestContext, days: number) {
	const answer = await request.post('/__test/clock', { data: { advanceDays: days } })
	expect(answer.ok(), await answer.text()).toBe(true)
}

test('a solved variant comes back as an unannounced retention check days later, and the result names it', async ({ page, newContext, request }) => {
	test.setTimeout(240_000)
	const engineer = await (await newContext()).newPage()
	await teamWithEngineer(page, engineer, { organisation: 'Fjord Freight', lead: 'Maja Holm', team: 'Dispatch', engineer: 'Oskar Berg' })

	await solve(engineer, FIRST)
	await engineer.goto('/dashboard')
	const nextUp = engineer.getByRole('region', { name: 'Next up' })
	const variantTitles = FAMILY_VARIANTS.map((slug) => exerciseJson(slug).title)
	for (const title of variantTitles) await expect(nextUp.getByRole('link', { name: title })).toHaveCount(0)

	// Ten days later the family is due: one of its other variants leads Next up, named like any exercise.
	await advanceClock(request, 10)
	await engineer.goto('/dashboard')
	const first = nextUp.getByRole('link').first()
	await expect(first).toHaveText(new RegExp(`^(${variantTitles.join('|')})$`))
	await expect(nextUp).not.toContainText(/retention check/i)
	await checkA11y(engineer, 'dashboard with a check due')
	const served = FAMILY_VARIANTS[variantTitles.indexOf((await first.textContent())!.trim())]!

	await solve(engineer, served)
	await expect(engineer.getByText(/^A retention check of something you solved on \d{1,2} \w{3}( \d{4})?: solved at the first fix/)).toBeVisible()
	// (The page is audited in both themes as loaded; the editor still holds the selected root-cause lines here.)
	await engineer.goto('/dashboard')
	await engineer.getByRole('link', { name: 'My growth' }).click()
	await expect(engineer.getByRole('region', { name: 'Retention and transfer' })).toContainText('Retention checks: 1')

	// The lead: the team's line on the overview, the team's Retention page and the engineer's printed report.
	await page.goto('/dashboard')
	const teams = page.getByRole('region', { name: 'Teams in your organisation' })
	await expect(teams).toContainText(
		'Retention: 1 of 1 checks (too few for a rate) solved at the first fix, against 1 of 1 (too few for a rate) the first time.',
	)
	await expect(teams).toContainText('Calibration:')
	await page.getByRole('link', { name: 'Dispatch' }).first().click()
	await page.getByRole('link', { name: 'Retention', exact: true }).click()
	await expect(page).toHaveTitle(/Retention · Dispatch/)
	await expect(page.getByRole('region', { name: 'Retention and transfer' })).toContainText('Retention checks: 1')
	await expect(page.getByRole('region', { name: 'Calibration' })).toBeVisible()
	await checkA11y(page, 'team retention')
	await page.getByRole('link', { name: 'Oskar Berg' }).click()
	await page.getByRole('link', { name: 'Growth report' }).click()
	await expect(page).toHaveURL(/\/report$/)
	// A period around the server's today (ten days ahead of this machine's), which holds the check.
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
	await page.goto(`${new URL(page.url()).pathname}?from=${day(-5)}&to=${day(10)}`)
	await expect(page.getByRole('region', { name: 'Retention and calibration' })).toContainText('Retention checks: 1')
	await checkA11y(page, 'growth report')
})
