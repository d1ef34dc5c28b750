// Mail on the real pieces: the server's outbox and sender deliver over SMTP to the run's sink
// (tests/setup/smtp-sink.ts), and the specs follow the links in what arrived.
import type { Page } from '@playwright/test'
import { allowConsoleMessage, checkA11y, expect, failedLoad, test, uniqueEmail } from './fixtures.ts'
import { linkIn, waitForMail } from './mailbox.ts'

const PASSWORD = 'a long and quiet river 7'

async function signUp(page: Page, name: string, email: string) {
	await page.goto('/signup')
	await page.getByLabel('Organisation name').fill(`${name}'s Practice`)
	await page.getByLabel('Your name').fill(name)
	await page.getByLabel('Work e-mail').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
}

test('forgot password: the mail arrives, the new password is set, the old session is gone', async ({ page, browser }) => {
	const email = uniqueEmail('reset')
	await signUp(page, 'Rhea Sorensen', email)

	// Another browser, where Rhea no longer knows her password.
	const context = await browser.newContext()
	const other = await context.newPage()
	await other.goto('/login')
	await other.getByRole('link', { name: 'Forgot your password?' }).click()
	await expect(other).toHaveTitle(/Reset your password/)
	await checkA11y(other, 'forgot-password')
	await other.getByLabel('E-mail').fill(email)
	await other.getByRole('button', { name: 'Send me a reset link' }).click()
	await expect(other.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
	await expect(other.getByText(`If a Hardmode account uses ${email}`)).toBeVisible()

	const mail = await waitForMail(email, /^Reset your Hardmode password$/)
	expect(mail.from).toBe('hardmode@e2e.test')
	expect(mail.text).toContain('The link works once, for 30 minutes.')
	await other.goto(linkIn(mail, 'reset-password'))
	await expect(other.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
	await expect(other.getByText(email)).toBeVisible()
	await checkA11y(other, 'reset-password')
	await other.getByLabel('New password').fill('the tide comes in twice a day')
	await other.getByRole('button', { name: 'Save the new password' }).click()
	await expect(other).toHaveURL(/\/login\?reset=1/)
	await expect(other.getByText('Your password is changed, and every browser was signed out.')).toBeVisible()

	// The first browser's session ended with the reset.
	await page.goto('/settings')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings&expired=1/)

	await other.getByLabel('E-mail').fill(email)
	await other.getByLabel('Password').fill('the tide comes in twice a day')
	await other.getByRole('button', { name: 'Log in' }).click()
	await expect(other).toHaveURL(/\/dashboard/)

	// The link worked once.
	allowConsoleMessage(failedLoad(410), 'a used reset link answers 410 Gone')
	await other.goto(linkIn(mail, 'reset-password'))
	await expect(other.getByRole('heading', { name: 'This link no longer works' })).toBeVisible()
	await context.close()
})

test('sign-up: the address is unconfirmed until the mailed link is opened, and the link can be sent again', async ({ page }) => {
	const email = uniqueEmail('verify')
	await signUp(page, 'Tomasz Wilk', email)
	await page.goto('/settings')
	await expect(page.getByText('Your address is not confirmed yet.')).toBeVisible()
	await checkA11y(page, 'settings')

	await waitForMail(email, /^Confirm your e-mail address for Hardmode$/)
	await page.getByRole('button', { name: 'Send the link again' }).click()
	await expect(page.getByText(`We sent a new link to ${email}.`)).toBeVisible()
	const second = await waitForMail(email, /^Confirm your e-mail address for Hardmode$/, 2)

	await page.goto(linkIn(second, 'verify-email'))
	await expect(page.getByRole('heading', { name: 'Confirm your e-mail address' })).toBeVisible()
	await checkA11y(page, 'verify-email')
	await page.getByRole('button', { name: 'Confirm this address' }).click()
	await expect(page).toHaveURL(/\/settings\?verified=1/)
	await expect(page.getByText(`Your address ${email} is confirmed.`)).toBeVisible()
	await expect(page.getByText('Your address is not confirmed yet.')).toHaveCount(0)
})

test('an invite by e-mail is accepted by its address and refused for another', async ({ page, browser }) => {
	allowConsoleMessage(failedLoad(403), 'joining with an address the invite was not sent to answers 403')
	await signUp(page, 'Kofi Mensah', uniqueEmail('kofi'))
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
	await page.getByLabel('Team name').fill('Ledger')
	await page.getByLabel('Lead (optional)').selectOption({ label: 'Kofi Mensah' })
	await page.getByRole('button', { name: 'Create team' }).click()
	await page.getByRole('link', { name: 'Ledger' }).first().click()

	const invited = uniqueEmail('lina')
	await page.getByLabel('Their e-mail').fill(invited)
	await page.getByRole('button', { name: 'Send invite' }).click()
	await expect(page.getByText(`Invite sent to ${invited}`)).toBeVisible()
	await expect(page.getByRole('table', { name: 'Open invite links' }).getByText(invited)).toBeVisible()

	const mail = await waitForMail(invited, /^Kofi Mensah invited you to Ledger on Hardmode$/)
	expect(mail.text).toContain(`The invite is for ${invited} only`)
	const context = await browser.newContext()
	const engineer = await context.newPage()
	await engineer.goto(linkIn(mail, 'invite'))
	await expect(engineer.getByLabel('Work e-mail')).toHaveValue(invited)
	await engineer.getByLabel('Your name').fill('Lina Park')
	await engineer.getByLabel('Work e-mail').fill(uniqueEmail('someone-else'))
	await engineer.getByLabel('Password').fill('lanterns glow over the quay')
	await engineer.getByRole('button', { name: 'Create account and join' }).click()
	await expect(engineer.getByText(`This invite was sent to ${invited}, and only that address can accept it.`)).toBeVisible()

	await engineer.getByLabel('Work e-mail').fill(invited)
	await engineer.getByLabel('Password').fill('lanterns glow over the quay')
	await engineer.getByRole('button', { name: 'Create account and join' }).click()
	await expect(engineer).toHaveURL(/\/dashboard/)
	await expect(engineer.getByText('Ledger').first()).toBeVisible()
	await context.close()
})

test('without delivery problems, Admin → Outbox shows each message as sent', async ({ page }) => {
	const email = uniqueEmail('outbox')
	await signUp(page, 'Ines Duarte', email)
	await waitForMail(email, /^Confirm your e-mail address for Hardmode$/)
	await page.goto('/admin')
	await page.getByRole('link', { name: 'Open the outbox' }).click()
	await expect(page).toHaveTitle(/Outbox/)
	await expect(page.getByRole('heading', { name: 'Confirm your e-mail address for Hardmode' })).toBeVisible()
	await expect(page.getByText(/^Sent \d{4}-\d{2}-\d{2}/)).toBeVisible()
	await checkA11y(page, 'admin-outbox')
})
