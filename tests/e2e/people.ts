// People for end-to-end tests that need a lead and an engineer of their own: a new
// organisation whose admin leads a new team, and an engineer who joined it by invite.
import type { Page } from '@playwright/test'
import { expect, uniqueEmail } from './fixtures.ts'

const PASSWORD = 'a long and quiet river 7'

export async function teamWithEngineer(lead: Page, engineer: Page, names: { organisation: string; lead: string; team: string; engineer: string }) {
	await lead.goto('/signup')
	await lead.getByLabel('Organisation name').fill(names.organisation)
	await lead.getByLabel('Your name').fill(names.lead)
	const leadEmail = uniqueEmail(names.lead.split(' ')[0]!.toLowerCase())
	await lead.getByLabel('Work e-mail').fill(leadEmail)
	await lead.getByLabel('Password').fill(PASSWORD)
	await lead.getByRole('button', { name: 'Create organisation' }).click()
	await expect(lead).toHaveURL(/\/dashboard/)
	await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
	await lead.getByLabel('Team name').fill(names.team)
	await lead.getByLabel('Lead (optional)').selectOption({ label: names.lead })
	await lead.getByRole('button', { name: 'Create team' }).click()
	await lead.getByRole('link', { name: names.team }).first().click()
	// The invite is for the engineer's address, which alone can accept it.
	const invitedEmail = uniqueEmail(names.engineer.split(' ')[0]!.toLowerCase())
	await lead.getByLabel('Their e-mail').fill(invitedEmail)
	await lead.getByRole('button', { name: 'Send invite' }).click()
	const inviteUrl = await lead.getByLabel(/Invite link/).inputValue()

	await engineer.goto(inviteUrl)
	await engineer.getByLabel('Your name').fill(names.engineer)
	const engineerEmail = invitedEmail
	await engineer.getByLabel('Work e-mail').fill(engineerEmail)
	await engineer.getByLabel('Password').fill('lanterns glow over the quay')
	await engineer.getByRole('button', { name: 'Create account and join' }).click()
	await expect(engineer).toHaveURL(/\/dashboard/)
	return { leadEmail, engineerEmail }
}

/** Signs a new person up with an organisation of their own (its admin, in no team) and lands on the dashboard. */
export async function signUp(page: Page, name: string) {
	await page.goto('/signup')
	await page.getByLabel('Organisation name').fill(`${name}'s Practice`)
	await page.getByLabel('Your name').fill(name)
	await page.getByLabel('Work e-mail').fill(uniqueEmail(name.split(' ')[0]!.toLowerCase()))
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
}
