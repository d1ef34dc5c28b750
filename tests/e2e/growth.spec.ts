import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { E2E_HISTORY_BASE_URL } from '#tests/setup/artifacts.ts'
import { checkA11y, expect, login, test } from './fixtures.ts'

// This server's demo organisation has six months of simulated practice (playwright.config.ts).
test.use({ baseURL: E2E_HISTORY_BASE_URL })

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				field += '"'
				index++
			} else if (char === '"') quoted = false
			else field += char
		} else if (char === '"') quoted = true
		else if (char === ',') {
			row.push(field)
			field = ''
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++
			row.push(field)
			rows.push(row)
			row = []
			field = ''
		} else field += char
	}
	if (field || row.length) rows.push([...row, field])
	return rows
}

test('a lead opens the team dashboard and an engineer’s growth report for last quarter, prints it and downloads the CSV', async ({ page }, testInfo) => {
	test.setTimeout(120_000)
	await login(page, 'lead@hardmode.dev', 'hardmode-demo')
	await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Teams' }).click()
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checkout' }).click()
	await page.getByRole('link', { name: 'Growth', exact: true }).click()
	await expect(page).toHaveTitle('Growth · Checkout · Hardmode')
	await expect(page.getByRole('heading', { name: 'Growth of Checkout' })).toBeVisible()
	const heatMap = page.getByRole('table', { name: /rating/i }).first()
	await expect(heatMap).toContainText('Ada Moreno')
	await expect(heatMap).toContainText(/\d{3,4}/)
	await checkA11y(page, 'team growth dashboard')

	await page.getByRole('link', { name: 'Growth report for Ada Moreno' }).click()
	await expect(page).toHaveTitle(/^Growth report · Ada Moreno · /)
	const title = await page.getByRole('heading', { level: 1 }).innerText()
	expect(title).toMatch(/^Ada Moreno · /)
	await expect(page.getByRole('heading', { name: 'Skills and their change' })).toBeVisible()
	const skills = page.getByRole('table', { name: /Skill ratings at the end of/ })
	const topics = (await skills.getByRole('rowheader').allInnerTexts()).map((text) => text.trim()).filter(Boolean)
	expect(topics.length).toBeGreaterThan(0)
	await checkA11y(page, 'growth report')

	// Printed by Chromium, as "Save as PDF" would: the engineer's name and skills are in it.
	const pdfPath = testInfo.outputPath('growth-report.pdf')
	await page.emulateMedia({ media: 'print' })
	await page.pdf({ path: pdfPath, format: 'A4', printBackground: true })
	await page.emulateMedia({ media: 'screen' })
	const printed = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
	expect(printed).toContain('Ada Moreno')
	expect(printed).toContain('Skills and their change')
	// A long topic name may wrap inside its table cell, so each of its words is looked for.
	for (const topic of topics) for (const word of topic.split(/\s+/)) expect(printed).toContain(word)
	expect(printed).not.toContain('Log out')

	// The CSV: one row per attempt of the period, every row as wide as the header.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()])
	expect(download.suggestedFilename()).toMatch(/^growth-ada-moreno-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
	const rows = parseCsv(readFileSync(await download.path(), 'utf8'))
	const [header, ...attempts] = rows
	expect(header).toEqual(expect.arrayContaining(['attemptId', 'exerciseSlug', 'exerciseTitle', 'status', 'ratingChange', 'timeToRootCauseMs']))
	expect(attempts.length).toBeGreaterThan(0)
	for (const attempt of attempts) expect(attempt).toHaveLength(header!.length)
	const status = header!.indexOf('status')
	for (const attempt of attempts) expect(['solved', 'gave_up']).toContain(attempt[status])
})
