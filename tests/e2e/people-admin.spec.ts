import { allowConsoleMessage, checkA11y, expect, failedLoad, test } from './fixtures.ts'
import { teamWithEngineer } from './people.ts'

test('an admin ends an engineer’s sessions, lifts their lockout and removes them; their attempts stay theirs', async ({ page, browser }) => {
	allowConsoleMessage(failedLoad(400), 'wrong passwords, and the removed engineer’s right one, are refused with 400')
	allowConsoleMessage(failedLoad(429), 'the fifth wrong password locks the account with 429')
	const engineerContext = await browser.newContext()
	const engineer = await engineerContext.newPage()
	const { engineerEmail } = await teamWithEngineer(page, engineer, {
		organisation: 'Lighthouse Ops',
		lead: 'Ines Duarte',
		team: 'Beacons',
		engineer: 'Theo Marsh',
	})

	// The admin sees last sign-in and signs Theo out everywhere.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
	const theo = page.getByRole('row', { name: /Theo Marsh/ })
	await expect(theo.getByRole('cell').nth(2)).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
	await checkA11y(page, 'admin people')
	await theo.getByRole('button', { name: 'End sessions of Theo Marsh' }).click()
	await expect(page.getByRole('dialog', { name: 'Sign Theo Marsh out everywhere?' })).toBeVisible()
	await checkA11y(page, 'end sessions dialog')
	await page.getByRole('dialog').getByRole('button', { name: 'End sessions' }).click()
	await expect(page.getByText('Theo Marsh was signed out of 1 browser.')).toBeVisible()
	await engineer.goto('/dashboard')
	await expect(engineer).toHaveURL(/\/login\?/)

	// Theo mistypes his password until he is locked out; the admin sees it and lifts it.
	for (let i = 0; i < 5; i++) {
		await engineer.getByLabel('E-mail').fill(engineerEmail)
		await engineer.getByLabel('Password').fill(`not my password ${i}`)
		await engineer.getByRole('button', { name: 'Log in' }).click()
		await expect(engineer.getByRole('alert')).toBeVisible()
	}
	await expect(engineer.getByText('Too many failed log-in attempts')).toBeVisible()
	await page.reload()
	await expect(theo).toContainText('Locked out until')
	await theo.getByRole('button', { name: 'Lift lockout of Theo Marsh' }).click()
	await expect(page.getByText('Theo Marsh can sign in again.')).toBeVisible()
	await expect(theo).not.toContainText('Locked out until')
	await engineer.getByLabel('E-mail').fill(engineerEmail)
	await engineer.getByLabel('Password').fill('lanterns glow over the quay')
	await engineer.getByRole('button', { name: 'Log in' }).click()
	await expect(engineer).toHaveURL(/\/dashboard/)

	// Removing Theo: asked first, told what happens; he cannot sign in again.
	await theo.getByRole('button', { name: 'Remove Theo Marsh from the organisation' }).click()
	const dialog = page.getByRole('dialog', { name: 'Remove Theo Marsh from the organisation?' })
	await expect(dialog).toContainText('Their attempts, reviews and notes stay, under their name.')
	await dialog.getByRole('button', { name: 'Remove Theo Marsh' }).click()
	await expect(page.getByText('Theo Marsh was removed from the organisation.')).toBeVisible()
	await expect(page.getByRole('row', { name: /Theo Marsh/ })).toHaveCount(0)
	await expect(page.getByRole('link', { name: 'Theo Marsh' }).first()).toBeVisible()
	await expect(page.getByText(/Ines Duarte removed Theo Marsh from the organisation/)).toBeVisible()
	await expect(page.getByText(/Ines Duarte lifted the log-in lockout of Theo Marsh/)).toBeVisible()

	await engineer.goto('/dashboard')
	await expect(engineer).toHaveURL(/\/login\?/)
	await engineer.getByLabel('E-mail').fill(engineerEmail)
	await engineer.getByLabel('Password').fill('lanterns glow over the quay')
	await engineer.getByRole('button', { name: 'Log in' }).click()
	await expect(engineer.getByText('That e-mail and password do not match an account.')).toBeVisible()
	await engineerContext.close()
})
