import { allowConsoleMessage, expect, failedLoad, test, checkA11y, uniqueEmail } from './fixtures.ts'

const PASSWORD = 'a long and quiet river 7'

test('an admin signs up, creates a team and an invite; an engineer joins through it', async ({ page, browser }) => {
	allowConsoleMessage(failedLoad(400), 'a password that is too weak is refused with 400')
	const adminEmail = uniqueEmail('admin')
	await page.goto('/signup')
	await expect(page).toHaveTitle(/Sign up/)
	await checkA11y(page, 'sign-up')

	// A weak password is refused with a clear message, and nothing typed is lost.
	await page.getByLabel('Organisation name').fill('Quarry Reliability')
	await page.getByLabel('Your name').fill('Hana Sato')
	await page.getByLabel('Work e-mail').fill(adminEmail)
	await page.getByLabel('Password').fill('password123')
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page.getByText('one of the most common ones')).toBeVisible()
	await expect(page.getByLabel('Organisation name')).toHaveValue('Quarry Reliability')

	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await expect(page.getByRole('heading', { name: 'Welcome, Hana' })).toBeVisible()
	await checkA11y(page, 'dashboard')

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
	await expect(page).toHaveTitle(/Organisation/)
	await page.getByLabel('Team name').fill('Incident Response')
	await page.getByLabel('Lead (optional)').selectOption({ label: 'Hana Sato' })
	await page.getByRole('button', { name: 'Create team' }).click()
	await expect(page.getByText('Team “Incident Response” created.')).toBeVisible()
	await checkA11y(page, 'admin')

	await page.getByRole('link', { name: 'Incident Response' }).first().click()
	await expect(page.getByRole('heading', { name: 'Incident Response' })).toBeVisible()
	const omarEmail = uniqueEmail('omar')
	await page.getByLabel('Their e-mail').fill(omarEmail)
	await page.getByRole('button', { name: 'Send invite' }).click()
	await expect(page.getByText(`Invite sent to ${omarEmail}`)).toBeVisible()
	const inviteUrl = await page.getByLabel(/Invite link/).inputValue()
	expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]+$/)
	await checkA11y(page, 'team')

	// A second browser, as the invited engineer.
	const engineerContext = await browser.newContext()
	const engineer = await engineerContext.newPage()
	await engineer.goto(inviteUrl)
	await expect(engineer.getByText('invited you to join')).toBeVisible()
	await checkA11y(engineer, 'invite')
	await engineer.getByLabel('Your name').fill('Omar Reyes')
	await expect(engineer.getByLabel('Work e-mail')).toHaveValue(omarEmail)
	await engineer.getByLabel('Password').fill('lanterns glow over the quay')
	await engineer.getByRole('button', { name: 'Create account and join' }).click()
	await expect(engineer).toHaveURL(/\/dashboard/)
	await expect(engineer.getByRole('heading', { name: 'Welcome, Omar' })).toBeVisible()
	await expect(engineer.getByText('Incident Response')).toBeVisible()

	// The invite works once.
	allowConsoleMessage(failedLoad(410), 'the used invite link answers 410 Gone')
	const again = await browser.newContext()
	const reuse = await again.newPage()
	const response = await reuse.goto(inviteUrl)
	expect(response?.status()).toBe(410)
	await expect(reuse.getByText('has already been used')).toBeVisible()
	await again.close()

	// Log out.
	await engineer.getByRole('button', { name: 'Log out' }).click()
	await expect(engineer).toHaveURL(/\/login/)
	await expect(engineer.getByText('You are logged out.')).toBeVisible()
	await engineer.goto('/dashboard')
	await expect(engineer).toHaveURL(/\/login\?redirectTo=%2Fdashboard/)
	await engineerContext.close()

	// The lead's team page now lists the engineer.
	await page.reload()
	await expect(page.getByRole('cell', { name: 'Omar Reyes', exact: true })).toBeVisible()
})

test('five wrong passwords lock the account out of logging in for a while', async ({ page }) => {
	allowConsoleMessage(failedLoad(400), 'a wrong password is answered with 400')
	allowConsoleMessage(failedLoad(429), 'a locked-out account is answered with 429')
	await page.goto('/login')
	await checkA11y(page, 'login')
	for (let attempt = 1; attempt <= 4; attempt++) {
		await page.getByLabel('E-mail').fill('linus@hardmode.dev')
		await page.getByLabel('Password').fill(`wrong password ${attempt}`)
		await page.getByRole('button', { name: 'Log in' }).click()
		await expect(page.getByText('do not match an account')).toBeVisible()
	}
	await page.getByLabel('E-mail').fill('linus@hardmode.dev')
	await page.getByLabel('Password').fill('wrong password 5')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByText('Too many failed log-in attempts')).toBeVisible()
	// Even the right password is refused until the window passes.
	await page.getByLabel('E-mail').fill('linus@hardmode.dev')
	await page.getByLabel('Password').fill('hardmode-demo')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByText('Too many failed log-in attempts')).toBeVisible()
	await expect(page).toHaveURL(/\/login/)
})

test('the demo lead logs in and is sent back where they were going', async ({ page }) => {
	await page.goto('/settings')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/)
	await page.getByLabel('E-mail').fill('lead@hardmode.dev')
	await page.getByLabel('Password').fill('hardmode-demo')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/settings$/)
	await expect(page).toHaveTitle(/Account settings/)
	await checkA11y(page, 'settings')
	// The organisation admin page is refused to a lead who is not an admin.
	allowConsoleMessage(failedLoad(403), 'the admin page answers 403 to a lead')
	const response = await page.goto('/admin')
	expect(response?.status()).toBe(403)
	await expect(page.getByText('Only organisation admins can open this page.')).toBeVisible()
})

test.describe('bad input gets a clear answer', () => {
	test('an unknown page shows a friendly 404', async ({ page }) => {
		allowConsoleMessage(failedLoad(404), 'the test opens a page that does not exist')
		const response = await page.goto('/no/such/page')
		expect(response?.status()).toBe(404)
		await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible()
		await checkA11y(page, '404')
	})

	test('signing up with an e-mail that already has an account is refused without saying so, and keeps the form', async ({ page }) => {
		allowConsoleMessage(failedLoad(400), 'the refused sign-up is answered with 400')
		await page.goto('/signup')
		await page.getByLabel('Organisation name').fill('Duplicate Co')
		await page.getByLabel('Your name').fill('Ada Again')
		await page.getByLabel('Work e-mail').fill('ADA@hardmode.dev')
		await page.getByLabel('Password').fill(PASSWORD)
		await page.getByRole('button', { name: 'Create organisation' }).click()
		await expect(page.getByText('We could not create an account with this e-mail address')).toBeVisible()
		await expect(page.getByLabel('Organisation name')).toHaveValue('Duplicate Co')
	})

	test('a forged invite token is not found', async ({ page }) => {
		allowConsoleMessage(failedLoad(404), 'a forged invite link answers 404')
		const response = await page.goto('/invite/ThisIsNotARealInviteToken123')
		expect(response?.status()).toBe(404)
		await expect(page.getByText('This invite link is not valid')).toBeVisible()
	})

	test('a tampered session cookie logs you out instead of in', async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'hm_session', value: 'forged-token.forged-signature', url: baseURL! }])
		await page.goto('/dashboard')
		await expect(page).toHaveURL(/\/login\?.*expired=1/)
		await expect(page.getByText('Your session ended')).toBeVisible()
		const cookies = await context.cookies()
		expect(cookies.find((c) => c.name === 'hm_session')).toBeUndefined()
	})

	test('an oversized request body is refused with 413 and nothing is saved', async ({ request }) => {
		const response = await request.post('/signup', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			data: `organizationName=Huge&name=${'x'.repeat(2 * 1024 * 1024)}`,
		})
		expect(response.status()).toBe(413)
		expect(await response.text()).toContain('the limit is 1.0 MB')
	})

	test('another organisation’s team is a 404, not a 403', async ({ browser, page }) => {
		// Sign up a second organisation and read the demo team id as the demo admin.
		await page.goto('/login')
		await page.getByLabel('E-mail').fill('admin@hardmode.dev')
		await page.getByLabel('Password').fill('hardmode-demo')
		await page.getByRole('button', { name: 'Log in' }).click()
		await page.getByRole('link', { name: 'Checkout' }).first().click()
		await page.waitForURL(/\/teams\//)
		const demoTeamUrl = page.url()
		expect(demoTeamUrl).toMatch(/\/teams\//)

		const other = await browser.newContext()
		const outsider = await other.newPage()
		await outsider.goto('/signup')
		await outsider.getByLabel('Organisation name').fill('Tidewater Software')
		await outsider.getByLabel('Your name').fill('Bill Lund')
		await outsider.getByLabel('Work e-mail').fill(uniqueEmail('bill'))
		await outsider.getByLabel('Password').fill('tide tables all week')
		await outsider.getByRole('button', { name: 'Create organisation' }).click()
		await expect(outsider).toHaveURL(/\/dashboard/)
		allowConsoleMessage(failedLoad(404), 'another organisation’s team answers 404')
		const response = await outsider.goto(demoTeamUrl)
		expect(response?.status()).toBe(404)
		await expect(outsider.getByText('We could not find that page')).toBeVisible()
		await other.close()
	})
})
