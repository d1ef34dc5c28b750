// What Hardmode records about the people who use it, who may see each signal, and what it
// must not be used for: the content of the "What Hardmode records and who sees it" page.
// Each timeline event the workspace records names the signal it feeds, and a test holds the
// list to the events the code records, so a new signal cannot arrive unlisted.
import type { ClientEventType } from '#app/attempts/events.ts'

/** Events the server itself writes on an attempt's timeline. */
export const SERVER_EVENT_TYPES = ['started', 'run', 'hint.revealed', 'submission', 'stage.submitted', 'gave-up'] as const
export type TimelineEventType = ClientEventType | (typeof SERVER_EVENT_TYPES)[number]

export type Audience = 'you' | 'leads' | 'admins' | 'authors'

export const AUDIENCE_LABELS: Record<Audience, string> = {
	you: 'You',
	leads: 'Leads of your teams',
	admins: 'Your organisation’s admins',
	authors: 'Exercise authors (only as anonymous totals per exercise)',
}

export type RecordedSignal = {
	id: string
	name: string
	what: string
	seenBy: readonly Audience[]
	/** The misreading this signal invites, said plainly. */
	notFor: string
	/** The timeline events it is made of, if any. */
	events?: readonly TimelineEventType[]
}

export type SignalGroup = { title: string; signals: readonly RecordedSignal[] }

const YOURS_AND_LEADS = ['you', 'leads', 'admins'] as const

export const RECORDED_SIGNALS: readonly SignalGroup[] = [
	{
		title: 'Your work in an attempt',
		signals: [
			{
				id: 'timeline',
				name: 'The attempt’s timeline',
				what: 'When you start, every version of your code (as differences), every run with the code it ran, its test results and console output, and when the attempt ends.',
				seenBy: [...YOURS_AND_LEADS, 'authors'],
				notFor: 'Counting keystrokes or hours. The timeline is there to replay how a diagnosis unfolded, not to measure effort.',
				events: ['started', 'snapshot', 'run', 'gave-up'],
			},
			{
				id: 'journal',
				name: 'Diagnosis journal and predictions',
				what: 'Your observations and hypotheses (with edits and their status), predictions before a run with how sure you were (50, 70 or 90 %), and whether each came true.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Judging someone by a wrong hypothesis. Wrong hypotheses ruled out by an experiment are the method working.',
				events: ['journal.add', 'journal.edit', 'prediction.mark'],
			},
			{
				id: 'hints',
				name: 'Hints revealed',
				what: 'Which hints you revealed and when, including a reveal within seconds of a hint unlocking.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Treating hint use as failure. Hints open later as your rating in a topic grows; using one is recorded as a fact.',
				events: ['hint.revealed'],
			},
			{
				id: 'submissions',
				name: 'Diagnoses and fixes handed in',
				what: 'Root-cause location, category and explanation, the fix, the hidden tests’ verdict, and (architecture) the decision record of each stage with its measured consequences.',
				seenBy: [...YOURS_AND_LEADS, 'authors'],
				notFor: 'Ranking people. Authors see only how many people chose each wrong root cause, never who.',
				events: ['submission', 'stage.submitted', 'decision.saved'],
			},
			{
				id: 'integrity',
				name: 'Integrity signals',
				what: 'Pastes from outside the editor (their size, and whether an assignment blocked them), large insertions that were not typed, how often and how long the window lost focus, and whether you attested that the work was unaided.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Accusations. They are shown as facts with context; a lost focus is often a colleague or a meeting.',
				events: ['paste', 'insertion', 'focus.lost', 'focus.regained'],
			},
		],
	},
	{
		title: 'What is worked out from it',
		signals: [
			{
				id: 'metrics',
				name: 'Diagnosis metrics',
				what: 'Time to first hypothesis and to the correct root cause, runs per diagnosis, failed fixes and rework, prediction accuracy, independence.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'A productivity metric. They describe practice on exercises, not work on the job, and say nothing about output.',
			},
			{
				id: 'ratings',
				name: 'Skill ratings per topic',
				what: 'A Glicko-2 rating per topic from your first attempt at each exercise, scored from the outcome, how long the root cause took against the exercise’s estimate, failed fixes and hints; shown as provisional until there is enough evidence.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Comparing or ranking people. Hardmode shows no leaderboards; a rating compares you with exercises, and with yourself over time.',
			},
			{
				id: 'retention',
				name: 'Retention checks and transfer',
				what: 'For each bug family you have met, when another variant is due and why (a schedule that spaces checks further apart after each success), which attempts were checks, and how they compared with the first time.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Catching people out. Checks come unannounced because that is what makes them a test of memory; a missed check shortens the gap, nothing more.',
			},
			{
				id: 'calibration',
				name: 'Calibration',
				what: 'How often your predictions came true at each confidence you gave, and the Brier score over time.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Judging confidence as a personality trait. Calibration is a skill that improves with feedback.',
			},
		],
	},
	{
		title: 'What leads and admins add',
		signals: [
			{
				id: 'reviews',
				name: 'Reviews, comments and notes',
				what: 'Rubric scores and comments on attempts, lead notes on the growth report (dated to the period they were written for), and flags raised on exercises.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'A performance rating on its own. A growth review is a conversation with the engineer, who sees everything written about them.',
			},
			{
				id: 'assignments',
				name: 'Assignments',
				what: 'What a lead asked you to practise, by when, under which rules, and its progress.',
				seenBy: YOURS_AND_LEADS,
				notFor: 'Deadlines for work. A practice assignment that closes unfinished is information, not a breach.',
			},
		],
	},
	{
		title: 'Your account',
		signals: [
			{
				id: 'account',
				name: 'Account and sessions',
				what: 'Your name, e-mail address, role and teams; the browser (user agent) and times of your sessions; an activity log of what admins and leads changed (invites, roles, teams, assignments).',
				seenBy: ['you', 'admins'],
				notFor: 'Tracking attendance. Session times exist to keep your account safe.',
			},
			{
				id: 'sign-in',
				name: 'Sign-in and security',
				what: 'When you last signed in; failed sign-ins and any lockout they caused; whether two-factor sign-in is on and when a recovery code was used (the secret and the codes are never stored readable); with single sign-on, your identity at the provider and the groups it sent at your last sign-in.',
				seenBy: ['you', 'admins'],
				notFor: 'Tracking attendance or hours. These exist to keep accounts safe and to let an admin help someone who is locked out.',
			},
			{
				id: 'mail',
				name: 'E-mail and notifications',
				what: 'The messages Hardmode sent you (kept in the outbox with their links and whether delivery worked), your notifications and whether you have read them, and what you chose to receive for each kind.',
				seenBy: ['you', 'admins'],
				notFor:
					'Checking whether someone reads their mail. Read marks exist so the count in the navigation is right; admins see the outbox to deliver mail by hand when no mail server is set.',
			},
		],
	},
]

/** Every timeline event type some signal lists. */
export function describedEventTypes(groups: readonly SignalGroup[] = RECORDED_SIGNALS): Set<string> {
	return new Set(groups.flatMap((group) => group.signals.flatMap((signal) => signal.events ?? [])))
}
