import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { E2E_HISTORY_BASE_URL } from '#tests/setup/artifacts.ts'
import { allowConsoleMessage, checkA11y, expect, failedLoad, login, test } from './fixtures.ts'
import { teamWithEngineer } from './people.ts'

async function chooseFreeShippingAndAssign(lead: Page) {
	await lead.getByLabel('Filter exercises by title').fill('free ship')
	await lead.getByRole('checkbox', { name: /Free shipping for everyone/ }).check()
	await lead.getByRole('button', { name: 'Assign', exact: true }).click()
}

/** The rule the team page used to break 28 times: a link's name must contain the text it shows. */
async function expectNoLabelContentMismatch(page: Page) {
	const results = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze()
	expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([])
}

test('assigning what someone already has open names them; the lead leaves them out or assigns anyway, then closes one by hand', async ({
	page: lead,
	newContext,
}) => {
	test.setTimeout(120_000)
	allowConsoleMessage(failedLoad(409), 'the form answers 409 while someone already has the exercise open, and when leaving them out leaves nobody')
	const engineer = await (await newContext()).newPage()
	await teamWithEngineer(lead, engineer, { organisation: 'Quayside Logistics', lead: 'Noor Haddad', team: 'Routing', engineer: 'Kofi Mensah' })
	await lead.getByRole('link', { name: 'Assign practice' }).click()
	await chooseFreeShippingAndAssign(lead)
	await expect(lead).toHaveURL(/\/teams\/[\w-]+\/assignments\?created=1$/)
	const assignmentsPath = new URL(lead.url()).pathname

	// The same exercise again: Kofi has it open, and the form says so before anything is created.
	await lead.goto(`${assignmentsPath}/new`)
	await chooseFreeShippingAndAssign(lead)
	const warning = lead.getByRole('alert').filter({ hasText: 'already has this open' })
	await expect(warning).toContainText('Kofi Mensah')
	await expect(warning).toContainText(/assigned in Routing, due \d+ \w+/)
	await checkA11y(lead, 'duplicate warning')
	// Leaving him out leaves nobody, and the form says that nothing was assigned.
	await warning.getByRole('button', { name: 'Leave them out' }).click()
	await expect(lead.getByText('Nothing was assigned: everyone it was for already has it open.')).toBeVisible()
	await expect(lead.getByRole('checkbox', { name: /Free shipping for everyone/ })).toBeChecked()
	// Asked again, the lead assigns anyway.
	await lead.getByRole('button', { name: 'Assign', exact: true }).click()
	await warning.getByRole('button', { name: 'Assign anyway' }).click()
	await expect(lead).toHaveURL(/\/assignments\?created=1$/)
	const active = lead.getByRole('table', { name: 'Active assignments of Routing' })
	await expect(active.getByRole('link', { name: 'Free shipping for everyone' })).toHaveCount(2)

	// The lead closes one, after confirming; it moves to Closed and leaves the engineer's dashboard.
	await active.getByRole('link', { name: 'Free shipping for everyone' }).first().click()
	await lead.getByRole('button', { name: 'Close assignment' }).click()
	const dialog = lead.getByRole('dialog', { name: 'Close this assignment?' })
	await expect(dialog).toContainText('moves to the Closed list')
	await dialog.getByRole('button', { name: 'Close assignment' }).click()
	await expect(lead.getByText(/^Assignment closed\./)).toBeVisible()
	await expect(lead.getByRole('heading', { name: 'Reopen' })).toBeVisible()
	await lead.goto(assignmentsPath)
	await expect(lead).toHaveTitle(/Assignments · Routing/)
	const closed = lead.getByRole('table', { name: 'Closed assignments of Routing' })
	await expect(closed).toContainText('Free shipping for everyone')
	await expect(closed).toContainText('by Noor Haddad')
	await expect(closed).toContainText('0 of 1 finished')
	await expect(active.getByRole('link', { name: 'Free shipping for everyone' })).toHaveCount(1)
	await checkA11y(lead, 'team assignments with a closed one')

	await engineer.reload()
	await expect(engineer.getByRole('region', { name: 'Assigned to you' }).getByRole('link', { name: 'Free shipping for everyone' })).toHaveCount(1)
})

test.describe('with six months of history', () => {
	test.use({ baseURL: E2E_HISTORY_BASE_URL })

	test('assignments long past their due date are closed by themselves, and the page passes axe in light and dark', async ({ page }) => {
		await login(page, 'lead@hardmode.dev', 'hardmode-demo')
		await page.goto('/dashboard')
		await page.getByRole('link', { name: 'Checkout', exact: true }).first().click()
		await page.getByRole('link', { name: 'Assignments', exact: true }).click()
		await expect(page).toHaveTitle(/Assignments · Checkout/)
		const closed = page.getByRole('table', { name: 'Closed assignments of Checkout' })
		await expect(closed).toContainText('automatically, 14 days after due')
		await checkA11y(page, 'team assignments (light)')
		await expectNoLabelContentMismatch(page)

		await page.getByRole('button', { name: 'Switch to dark theme' }).click()
		await expect(page.locator('html')).toHaveClass(/dark/)
		await checkA11y(page, 'team assignments (dark)')
		await expectNoLabelContentMismatch(page)
	})
})
