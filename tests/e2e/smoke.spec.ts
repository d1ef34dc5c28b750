import { BrowserWatch, describeProblem } from './browser-watch.ts'
import { allowConsoleMessage, checkA11y, expect, test } from './fixtures.ts'

test('the home page answers, has its title and no serious accessibility problems', async ({ page }) => {
	const response = await page.goto('/')
	expect(response?.status()).toBe(200)
	await expect(page).toHaveTitle(/Hardmode/)
	await checkA11y(page, 'home')
})

test('the log-in page answers, has its title and no serious accessibility problems', async ({ page }) => {
	const response = await page.goto('/login')
	expect(response?.status()).toBe(200)
	await expect(page).toHaveTitle(/Log in/)
	await expect(page.getByLabel('E-mail')).toBeVisible()
	await checkA11y(page, 'login')
})

// The guard in fixtures.ts must really fail a test; `test.fail` turns that failure into a pass.
// The image host does not resolve (the browser's resolver rule), so nothing leaves the machine.
test('the network guard fails a test whose page requests anything beyond localhost (an expected failure)', async ({ page }) => {
	test.fail()
	await page.setContent('<img src="https://cdn.example.invalid/logo.png" alt="">')
	await page.waitForLoadState('networkidle')
})

test('the console guard names the page and the text of a console error, a warning and an uncaught error', async ({ browser }) => {
	allowConsoleMessage(/deliberate/, 'this test logs them to see the guard record them')
	const context = await browser.newContext()
	const watch = new BrowserWatch(context, browser)
	watch.stop()
	const page = await context.newPage()
	await page.goto('/login')
	await page.evaluate(() => {
		console.error('deliberate error')
		console.warn('deliberate warning')
		setTimeout(() => {
			throw new Error('deliberate uncaught error')
		})
	})
	await expect.poll(() => watch.problems.length).toBe(3)
	expect(watch.problems.map(describeProblem)).toEqual([
		'console.error on /login: deliberate error',
		'console.warning on /login: deliberate warning',
		expect.stringMatching(/^uncaught error on \/login: Error: deliberate uncaught error/),
	])
	await context.close()
})

// The guard must really fail a test; `test.fail` turns that failure into a pass.
test('the console guard fails a test whose page logs a console error (an expected failure)', async ({ page }) => {
	test.fail()
	await page.goto('/login')
	await page.evaluate(() => console.error('a page that logs an error fails its test'))
})

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
	await page.goto('/login')
	await expect(page.locator('html')).not.toHaveClass(/dark/)
	await page.getByRole('button', { name: 'Switch to dark theme' }).click()
	await expect(page.locator('html')).toHaveClass(/dark/)
	await expect(page).toHaveURL(/\/login$/)
	await page.reload()
	await expect(page.locator('html')).toHaveClass(/dark/)
	await checkA11y(page, 'login (dark)')
})
