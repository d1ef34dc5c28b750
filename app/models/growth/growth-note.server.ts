// A lead's notes on an engineer, shown in the growth report of the period they were written for (ADR 010, 022).
import { EMPTY_NOTE_MESSAGE, MAX_NOTE_CHARS, noteDatedAt, noteTooLongMessage } from '#app/growth/growth-note-form.ts'
import { periodLabel } from '#app/growth/report-period.ts'
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

/** What a page shows of a note: the columns to select, and the view made of them. */
export const growthNoteSelect = { id: true, body: true, createdAt: true, periodFrom: true, periodTo: true, author: { select: { name: true } } } as const

type SelectedNote = { id: string; body: string; createdAt: Date; periodFrom: Date | null; periodTo: Date | null; author: { name: string } | null }

/** `forPeriod` names the report period a note was written for, when it was written after (or before) it. */
export function growthNoteView(note: SelectedNote) {
	const outside = note.periodFrom && note.periodTo && (note.createdAt < note.periodFrom || note.createdAt >= note.periodTo)
	return {
		id: note.id,
		body: note.body,
		authorName: note.author?.name ?? 'A former lead',
		createdAt: note.createdAt.toISOString(),
		forPeriod: outside ? periodLabel(note.periodFrom!, note.periodTo!) : null,
	}
}

/** The newest notes on an engineer, for their profile, and how many there are in all. */
export async function listRecentGrowthNotes(organizationId: string, userId: string, take = 5) {
	const prisma = getPrisma()
	const [notes, total] = await Promise.all([
		prisma.growthNote.findMany({
			where: { organizationId, userId },
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			take,
			select: growthNoteSelect,
		}),
		prisma.growthNote.count({ where: { organizationId, userId } }),
	])
	return { notes: notes.map(growthNoteView), total }
}
