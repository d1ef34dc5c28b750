// Single sign-on end to end (ADR 030): an admin sets up the organisation's OpenID provider and
// maps a group to a team; a new person clicks "Continue with SSO", signs in on the provider's
// own login page (tests/setup/oidc-provider.ts, started with the e2e servers) and lands in that team.
import { randomUUID } from 'node:crypto'
import { E2E_OIDC_ISSUER, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '#tests/setup/oidc-test-client.ts'
import { allowConsoleMessage, checkA11y, expect, failedLoad, test } from './fixtures.ts'
import { signUp } from './people.ts'

test('an admin sets up single sign-on and a new person signs in with it into the mapped team', async ({ page, browser }) => {
	allowConsoleMessage(failedLoad(400), 'a domain that signs in with no provider is refused with 400')
	// A domain of this run only: a domain leads to one organisation.
	const domain = `sso-${randomUUID().slice(0, 8)}.example`

	await signUp(page, 'Olga Admin')
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
	await page.getByLabel('Team name').fill('Checkout SSO')
	await page.getByRole('button', { name: 'Create team' }).click()
	await expect(page.getByText('Team “Checkout SSO” created.')).toBeVisible()

	await page.getByRole('link', { name: 'Single sign-on settings' }).click()
	await expect(page).toHaveTitle(/Single sign-on/)
	await expect(page.getByLabel('Redirect URL to register at your provider')).toHaveValue(/\/login\/sso\/callback$/)
	await page.getByLabel('Single sign-on is on').check()
	await page.getByLabel('Issuer URL').fill(E2E_OIDC_ISSUER)
	await page.getByLabel('Client ID').fill(TEST_CLIENT_ID)
	await page.getByLabel('Client secret').fill(TEST_CLIENT_SECRET)
	await page.getByLabel('Allowed e-mail domains').fill(domain)
	await page.getByRole('button', { name: 'Save settings' }).click()
	await expect(page.getByText('Saved. Single sign-on is on.')).toBeVisible()
	// The secret is write-only: the page never shows it again.
	await expect(page.getByLabel('Client secret')).toHaveValue('')
	await expect(page.getByText('A secret is stored, encrypted.')).toBeVisible()

	await page.getByLabel('Group (claim value)').fill('checkout-devs')
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Checkout SSO' })
	await page.getByRole('button', { name: 'Add mapping' }).click()
	await expect(page.getByText('Group “checkout-devs” mapped.')).toBeVisible()
	await expect(page.getByRole('table', { name: 'Group mappings' }).getByRole('row', { name: /checkout-devs/ })).toContainText('Checkout SSO · learner')
	await checkA11y(page, 'single sign-on settings')

	// A new person, in their own browser.
	const context = await browser.newContext()
	const person = await context.newPage()
	await person.goto('/login')
	await person.getByRole('link', { name: 'Continue with SSO' }).click()
	await expect(person).toHaveTitle(/Continue with SSO/)
	await person.getByLabel('Work e-mail').fill('lin@elsewhere.example')
	await person.getByRole('button', { name: 'Continue' }).click()
	await expect(person.getByText('No organisation signs in with single sign-on for @elsewhere.example.')).toBeVisible()
	await checkA11y(person, 'continue with SSO, refused')

	await person.getByLabel('Work e-mail').fill(`lin@${domain}`)
	await person.getByRole('button', { name: 'Continue' }).click()
	// The provider's own login page, with the address filled in from Hardmode's hint.
	await expect(person).toHaveURL(new RegExp(`^${E2E_OIDC_ISSUER}/interaction/`))
	await expect(person.getByLabel('Username or e-mail')).toHaveValue(`lin@${domain}`)
	await person.getByLabel('Password').fill('any password at all')
	await person.getByRole('button', { name: 'Sign in' }).click()

	await expect(person).toHaveURL(/\/dashboard/)
	await expect(person.getByRole('heading', { name: 'Welcome, Lin' })).toBeVisible()
	await expect(person.getByText('Checkout SSO')).toBeVisible()
	await context.close()

	// The admin sees them in the mapped team.
	await page.getByRole('link', { name: "Olga Admin's Practice" }).click()
	await page.getByRole('link', { name: 'Checkout SSO' }).first().click()
	await expect(page.getByRole('heading', { name: 'Checkout SSO' })).toBeVisible()
	await expect(page.getByText(`lin@${domain}`)).toBeVisible()
})

test('an answer this browser never asked for is refused with a way back', async ({ page }) => {
	allowConsoleMessage(failedLoad(403), 'the callback refuses a sign-in this browser did not start')
	await page.goto('/login/sso/callback?code=forged&state=forged')
	await expect(page).toHaveTitle(/Single sign-on did not work/)
	await expect(page.getByRole('alert')).toContainText('was started in another browser')
	await page.getByRole('link', { name: 'Try again' }).click()
	await expect(page).toHaveTitle(/Continue with SSO/)
	await expect(page.getByLabel('Work e-mail')).toBeVisible()
})
