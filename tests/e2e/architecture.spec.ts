import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { editor, openFile } from './editor.ts'
import { checkA11y, expect, test } from './fixtures.ts'
import { teamWithEngineer } from './people.ts'

const DESIGN_FILE = 'src/ratelimit/rateLimiter.ts'
const IN_MEMORY_BUCKET = readFileSync('tests/designs/rate-limiter-in-memory.txt', 'utf8')
const SHARED_BUCKET = readFileSync('exercises/public-api-rate-limiter/solution/ratelimit/rateLimiter.ts', 'utf8')

/** Replaces the open file with text from the system clipboard, as a person pasting from their notes would. */
async function replaceFileWith(page: Page, text: string) {
	// The editor renders only the lines in view; after a paste that is the end of the file.
	const marker = text
		.trim()
		.split('\n')
		.filter((line) => line.trim().length > 12)
		.at(-1)!
		.trim()
	await editor(page).locator('.view-lines').click()
	await page.keyboard.press('Control+A')
	await page.evaluate((value) => navigator.clipboard.writeText(value), text)
	await page.keyboard.press('Control+V')
	await expect(editor(page)).toContainText(marker)
}

test('an engineer records a decision, plays its consequences, improves the design, lives with it in stage 2; the lead scores the decision record', async ({
	page: lead,
	newContext,
}) => {
	test.setTimeout(240_000)
	const context = await newContext()
	await context.grantPermissions(['clipboard-read', 'clipboard-write'])
	const engineer = await context.newPage()
	await teamWithEngineer(lead, engineer, { organisation: 'Tourwise', lead: 'Mei Tanaka', team: 'Platform API', engineer: 'Kofi Mensah' })

	await engineer.goto('/exercises/public-api-rate-limiter')
	await expect(engineer.getByText('Architecture', { exact: true })).toBeVisible()
	await engineer.getByRole('button', { name: 'Start attempt' }).click()
	await expect(editor(engineer)).toBeVisible({ timeout: 30_000 })
	await expect(engineer.getByRole('tab', { name: 'Decision record' })).toHaveAttribute('aria-selected', 'true')
	await expect(engineer.getByRole('region', { name: 'Stage 1', exact: true })).toContainText('Launch')
	await expect(engineer.getByRole('region', { name: 'Brief and files' })).not.toContainText('Six months later')

	// Submitting with an empty record: every missing section is named, nothing is graded.
	await engineer.getByRole('tab', { name: 'Submit stage 1' }).click()
	await expect(engineer.getByText('Write the context.')).toBeVisible()
	await engineer.getByRole('button', { name: 'Submit stage 1' }).click()
	await expect(engineer.getByRole('tab', { name: 'Decision record' })).toHaveAttribute('aria-selected', 'true')
	await expect(engineer.getByText('Weigh at least 2 real options, each with its pros and cons (none yet).')).toBeVisible()

	// The decision record.
	await engineer
		.getByLabel('Context', { exact: true })
		.fill(
			'The solver pool serves about 40 requests a second for everyone; a runaway client must get its plan (rate plus burst) and no more, and well-behaved customers must not notice.',
		)
	const first = engineer.getByRole('group', { name: 'Option 1' })
	await first.getByLabel('Option 1', { exact: true }).fill('Fixed window per minute')
	await first.getByLabel('Pros of option 1').fill('Matches the pricing page; one counter per key.')
	await first.getByLabel('Cons of option 1').fill('A whole minute can arrive in one second; the map is never pruned.')
	const second = engineer.getByRole('group', { name: 'Option 2' })
	await second.getByLabel('Option 2', { exact: true }).fill('Token bucket per key')
	await second.getByLabel('Pros of option 2').fill('Allows exactly the burst, then the rate; fractions carry over.')
	await second.getByLabel('Cons of option 2').fill('In memory it is per node; shared, it costs a Redis call.')
	await engineer.getByLabel('Decision', { exact: true }).fill('Start with the fixed window the planning meeting asked for, and measure it.')
	await engineer
		.getByLabel('Expected consequences')
		.fill('A runaway job will get a full minute of requests in a few seconds, so the solver pool will queue and well-behaved customers will see slow answers.')
	await checkA11y(engineer, 'decision record')

	// Consequences of the starter: a threshold missed.
	await engineer.getByRole('button', { name: /^Run/ }).click()
	const consequences = engineer.getByRole('region', { name: 'Consequences' })
	await expect(consequences).toContainText('Consequences: 1 of 2 scenarios meet every threshold')
	await expect(consequences.getByRole('cell', { name: '✗ misses' }).first()).toBeVisible()
	await checkA11y(engineer, 'consequences')

	// A better design, and its consequences.
	await openFile(engineer, DESIGN_FILE)
	await replaceFileWith(engineer, IN_MEMORY_BUCKET)
	await engineer.getByRole('tab', { name: 'Decision record' }).click()
	await engineer
		.getByLabel('Decision', { exact: true })
		.fill('A token bucket per key in each gateway’s memory, refilled lazily at the plan’s rate, holding the burst.')
	await engineer.getByRole('button', { name: /^Run/ }).click()
	await expect(consequences).toContainText('Consequences: 2 of 2 scenarios meet every threshold')

	// Stage 1 handed in; stage 2 opens.
	await engineer.getByRole('tab', { name: 'Submit stage 1' }).click()
	await expect(engineer.getByText('The decision record has every section.')).toBeVisible()
	await engineer.getByRole('button', { name: 'Submit stage 1' }).click()
	await expect(engineer.getByText(/Stage 1: 4 of 4 scenarios meet every threshold\. Stage 2 is open/)).toBeVisible({ timeout: 30_000 })
	const stage2 = engineer.getByRole('region', { name: 'Stage 2', exact: true })
	await expect(stage2).toContainText('Six months later')
	await expect(engineer.getByRole('tab', { name: 'Submit stage 2' })).toBeVisible()

	// The same design against what happened next.
	await engineer.getByRole('button', { name: /^Run/ }).click()
	await expect(consequences).toContainText(/Stage 2/)
	await expect(consequences).toContainText(/of 4 scenarios meet every threshold/)
	await expect(consequences.getByRole('cell', { name: '✗ misses' }).first()).toBeVisible()
	await checkA11y(engineer, 'stage 2')

	// Adapt: the limit moves to the shared store; the follow-up says what the first decision cost.
	await replaceFileWith(engineer, SHARED_BUCKET)
	await engineer.getByRole('tab', { name: 'Decision record' }).click()
	await engineer
		.getByLabel('Follow-up, six months later')
		.fill(
			'Keeping the buckets in each node’s memory held for one gateway and broke with three: each node gave a key its own burst, and free keys filled memory. The bucket now lives in Redis, moved on by one atomic script on Redis’s clock.',
		)
	await engineer.getByRole('tab', { name: 'Submit stage 2' }).click()
	await engineer.getByRole('button', { name: 'Submit stage 2' }).click()
	await expect(engineer.getByText('Solved: the design meets every threshold of both stages.')).toBeVisible({ timeout: 30_000 })

	// The lead replays the attempt and scores the decision record.
	await lead.goto('/reviews')
	await lead.getByRole('link', { name: /Review Kofi Mensah’s attempt/ }).click()
	const aside = lead.getByRole('complementary', { name: 'Diagnosis and review' })
	await expect(aside.getByRole('heading', { name: /^Decision record at/ })).toBeVisible()
	await expect(aside).toContainText('Keeping the buckets in each node’s memory held for one gateway')
	await expect(aside.getByRole('heading', { name: 'Stages handed in' })).toBeVisible()
	await expect(aside).toContainText('Stage 1 · submission 1')
	await expect(aside).toContainText('Stage 2 · submission 2')
	await lead
		.getByRole('list', { name: 'Timeline' })
		.getByRole('button', { name: /Stage 1 submitted/ })
		.click()
	await expect(aside).not.toContainText('Keeping the buckets in each node’s memory held for one gateway')
	for (const [criterion, level] of [
		['Understood the context', 3],
		['Weighed real options', 2],
		['Anticipated the consequences', 2],
		['Honest follow-up', 3],
	] as const) {
		await lead
			.getByRole('group', { name: new RegExp(criterion) })
			.getByRole('radio', { name: new RegExp(`^${level} —`) })
			.check()
	}
	await lead
		.getByLabel('Summary for the engineer')
		.fill('The follow-up is honest about what per-node state cost. Next time, weigh where state lives before the first run.')
	await lead.getByRole('button', { name: 'Save review' }).click()
	await expect(lead.getByText(/^Review saved: \d+%/)).toBeVisible()
	await checkA11y(lead, 'architecture replay')
})
