import { generateSync } from 'otplib'
import { allowConsoleMessage, checkA11y, expect, failedLoad, test, uniqueEmail } from './fixtures.ts'

const PASSWORD = 'a long and quiet river 7'
const codeAt = (secret: string, offsetSeconds = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds })

test('a person turns on two-factor sign-in, then signs in with an app code and with a recovery code', async ({ page }) => {
	allowConsoleMessage(failedLoad(400), 'a code that was already used is refused with 400')
	const email = uniqueEmail('nadia')
	await page.goto('/signup')
	await page.getByLabel('Organisation name').fill('Harbour Reliability')
	await page.getByLabel('Your name').fill('Nadia Farah')
	await page.getByLabel('Work e-mail').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	// Settings → two-factor sign-in: a QR code and the key as text.
	await page.goto('/settings')
	await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click()
	await expect(page).toHaveTitle(/Two-factor sign-in/)
	await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
	await expect(page.getByRole('img', { name: 'QR code that adds Hardmode to your authenticator app' })).toBeVisible()
	const secret = (await page.getByLabel('Key for your app').innerText()).replace(/\s+/g, '')
	expect(secret).toMatch(/^[A-Z2-7]{32}$/)
	await checkA11y(page, 'two-factor set-up')

	const setUpCode = codeAt(secret)
	await page.getByLabel('Code from the app').fill(setUpCode)
	await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
	const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
	await expect(codes).toHaveCount(10)
	const recoveryCode = (await codes.first().innerText()).trim()
	await expect(page.getByRole('heading', { name: 'On' })).toBeVisible()
	await expect(page.getByText('10 of 10 recovery codes left')).toBeVisible()
	await checkA11y(page, 'recovery codes')

	// Signing out and in again: the password, then a code.
	await page.getByRole('button', { name: 'Log out' }).click()
	await page.getByLabel('E-mail').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/login\/two-factor$/)
	await expect(page.getByRole('heading', { name: 'Enter your sign-in code' })).toBeVisible()
	await checkA11y(page, 'sign-in code step')
	// The half-signed-in browser opens no page.
	await page.goto('/dashboard')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/)
	await page.goto('/login/two-factor')

	// The code that turned it on was used already; the next one signs in.
	await page.getByLabel('Code').fill(setUpCode)
	await page.getByRole('button', { name: 'Continue' }).click()
	await expect(page.getByText('That code was used already')).toBeVisible()
	await page.getByLabel('Code').fill(codeAt(secret, 30))
	await page.getByRole('button', { name: 'Continue' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	// Once more with a recovery code, as with a lost phone.
	await page.getByRole('button', { name: 'Log out' }).click()
	await page.getByLabel('E-mail').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Log in' }).click()
	await page.getByLabel('Code').fill(recoveryCode)
	await page.getByRole('button', { name: 'Continue' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto('/settings/two-factor')
	await expect(page.getByText('9 of 10 recovery codes left')).toBeVisible()

	// The activity log tells each step.
	await page.goto('/admin')
	await expect(page.getByText('Nadia Farah turned on two-factor sign-in.')).toBeVisible()
	await expect(page.getByText('Nadia Farah signed in with a recovery code (9 codes left).')).toBeVisible()
})
