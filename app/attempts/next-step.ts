// What a learner does once an attempt has ended: back to their assignments when the attempt
// was assigned, else the exercise the dashboard suggests, else the catalogue; and always the
// list of their attempts. Pure and client-safe: the loader passes what it read.

export type NextStepLink = { href: string; label: string; detail: string | null }

export type NextStep = { primary: NextStepLink; attempts: NextStepLink }

export type NextStepInput = {
	/** The exercise of the attempt that ended. */
	exerciseSlug: string
	/** The assignment this attempt was made for, if any. */
	assignment: { id: string; team: string } | null
	/** The learner's open assignments (not solved, not cancelled), as the dashboard lists them. */
	openAssignments: Array<{ id: string; exercise: { slug: string; title: string } }>
	/** The dashboard's suggestion for what to practise next. */
	suggestion: { exercise: { slug: string; title: string }; reason: string } | null
}

export function nextStepAfter(input: NextStepInput): NextStep {
	const attempts: NextStepLink = { href: '/attempts', label: 'All your attempts', detail: 'Times, runs, hints and the lead’s feedback for each' }
	if (input.assignment) {
		const others = input.openAssignments.filter((assignment) => assignment.id !== input.assignment!.id)
		return {
			primary: {
				href: '/dashboard',
				label: 'Back to your assignments',
				detail:
					others.length === 0
						? `${input.assignment.team} · nothing else assigned is waiting`
						: `${input.assignment.team} · ${others.length} more waiting, next: ${others[0]!.exercise.title}`,
			},
			attempts,
		}
	}
	if (input.suggestion) {
		const again = input.suggestion.exercise.slug === input.exerciseSlug
		return {
			primary: {
				href: `/exercises/${input.suggestion.exercise.slug}`,
				label: again ? `Try again: ${input.suggestion.exercise.title}` : `Next: ${input.suggestion.exercise.title}`,
				detail: input.suggestion.reason,
			},
			attempts,
		}
	}
	return { primary: { href: '/exercises', label: 'Choose the next exercise', detail: 'Nothing new to suggest right now' }, attempts }
}
