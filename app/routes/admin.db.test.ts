// An admin making themselves a member is asked first, and told what they will lose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import * as admin from './admin.tsx'

let db: Database
let cookie: string
let adminId: string

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	// A second admin, so the organisation keeps one when the first steps down.
	await db.prisma.user.update({ where: { email: 'lead@hardmode.dev' }, data: { orgRole: 'admin' }, select: { id: true } })
	adminId = (await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })).id
	cookie = await loginCookie('admin@hardmode.dev')
})

afterAll(async () => {
	await db?.close()
})

const roleOf = async (id: string) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { orgRole: true } })).orgRole

describe('an admin making themselves a member', () => {
	it('is asked to confirm, and nothing changes until they do', async () => {
		const asked = await call(admin.action, post('/admin', { intent: 'set-role', userId: adminId, role: 'member' }, cookie))
		expect(asked).toMatchObject({ status: 200, data: { intent: 'set-role', confirmSelfDemotion: true } })
		expect(await roleOf(adminId)).toBe('admin')
	})

	it('shows in the activity log as a sentence with links, not a key', async () => {
		const lead = await db.prisma.user.findUniqueOrThrow({ where: { email: 'lead@hardmode.dev' }, select: { id: true, name: true } })
		await call(admin.action, post('/admin', { intent: 'set-role', userId: lead.id, role: 'admin' }, cookie))
		const page = (await call(admin.loader, get('/admin', cookie))).data as Awaited<ReturnType<typeof admin.loader>>
		expect(page.audit[0]).toMatchObject({ parts: ['made ', { text: lead.name, href: `/people/${lead.id}` }, ' an admin of the organisation'] })
		expect(JSON.stringify(page.audit)).not.toMatch(/user\.org_role_changed|organization\.seeded/)
	})

	it('becomes a member once they confirm', async () => {
		const done = await call(admin.action, post('/admin', { intent: 'set-role', userId: adminId, role: 'member', confirmSelfDemotion: 'yes' }, cookie))
		expect(done).toMatchObject({ status: 200, data: { message: 'Role updated.' } })
		expect(await roleOf(adminId)).toBe('member')
	})
})
