// What each notification says, in the app and in its e-mail. Pure.
import { FLAG_REASON_LABELS, type FlagReason } from '#app/reviews/flags.ts'
import type { NotificationKind } from './kinds.ts'

export type NotificationSubject =
	| { kind: 'assignment_given'; exerciseTitle: string; teamName: string; dueAt: Date }
	| { kind: 'assignment_due'; exerciseTitle: string; dueAt: Date }
	| { kind: 'attempt_reviewed'; exerciseTitle: string; reviewerName: string; percent: number; updated: boolean }
	| { kind: 'review_waiting'; exerciseTitle: string; learnerName: string; finishedAt: Date; now: Date }
	| { kind: 'exercise_flagged'; exerciseTitle: string; raiserName: string; reason: FlagReason }

/** A date as e-mails and stored sentences show it: they are read later, in any time zone, so in UTC. */
export function formatDueDate(date: Date) {
	return `${date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })}, ${date.toISOString().slice(11, 16)} UTC`
}

/** The sentence a notification shows, stored with it so it reads the same later. */
export function notificationText(subject: NotificationSubject): string {
	switch (subject.kind) {
		case 'assignment_given':
			return `You were assigned “${subject.exerciseTitle}” in ${subject.teamName}, due ${formatDueDate(subject.dueAt)}.`
		case 'assignment_due':
			return `“${subject.exerciseTitle}” is due ${formatDueDate(subject.dueAt)} and you have not finished it yet.`
		case 'attempt_reviewed':
			return `${subject.reviewerName} ${subject.updated ? 'updated the review of' : 'reviewed'} your attempt at “${subject.exerciseTitle}”: ${subject.percent}%.`
		case 'review_waiting': {
			const days = Math.floor((subject.now.getTime() - subject.finishedAt.getTime()) / 86_400_000)
			return `${subject.learnerName}’s attempt at “${subject.exerciseTitle}” has waited ${days} days for a review.`
		}
		case 'exercise_flagged':
			return `${subject.raiserName} flagged “${subject.exerciseTitle}”: ${FLAG_REASON_LABELS[subject.reason].toLowerCase()}.`
	}
}

const SUBJECT_LINES: Record<NotificationKind, (title: string) => string> = {
	assignment_given: (title) => `New assignment: ${title}`,
	assignment_due: (title) => `Due tomorrow: ${title}`,
	attempt_reviewed: (title) => `Your attempt at ${title} was reviewed`,
	review_waiting: (title) => `Waiting for your review: ${title}`,
	exercise_flagged: (title) => `Exercise flagged: ${title}`,
}

/** One notification's own e-mail: the sentence, a link to its subject, and where to change the setting. */
export function notificationMail(input: { kind: NotificationKind; exerciseTitle: string; text: string; link: string; settingsLink: string }) {
	return {
		subject: SUBJECT_LINES[input.kind](input.exerciseTitle),
		text: `${input.text}\n\nOpen it in Hardmode: ${input.link}\n\nYou get this e-mail because of your notification settings: ${input.settingsLink}\n`,
		html: `<p>${escapeHtml(input.text)}</p><p><a href="${escapeHtml(input.link)}">Open it in Hardmode</a></p><p style="color:#555">You get this e-mail because of your <a href="${escapeHtml(input.settingsLink)}">notification settings</a>.</p>`,
	}
}

export function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
}
