import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#app/utils/db.server.ts'
import { compareStructures, expectedStructure, getDmmf, readStructure, type DatabaseStructure } from '#tests/db-schema.ts'
import { createTestDatabase, testDatabaseKind } from '#tests/db.ts'

// Migrations are hand-written SQL (ADR 003); this is what keeps them equal to schema.prisma.
// A failure lists every difference: write the migration that removes them.

// prisma/schema.prisma and prisma/models/*.prisma, read as the one schema Prisma sees.
const prismaDir = fileURLToPath(new URL('../../prisma/', import.meta.url))
const schema = [
	'schema.prisma',
	...readdirSync(path.join(prismaDir, 'models'))
		.filter((name) => name.endsWith('.prisma'))
		.sort()
		.map((name) => `models/${name}`),
]
	.map((file) => readFileSync(path.join(prismaDir, file), 'utf8'))
	.join('\n')

/** Replaces exactly one occurrence, so a test cannot pass because its edit silently missed. */
function edit(text: string, from: string, to: string) {
	const at = text.indexOf(from)
	if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(from)} in schema.prisma`)
	return text.slice(0, at) + to + text.slice(at + from.length)
}

describe(`migrated database vs schema.prisma (${testDatabaseKind()})`, () => {
	let database: Database
	let migrated: DatabaseStructure
	beforeAll(async () => {
		database = await createTestDatabase()
		migrated = await readStructure((sql) => database.prisma.$queryRawUnsafe(sql))
	})
	afterAll(() => database?.close())

	it('has every model, field, type, nullability, default, unique, index and foreign key of schema.prisma, and nothing else', () => {
		expect(compareStructures(expectedStructure(schema), migrated)).toEqual([])
		// Guard against comparing two empty pictures.
		expect([...migrated.tables.keys()]).toEqual(expect.arrayContaining(['Organization', 'User', 'Team', 'Membership', 'Session', 'Invite', 'AuditEvent']))
		expect(migrated.tables.size).toBe(getDmmf(schema).datamodel.models.length)
		expect(migrated.tables.get('User')!.indexes.get('User_email_key')).toMatchObject({ unique: true, columns: ['email'] })
	})

	it('fails when a field is added to schema.prisma without a migration', () => {
		const changed = edit(schema, '  passwordHash   String\n', '  passwordHash   String\n  nickname       String?\n')
		expect(compareStructures(expectedStructure(changed), migrated)).toEqual(['column User.nickname is in schema.prisma but not in the database'])
	})

	it('names each other kind of drift', () => {
		let changed = schema
		changed = edit(changed, '  email          String       @unique\n', '  email          String\n') // unique dropped
		changed = edit(changed, '  userAgent      String?\n', '  userAgent      String\n') // now required
		changed = edit(changed, '  action         String\n', '  action         Int\n') // type changed
		changed = edit(changed, '  lastSeenAt     DateTime     @default(now())\n', '  lastSeenAt     DateTime\n') // default dropped
		changed = edit(changed, '  @@unique([organizationId, name])\n', '  @@unique([organizationId, name])\n  @@index([name])\n') // index added
		changed = edit(changed, 'references: [id], onDelete: SetNull)\n\n  @@index([teamId])', 'references: [id], onDelete: Restrict)\n\n  @@index([teamId])') // FK action
		changed = edit(changed, '  lead\n}', '  lead\n  observer\n}') // enum value added
		changed = `${changed}\nmodel Scratchpad {\n  id String @id\n}\n` // model added

		expect(compareStructures(expectedStructure(changed), migrated).sort()).toEqual(
			[
				'index User.User_email_key is in the database but not in schema.prisma',
				'column Session.userAgent: nullable in the database, required in schema.prisma',
				'column AuditEvent.action: type text in the database, integer in schema.prisma',
				'column Session.lastSeenAt: default CURRENT_TIMESTAMP in the database, no default in schema.prisma',
				'index Team.Team_name_idx is in schema.prisma but not in the database',
				'foreign key Invite.Invite_usedById_fkey: ' +
					'{"columns":["usedById"],"onDelete":"SET NULL","onUpdate":"CASCADE","referencedColumns":["id"],"referencedTable":"User"} in the database, ' +
					'{"columns":["usedById"],"onDelete":"RESTRICT","onUpdate":"CASCADE","referencedColumns":["id"],"referencedTable":"User"} in schema.prisma',
				'enum TeamRole: values learner, lead in the database, learner, lead, observer in schema.prisma',
				'table Scratchpad is in schema.prisma but not in the database',
			].sort(),
		)
	})

	it('fails when the database was changed behind the schema’s back', async () => {
		// DDL is transactional in PostgreSQL: change, look, and roll back.
		const rollback = new Error('rollback')
		let changed: DatabaseStructure | undefined
		await expect(
			database.prisma.$transaction(async (tx) => {
				await tx.$executeRawUnsafe('DROP INDEX "Session_userId_idx"')
				await tx.$executeRawUnsafe('ALTER TABLE "Team" ADD COLUMN "colour" TEXT')
				await tx.$executeRawUnsafe('CREATE TABLE "Scratch" ("id" TEXT PRIMARY KEY)')
				changed = await readStructure((sql) => tx.$queryRawUnsafe(sql))
				throw rollback
			}),
		).rejects.toBe(rollback)

		expect(compareStructures(expectedStructure(schema), changed!).sort()).toEqual(
			[
				'index Session.Session_userId_idx is in schema.prisma but not in the database',
				'column Team.colour is in the database but not in schema.prisma',
				'table Scratch is in the database but not in schema.prisma',
			].sort(),
		)
		expect(compareStructures(expectedStructure(schema), await readStructure((sql) => database.prisma.$queryRawUnsafe(sql)))).toEqual([])
	})

	it('reads schema.prisma with Prisma’s parser, which rejects an invalid schema', () => {
		expect(() => expectedStructure(edit(schema, '  name           String\n  createdAt   ', '  name           Strng\n  createdAt   '))).toThrow(/Strng/)
	})
})
