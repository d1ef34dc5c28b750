// A lead's notes on an engineer, shown in the growth report of the period they were written for (ADR 010, 022).
import { EMPTY_NOTE_MESSAGE, MAX_NOTE_CHARS, noteDatedAt, noteTooLongMessage } from '#app/growth/growth-note-form.ts'
import { getPrisma } from '#app/utils/db.server.ts'

/** A failure the caller caused, with the HTTP status to answer. */
export class GrowthError extends Error {
	constructor(
		readonly status: 400 | 404,
		message: string,
	) {
		super(message)
	}
}

/**
 * A lead's note on an engineer, written for a report period (dated inside it) or, without one,
 * dated when written. The caller has checked that the author may write it (a lead of the
 * engineer's team, or an admin).
 */
export async function addGrowthNote(input: {
	organizationId: string
	authorId: string
	userId: string
	body: string
	period?: { from: Date; to: Date }
	now?: Date
}) {
	const body = input.body.trim()
	if (!body) throw new GrowthError(400, EMPTY_NOTE_MESSAGE)
	if (body.length > MAX_NOTE_CHARS) throw new GrowthError(400, noteTooLongMessage(body.length))
	const prisma = getPrisma()
	const engineer = await prisma.user.findFirst({ where: { id: input.userId, organizationId: input.organizationId }, select: { id: true } })
	if (!engineer) throw new GrowthError(404, 'This engineer is not in your organisation.')
	const now = input.now ?? new Date()
	return prisma.growthNote.create({
		data: {
			organizationId: input.organizationId,
			userId: input.userId,
			authorId: input.authorId,
			body,
			periodFrom: input.period?.from ?? null,
			periodTo: input.period?.to ?? null,
			datedAt: input.period ? noteDatedAt(input.period, now) : now,
			createdAt: now,
			updatedAt: now,
		},
		select: { id: true, body: true, datedAt: true, createdAt: true },
	})
}
