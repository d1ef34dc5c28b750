// The notifications page and the notification settings through their loaders and actions: the
// unread count in the navigation, opening one (marked read, sent to its subject), marking all
// read, and choices saved, refused with a message, or refused to someone who is not a lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { notify } from '#app/models/notification.server.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as root from '../root.tsx'
import * as page from './notifications.tsx'
import * as settings from './settings.notifications.tsx'

let db: Database
const cookies = { ada: '', lead: '' }
let ada = { id: '', organizationId: '' }

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	ada = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true, organizationId: true } })
	cookies.ada = await loginCookie('ada@hardmode.dev')
	cookies.lead = await loginCookie('lead@hardmode.dev')
	for (const [index, name] of ['first', 'second', 'third'].entries())
		await notify(
			db.prisma,
			ada.organizationId,
			[
				{
					userId: ada.id,
					kind: 'assignment_given',
					key: `test:${name}`,
					text: `You were assigned the ${name} exercise.`,
					link: `/exercises/${name}`,
					exerciseTitle: name,
				},
			],
			new Date(Date.now() - (3 - index) * 60_000),
		)
})

afterAll(async () => {
	await db?.close()
})

type PageData = { notifications: Array<{ id: string; text: string; unread: boolean }>; total: number }
const unreadInNavigation = async (cookie: string) =>
	((await call(root.loader, get('/notifications', cookie))).data as { user: { unreadNotifications: number } }).user.unreadNotifications

describe('the notifications page', () => {
	it('lists the person’s notifications newest first, all unread, and counts them in the navigation', async () => {
		const result = await call(page.loader, get('/notifications', cookies.ada))
		const data = result.data as PageData
		expect(data.notifications.map((n) => [n.text, n.unread])).toEqual([
			['You were assigned the third exercise.', true],
			['You were assigned the second exercise.', true],
			['You were assigned the first exercise.', true],
		])
		expect(await unreadInNavigation(cookies.ada)).toBe(3)
		expect(await unreadInNavigation(cookies.lead)).toBe(0)
	})

	it('opens one by marking it read and sending the browser to its subject; someone else’s is not found', async () => {
		const [newest] = ((await call(page.loader, get('/notifications', cookies.ada))).data as PageData).notifications
		const theirs = await call(page.action, post('/notifications', { intent: 'open', notificationId: newest!.id }, cookies.lead))
		expect(theirs.status).toBe(404)
		expect(theirs.data).toEqual({ error: 'There is no such notification. Reload the page to see yours.' })
		const opened = await call(page.action, post('/notifications', { intent: 'open', notificationId: newest!.id }, cookies.ada))
		expect(opened.status).toBe(302)
		expect(opened.headers.get('Location')).toBe('/exercises/third')
		expect(await unreadInNavigation(cookies.ada)).toBe(2)
	})

	it('refuses a request that names no notification, and marks all read on request', async () => {
		const bad = await call(page.action, post('/notifications', { intent: 'open', notificationId: '../../x' }, cookies.ada))
		expect(bad.status).toBe(400)
		const marked = await call(page.action, post('/notifications', { intent: 'mark-all-read' }, cookies.ada))
		expect(marked.data).toEqual({ message: 'Marked 2 notifications read.' })
		expect(await unreadInNavigation(cookies.ada)).toBe(0)
		const again = await call(page.action, post('/notifications', { intent: 'mark-all-read' }, cookies.ada))
		expect(again.data).toEqual({ message: 'Everything was already read.' })
	})
})

describe('the notification settings', () => {
	it('offers a learner the kinds about their own work and no digest; a lead every kind and the digest', async () => {
		const learner = (await call(settings.loader, get('/settings/notifications', cookies.ada))).data as { kinds: string[]; leadsOrAdmin: boolean }
		expect(learner.kinds).toEqual(['assignment_given', 'assignment_due', 'attempt_reviewed'])
		expect(learner.leadsOrAdmin).toBe(false)
		const lead = (await call(settings.loader, get('/settings/notifications', cookies.lead))).data as { kinds: string[]; leadsOrAdmin: boolean }
		expect(lead.kinds).toHaveLength(5)
		expect(lead.leadsOrAdmin).toBe(true)
	})

	it('saves the choices and shows them next time', async () => {
		const saved = await call(
			settings.action,
			post('/settings/notifications', { assignment_given: 'email', assignment_due: 'off', attempt_reviewed: 'in_app' }, cookies.ada),
		)
		expect(saved.data).toEqual({ message: 'Your notification settings were saved.' })
		const data = (await call(settings.loader, get('/settings/notifications', cookies.ada))).data as { deliveries: Record<string, string> }
		expect(data.deliveries).toMatchObject({ assignment_given: 'email', assignment_due: 'off', attempt_reviewed: 'in_app' })
	})

	it('refuses a choice that is not one of the three with a message next to it, and saves nothing', async () => {
		const refused = await call(settings.action, post('/settings/notifications', { assignment_given: 'pigeon', assignment_due: 'email' }, cookies.ada))
		expect(refused.status).toBe(400)
		expect(refused.data).toEqual({ fieldErrors: { assignment_given: ['Choose in the app only, in the app and by e-mail, or off.'] } })
		const data = (await call(settings.loader, get('/settings/notifications', cookies.ada))).data as { deliveries: Record<string, string> }
		expect(data.deliveries.assignment_due).toBe('off')
	})

	it('keeps the daily digest for leads and admins', async () => {
		const learner = await call(settings.action, post('/settings/notifications', { assignment_given: 'in_app', dailyDigest: 'on' }, cookies.ada))
		expect(learner.status).toBe(400)
		expect(learner.data).toEqual({ fieldErrors: { dailyDigest: ['The daily digest is for leads and admins. Your choices were not saved.'] } })
		const lead = await call(settings.action, post('/settings/notifications', { review_waiting: 'email', dailyDigest: 'on' }, cookies.lead))
		expect(lead.status).toBe(200)
		const data = (await call(settings.loader, get('/settings/notifications', cookies.lead))).data as {
			dailyDigest: boolean
			deliveries: Record<string, string>
		}
		expect(data.dailyDigest).toBe(true)
		expect(data.deliveries.review_waiting).toBe('email')
	})
})
