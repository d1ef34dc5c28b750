import { editor, openFile, retypeLine, selectLines } from './editor.ts'
import { allowConsoleMessage, checkA11y, expect, failedLoad, test } from './fixtures.ts'
import { teamWithEngineer } from './people.ts'

const BUGGY_FILE = 'src/shipping/promotions.ts'
const BUGGY_LINE = "ctx.merchandiseCents >= FREE_STANDARD_THRESHOLD_CENTS && (ctx.zone === 'domestic' || !ctx.hasBulkyItems),"
const FIXED_LINE = "ctx.merchandiseCents >= FREE_STANDARD_THRESHOLD_CENTS && ctx.zone === 'domestic' && !ctx.hasBulkyItems,"

test('a lead assigns an exercise with pastes blocked, the engineer solves it, the lead replays and scores it, and the engineer reads the review', async ({
	page: lead,
	newContext,
}) => {
	test.setTimeout(150_000)
	allowConsoleMessage(failedLoad(400), 'an assignment without a due date, and a rubric left incomplete, are refused with 400')
	const engineer = await (await newContext()).newPage()
	await teamWithEngineer(lead, engineer, { organisation: 'Harbour Freight Systems', lead: 'Iris Lindqvist', team: 'Billing', engineer: 'Tomas Ferreira' })

	// The lead assigns one exercise to the whole team, pastes blocked.
	await lead.reload()
	await lead.getByRole('link', { name: 'Assign practice' }).click()
	await expect(lead).toHaveTitle(/Assign practice · Billing/)
	await checkA11y(lead, 'assignment form')
	await lead.getByRole('button', { name: 'Assign' }).click()
	await expect(lead.getByText('Choose at least one exercise or a ready-made set.')).toBeVisible()
	await lead.getByLabel('Filter exercises by title').fill('free ship')
	await lead.getByRole('checkbox', { name: /Free shipping for everyone/ }).check()
	await lead.getByRole('checkbox', { name: /Block outside pastes/ }).check()
	await lead.getByRole('button', { name: 'Assign' }).click()
	await expect(lead).toHaveURL(/\/teams\/[\w-]+\/assignments\?created=1$/)
	await expect(lead.getByText('Assigned. The learners see it on their dashboard now.')).toBeVisible()
	const active = lead.getByRole('table', { name: 'Active assignments of Billing' })
	await expect(active).toContainText('Free shipping for everyone')
	await expect(active).toContainText('Pastes blocked')
	await expect(active).toContainText('1 not started')
	await checkA11y(lead, 'assignments')

	// The engineer sees it, starts it under its rules and solves it.
	await engineer.reload()
	const assigned = engineer.getByRole('region', { name: 'Assigned to you' })
	await expect(assigned).toContainText('Free shipping for everyone')
	await assigned.getByRole('link', { name: 'Free shipping for everyone' }).click()
	await expect(engineer.getByText(/Assigned to you, due .*pasting from outside the editor is blocked/)).toBeVisible()
	await engineer.getByRole('button', { name: 'Start attempt' }).click()
	await expect(editor(engineer)).toBeVisible({ timeout: 30_000 })
	await expect(engineer.getByText('Outside pastes blocked')).toBeVisible()
	await engineer.getByLabel('New hypothesis').fill('The free-standard rule lets freight and foreign orders through.')
	await engineer.getByRole('button', { name: 'Add hypothesis' }).click()
	await engineer.getByRole('button', { name: /^Run/ }).click()
	const output = engineer.getByRole('region', { name: 'Run output' })
	await expect(output).toContainText('2 of 4 failed')
	await openFile(engineer, BUGGY_FILE)
	await retypeLine(engineer, 23, FIXED_LINE)
	await engineer.getByRole('button', { name: /^Run/ }).click()
	await expect(output).toContainText('All tests passed')
	await selectLines(engineer, 22, 23)
	await engineer.getByRole('tab', { name: 'Submit' }).click()
	await engineer.getByRole('button', { name: 'Use selected lines' }).click()
	await engineer.getByLabel('Category').selectOption({ label: 'Wrong condition' })
	await engineer
		.getByLabel('Explanation, in your own words')
		.fill('The rule joins the domestic check and the freight check with OR, so either one alone grants free shipping. Both must hold.')
	await engineer.getByLabel('I worked on this without AI assistance.').check()
	await engineer.getByRole('button', { name: 'Submit diagnosis' }).click()
	await expect(engineer.getByText('Solved: location, category and fix were all right.')).toBeVisible()

	// The lead's progress view and queue show it as submitted.
	await lead.reload()
	await expect(active).toContainText('1 submitted')
	await lead.getByRole('link', { name: 'Review queue' }).click()
	await expect(lead).toHaveTitle(/Reviews/)
	const queue = lead.getByRole('table', { name: 'Attempts waiting for review' })
	await expect(queue).toContainText('Tomas Ferreira')
	await expect(queue).toContainText('Solved')
	await checkA11y(lead, 'review queue')
	await queue.getByRole('link', { name: /Review Tomas Ferreira’s attempt/ }).click()
	await expect(lead).toHaveTitle(/Review: Tomas Ferreira · Free shipping for everyone/)

	// The replay opens at the end: the fixed code and the last run.
	const code = lead.getByRole('region', { name: 'Code at this moment' })
	const runOutput = lead.getByRole('region', { name: 'Run output' })
	await expect(code).toContainText(FIXED_LINE)
	await expect(runOutput).toContainText('Output of run 2')
	await expect(runOutput).toContainText('All tests passed')
	// Scrub to the first run: the code as it was then, and that run's output.
	const timeline = lead.getByRole('list', { name: 'Timeline' })
	await timeline.getByRole('button', { name: /Run 1: 2 failed/ }).click()
	await expect(runOutput).toContainText('Output of run 1')
	await expect(runOutput).toContainText('2 of 4 failed')
	await expect(code).toContainText(BUGGY_LINE)
	await expect(lead.getByRole('complementary', { name: 'Diagnosis and review' })).toContainText(
		'The free-standard rule lets freight and foreign orders through.',
	)
	// Back to the very start with the keyboard: no run yet.
	await lead.getByLabel('Replay position').focus()
	await lead.keyboard.press('Home')
	await expect(runOutput).toContainText('No run yet at this moment')
	await lead.getByRole('button', { name: 'Next mark →' }).click()
	await checkA11y(lead, 'replay')

	// A comment on the buggy line at the first run, then the rubric score.
	await timeline.getByRole('button', { name: /Run 1: 2 failed/ }).click()
	await code.getByRole('button', { name: 'Line 23', exact: true }).click()
	await expect(lead.getByText(/Comment at \d+:\d+, src\/shipping\/promotions\.ts line 23/)).toBeVisible()
	await lead.getByLabel(/Comment at/).fill('Good: you ran the tests before touching this line, so you saw both failures first.')
	await lead.getByRole('button', { name: 'Add comment' }).click()
	await expect(lead.getByRole('complementary', { name: 'Diagnosis and review' })).toContainText('Good: you ran the tests before touching this line')
	await lead.getByRole('button', { name: 'Save review' }).click()
	await expect(lead.getByText('Choose a level for “Found the root cause”.')).toBeVisible()
	await lead
		.getByRole('group', { name: /Found the root cause/ })
		.getByRole('radio', { name: /^3 —/ })
		.check()
	await lead
		.getByRole('group', { name: /Diagnostic method/ })
		.getByRole('radio', { name: /^2 —/ })
		.check()
	await lead
		.getByRole('group', { name: /Quality of the fix/ })
		.getByRole('radio', { name: /^3 —/ })
		.check()
	await expect(lead.getByText('Score: 69%')).toBeVisible()
	await lead.getByLabel('Summary for the engineer').fill('A clean hypothesis and a precise fix. Next time, write the truth table before the first run.')
	await lead.getByRole('button', { name: 'Save review' }).click()
	await expect(lead.getByText('Review saved: 69%.')).toBeVisible()
	await expect(lead.getByText('Reviewed · 69%')).toBeVisible()

	// The engineer gets it on the dashboard and reads it on the attempt.
	await engineer.goto('/dashboard')
	const reviews = engineer.getByRole('region', { name: 'Reviews of your work' })
	await expect(reviews).toContainText('Free shipping for everyone')
	await expect(reviews).toContainText('New')
	await expect(reviews).toContainText('69%')
	await checkA11y(engineer, 'dashboard with a review')
	await reviews.getByRole('link', { name: 'Free shipping for everyone' }).click()
	await expect(engineer.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true')
	const panel = engineer.getByRole('region', { name: 'Diagnosis' })
	await expect(panel).toContainText('Reviewed by Iris Lindqvist')
	await expect(panel).toContainText('69%')
	await expect(panel).toContainText('Next time, write the truth table before the first run.')
	await expect(panel).toContainText('Good: you ran the tests before touching this line')
	await checkA11y(engineer, 'attempt with its review')
	await engineer.goto('/dashboard')
	await expect(reviews).not.toContainText('New')
})
