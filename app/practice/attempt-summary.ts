// How one attempt reads in lists: time spent and independence. Pure and client-safe.
import type { AttemptOutcome } from './catalogue-filter.ts'

export const ATTEMPT_STATUS_LABELS: Record<AttemptOutcome, string> = {
	in_progress: 'In progress',
	solved: 'Solved',
	gave_up: 'Given up',
}

/** Badge tones for the statuses; the label always goes with it, so colour is never the only cue. */
export const ATTEMPT_STATUS_TONES: Record<AttemptOutcome, 'brand' | 'success' | 'warning'> = {
	in_progress: 'brand',
	solved: 'success',
	gave_up: 'warning',
}

/** Start to finish, or to the last activity while the attempt is still open. */
export function timeSpentMs(attempt: { startedAt: Date; finishedAt: Date | null; lastActiveAt: Date }) {
	const end = attempt.finishedAt ?? attempt.lastActiveAt
	return Math.max(0, end.getTime() - attempt.startedAt.getTime())
}

export type IndependenceInput = {
	status: AttemptOutcome
	hintsRevealed: number
	outsidePastes: number
	/** Whether the newest submission was attested as unaided; null when nothing was submitted. */
	lastSubmissionAttested: boolean | null
}

export type Independence = { independent: boolean; label: string }

/**
 * Independent means no hints, no pastes from outside the editor and, once the attempt is
 * finished, an attested last submission. Otherwise the label says what broke it.
 */
export function attemptIndependence(attempt: IndependenceInput): Independence {
	const broken: string[] = []
	if (attempt.hintsRevealed > 0) broken.push(plural(attempt.hintsRevealed, 'hint'))
	if (attempt.outsidePastes > 0) broken.push(plural(attempt.outsidePastes, 'outside paste'))
	if (attempt.status !== 'in_progress' && attempt.lastSubmissionAttested !== true) {
		broken.push(attempt.lastSubmissionAttested === false ? 'not attested' : 'nothing attested')
	}
	return broken.length === 0 ? { independent: true, label: 'Independent' } : { independent: false, label: broken.join(' · ') }
}

export function plural(count: number, noun: string) {
	return `${count} ${noun}${count === 1 ? '' : 's'}`
}
