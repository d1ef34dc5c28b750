// The periodic notification job (ADR 031): assignments due tomorrow, attempts waiting more than
// two days for review, and leads' daily digests. Every server runs it every few minutes; the
// notifications' unique keys, the outbox's de-duplication and the digest's claim on its rows make
// two servers running it at once, or one running it twice, tell everyone exactly once.
import type { Logger } from 'pino'
import { openAssignmentWhere } from './assignment.server.ts'
import { digestDue, digestMail, type DigestItem } from '#app/notifications/digest.ts'
import { absoluteLink, mailNotification } from '#app/notifications/mail.server.ts'
import { notificationText } from '#app/notifications/messages.ts'
import { dueSoonWindow, notificationKey, unfinishedLearners, waitingReviewRecipients, waitingWindow } from '#app/notifications/recipients.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { SETTINGS_PATH } from '#app/notifications/kinds.ts'
import { notify, type NewNotification } from './notification.server.ts'

/** Learners who have not finished an assignment due within a day are reminded, once. */
export async function notifyAssignmentsDueSoon(now: Date) {
	const prisma = getPrisma()
	const window = dueSoonWindow(now)
	const assignments = await prisma.assignment.findMany({
		where: { AND: [openAssignmentWhere(now), { dueAt: { gt: window.from, lte: window.to } }] },
		select: {
			id: true,
			organizationId: true,
			exerciseId: true,
			createdAt: true,
			dueAt: true,
			wholeTeam: true,
			exercise: { select: { slug: true, title: true } },
			team: { select: { memberships: { where: { role: 'learner' }, select: { userId: true } } } },
			members: { select: { userId: true } },
		},
	})
	let stored = 0
	for (const assignment of assignments) {
		const audience = (assignment.wholeTeam ? assignment.team.memberships : assignment.members).map((row) => row.userId)
		if (audience.length === 0) continue
		const attempts = await prisma.attempt.findMany({
			where: { organizationId: assignment.organizationId, exerciseId: assignment.exerciseId, userId: { in: audience } },
			select: {
				id: true,
				userId: true,
				assignmentId: true,
				exerciseId: true,
				status: true,
				startedAt: true,
				finishedAt: true,
				review: { select: { id: true } },
			},
		})
		const unfinished = unfinishedLearners(
			assignment,
			audience,
			attempts.map((attempt) => ({ ...attempt, reviewed: attempt.review !== null })),
		)
		const text = notificationText({ kind: 'assignment_due', exerciseTitle: assignment.exercise.title, dueAt: assignment.dueAt })
		const items: NewNotification[] = unfinished.map((userId) => ({
			userId,
			kind: 'assignment_due',
			key: notificationKey('assignment_due', assignment.id, userId),
			text,
			link: `/exercises/${assignment.exercise.slug}`,
			exerciseTitle: assignment.exercise.title,
		}))
		stored += (await prisma.$transaction((tx) => notify(tx, assignment.organizationId, items, now))).length
	}
	return stored
}

/** The leads of the learner (the admins when none of their teams has a lead) hear of an attempt waiting more than two days, once. */
export async function notifyReviewsWaiting(now: Date) {
	const prisma = getPrisma()
	const window = waitingWindow(now)
	const attempts = await prisma.attempt.findMany({
		where: { status: { not: 'in_progress' }, review: null, finishedAt: { gte: window.from, lt: window.to } },
		orderBy: { finishedAt: 'asc' },
		select: {
			id: true,
			organizationId: true,
			finishedAt: true,
			exercise: { select: { title: true } },
			user: {
				select: {
					id: true,
					name: true,
					memberships: { select: { team: { select: { memberships: { where: { role: 'lead' }, select: { userId: true } } } } } },
				},
			},
		},
	})
	const admins = new Map<string, string[]>()
	const adminsOf = async (organizationId: string) => {
		if (!admins.has(organizationId)) {
			const rows = await prisma.user.findMany({ where: { organizationId, orgRole: 'admin' }, select: { id: true } })
			admins.set(
				organizationId,
				rows.map((row) => row.id),
			)
		}
		return admins.get(organizationId)!
	}
	let stored = 0
	for (const attempt of attempts) {
		const teams = attempt.user.memberships.map((membership) => ({ leadIds: membership.team.memberships.map((lead) => lead.userId) }))
		const recipients = waitingReviewRecipients(attempt.user.id, teams, await adminsOf(attempt.organizationId))
		const text = notificationText({
			kind: 'review_waiting',
			exerciseTitle: attempt.exercise.title,
			learnerName: attempt.user.name,
			finishedAt: attempt.finishedAt!,
			now,
		})
		const items: NewNotification[] = recipients.map((userId) => ({
			userId,
			kind: 'review_waiting',
			key: notificationKey('review_waiting', attempt.id, userId),
			text,
			link: `/reviews/${attempt.id}`,
			exerciseTitle: attempt.exercise.title,
		}))
		stored += (await prisma.$transaction((tx) => notify(tx, attempt.organizationId, items, now))).length
	}
	return stored
}

/** Sends each daily digest that is due; returns how many went to the outbox. */
export async function sendDueDigests(now: Date) {
	const prisma = getPrisma()
	const waiting = await prisma.notification.groupBy({ by: ['userId'], where: { email: 'digest_pending' } })
	let sent = 0
	for (const { userId } of waiting) {
		const pending = await prisma.notification.findMany({
			where: { userId, email: 'digest_pending' },
			select: { id: true, organizationId: true, kind: true, text: true, link: true, createdAt: true },
		})
		if (!digestDue(pending, now)) continue
		const claimed = await prisma.$transaction(async (tx) => {
			// The claim: another server that took these rows first leaves nothing to update here.
			const updated = await tx.notification.updateMany({
				where: { id: { in: pending.map((item) => item.id) }, email: 'digest_pending' },
				data: { email: 'digested' },
			})
			if (updated.count !== pending.length) return false
			const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, organizationId: true } })
			const items: DigestItem[] = pending.filter((item) => item.organizationId === person.organizationId)
			if (items.length === 0) return true
			const oldest = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0]!
			const mail = digestMail(items, absoluteLink, absoluteLink(SETTINGS_PATH))
			await mailNotification(tx, {
				organizationId: person.organizationId,
				to: person.email,
				...mail,
				kind: 'notification.digest',
				dedupeKey: `digest:${userId}:${oldest.id}`,
			})
			await tx.notificationSettings.upsert({
				where: { userId },
				create: { userId, lastDigestAt: now },
				update: { lastDigestAt: now },
				select: { userId: true },
			})
			return true
		})
		if (claimed) sent++
	}
	return sent
}

export async function runNotificationJob(now = new Date()) {
	const dueSoon = await notifyAssignmentsDueSoon(now)
	const waiting = await notifyReviewsWaiting(now)
	const digests = await sendDueDigests(now)
	return { dueSoon, waiting, digests }
}

export const NOTIFICATION_JOB_INTERVAL_MS = 5 * 60_000

/** Runs the job now and every interval after; one run at a time. Returns a function that stops it. */
export function startNotificationJob(logger: Pick<Logger, 'info' | 'error'>, intervalMs = NOTIFICATION_JOB_INTERVAL_MS) {
	let running: Promise<void> | undefined
	const tick = async () => {
		if (running) return
		running = (async () => {
			try {
				const result = await runNotificationJob()
				if (result.dueSoon || result.waiting || result.digests) logger.info(result, 'Stored notifications and digests that fell due')
			} catch (error) {
				logger.error({ err: error }, 'The notification job failed; it runs again at the next interval')
			}
		})()
		await running
		running = undefined
	}
	void tick()
	const timer = setInterval(() => void tick(), intervalMs)
	timer.unref()
	// Stopping waits for a pass under way, so shutdown never closes the database under it.
	return async () => {
		clearInterval(timer)
		await running
	}
}
