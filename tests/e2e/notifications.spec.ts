// Notifications (ADR 031): a lead assigns practice, the engineer sees the unread count in the
// navigation and the notification, opens it (it is marked read), chooses e-mail for new
// assignments, and the next assignment's e-mail reaches the outbox, which the admin reads.
import type { Page } from '@playwright/test'
import { checkA11y, expect, test } from './fixtures.ts'
import { teamWithEngineer } from './people.ts'

async function assign(lead: Page, teamPath: string, title: string) {
	await lead.goto(`${teamPath}/assignments/new`)
	await lead.getByLabel('Filter exercises by title').fill(title)
	await lead.getByRole('checkbox', { name: new RegExp(title) }).check()
	await lead.getByRole('button', { name: 'Assign', exact: true }).click()
	await expect(lead).toHaveURL(/\/teams\/[\w-]+\/assignments\?created=1$/)
}

test('an engineer is told of an assignment in the app, opens it, and chooses e-mail for the next one, which reaches the outbox', async ({
	page: lead,
	newContext,
}) => {
	test.setTimeout(120_000)
	const engineer = await (await newContext()).newPage()
	await teamWithEngineer(lead, engineer, { organisation: 'Harbour Freight', lead: 'Ines Duarte', team: 'Dispatch', engineer: 'Tariq Bello' })
	const teamPath = new URL(lead.url()).pathname
	const nav = engineer.getByRole('navigation', { name: 'Main' })
	await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()

	await assign(lead, teamPath, 'Free shipping for everyone')

	// The count appears in the navigation with the next page the engineer opens.
	await engineer.goto('/dashboard')
	await nav.getByRole('link', { name: 'Notifications, 1 unread' }).click()
	await expect(engineer).toHaveTitle('Notifications · Hardmode')
	const notification = engineer.getByRole('button', { name: /^You were assigned “Free shipping for everyone” in Dispatch, due .+ UTC\.$/ })
	await expect(notification).toBeVisible()
	await expect(engineer.getByText('Unread', { exact: true })).toBeVisible()
	await checkA11y(engineer)
	await notification.click()
	await expect(engineer).toHaveURL(/\/exercises\/[\w-]+$/)
	await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
	await engineer.goto('/notifications')
	await expect(engineer.getByText('Unread', { exact: true })).toHaveCount(0)
	await expect(engineer.getByRole('button', { name: 'Mark all read' })).toHaveCount(0)

	// E-mail too, for new assignments.
	await engineer.getByRole('link', { name: 'notification settings' }).click()
	await expect(engineer.getByRole('heading', { name: 'Notification settings', level: 1 })).toBeVisible()
	const address = (await engineer.getByText(/by e-mail to \S+@\S+, or not at all/).textContent())!.match(/to (\S+@\S+?),/)![1]!
	const givenKind = engineer.getByRole('group', { name: 'An exercise is assigned to you' })
	await expect(givenKind.getByRole('radio', { name: 'In the app only' })).toBeChecked()
	// Leads and admins only: no digest for an engineer.
	await expect(engineer.getByRole('checkbox', { name: /daily digest/ })).toHaveCount(0)
	await givenKind.getByRole('radio', { name: 'In the app and by e-mail' }).check()
	await engineer.getByRole('button', { name: 'Save notification settings' }).click()
	await expect(engineer.getByRole('status')).toHaveText('Your notification settings were saved.')
	await expect(givenKind.getByRole('radio', { name: 'In the app and by e-mail' })).toBeChecked()
	await checkA11y(engineer)

	await assign(lead, teamPath, 'Step challenge podium crowns the wrong people')
	await engineer.goto('/notifications')
	await expect(nav.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible()
	await expect(engineer.getByRole('button', { name: /^You were assigned “Step challenge podium crowns the wrong people” in Dispatch/ })).toBeVisible()
	await engineer.getByRole('button', { name: 'Mark all read' }).click()
	await expect(engineer.getByRole('status')).toHaveText('Marked 1 notification read.')
	await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()

	// The lead is this organisation's admin: without a mail server, the message waits in the outbox with its link.
	await lead.goto('/admin/outbox')
	const mails = lead.getByRole('heading', { name: 'New assignment: Step challenge podium crowns the wrong people' })
	await expect(mails).toHaveCount(1)
	await expect(lead.getByText(address, { exact: false }).first()).toBeVisible()
	// Only the assignment after the choice was mailed.
	await expect(lead.getByRole('heading', { name: 'New assignment: Free shipping for everyone' })).toHaveCount(0)
})

test('a lead chooses the daily digest in their notification settings', async ({ page: lead, newContext }) => {
	const engineer = await (await newContext()).newPage()
	await teamWithEngineer(lead, engineer, { organisation: 'Kestrel Labs', lead: 'Ama Owusu', team: 'Search', engineer: 'Lena Vogt' })
	await lead.goto('/settings')
	await lead.getByRole('link', { name: 'Notification settings' }).click()
	await expect(lead.getByRole('group', { name: 'An attempt has waited two days for your review' })).toBeVisible()
	await expect(lead.getByRole('group', { name: 'An exercise is flagged' })).toBeVisible()
	await lead.getByRole('group', { name: 'An exercise is flagged' }).getByRole('radio', { name: 'In the app and by e-mail' }).check()
	await lead.getByRole('checkbox', { name: 'Send my e-mails as one daily digest' }).check()
	await lead.getByRole('button', { name: 'Save notification settings' }).click()
	await expect(lead.getByRole('status')).toHaveText('Your notification settings were saved.')
	await lead.reload()
	await expect(lead.getByRole('checkbox', { name: 'Send my e-mails as one daily digest' })).toBeChecked()
	await expect(lead.getByRole('group', { name: 'An exercise is flagged' }).getByRole('radio', { name: 'In the app and by e-mail' })).toBeChecked()
})
