import type { Prisma } from '#app/generated/prisma/client.ts'
import { getPrisma } from '#app/utils/db.server.ts'

type Db = Pick<ReturnType<typeof getPrisma>, 'auditEvent'> | Prisma.TransactionClient

/** Records who did what to what, inside the caller's transaction when one is given. */
export function recordAudit(
	event: {
		organizationId: string
		actorId: string | null
		action: string
		targetType?: string
		targetId?: string
		detail?: Prisma.InputJsonValue
	},
	db: Db = getPrisma(),
) {
	return db.auditEvent.create({ data: event, select: { id: true } })
}
