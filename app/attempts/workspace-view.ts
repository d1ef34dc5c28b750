// What the learner's workspace shows for one attempt: the model's workspace with its briefs and
// reference explanation rendered, the lead's review and the rating note, and once the attempt
// has ended, what to do next, the reference design and the attestation. The loader returns it
// and the workspace components take it. Pure: the loader passes the Markdown renderer in.
import type { NextStep } from '#app/attempts/next-step.ts'
import type { Attestation, ReferenceDesign } from '#app/models/attempt/attempt-end.server.ts'
import type { Workspace } from '#app/models/attempt/workspace.server.ts'
import type { RatingExplanation } from '#app/models/growth/rating-explanation.server.ts'
import type { LearnerReview } from '#app/models/review.server.ts'

export type WorkspaceView = ReturnType<typeof buildWorkspaceView>

export function buildWorkspaceView(
	parts: {
		workspace: Workspace
		review: LearnerReview | null
		rating: RatingExplanation | null
		/** What the attempt's end offers; the loader reads it only for a finished attempt. */
		end?: { nextStep: NextStep; referenceDesign: ReferenceDesign | null; attestation: Attestation; retentionCheck?: string | null }
		now: Date
	},
	renderMarkdown: (markdown: string) => string,
) {
	const { workspace } = parts
	// Whatever the caller passed, an attempt in progress gets nothing of its end.
	const end = workspace.attempt.status === 'in_progress' ? undefined : parts.end
	const { brief, ...exercise } = workspace.exercise
	return {
		...workspace,
		review: parts.review,
		rating: parts.rating,
		// The page shows the title itself, so the brief's own heading is left out.
		exercise: { ...exercise, briefHtml: renderMarkdown(brief.replace(/^#\s[^\n]*\n/, '')) },
		reference: workspace.reference ? { ...workspace.reference, explanationHtml: renderMarkdown(workspace.reference.explanation) } : null,
		architecture: workspace.architecture
			? { ...workspace.architecture, stages: workspace.architecture.stages.map(({ brief, ...stage }) => ({ ...stage, briefHtml: renderMarkdown(brief) })) }
			: null,
		nextStep: end?.nextStep ?? null,
		referenceDesign: end?.referenceDesign ?? null,
		attestation: end?.attestation ?? ('not-applicable' as Attestation),
		/** Once a retention check has ended, what it re-tested and how it went (it is never announced before). */
		retentionCheck: end?.retentionCheck ?? null,
		now: parts.now.toISOString(),
	}
}

/** The file of the first failing test of the latest run, when the learner can open it. */
export function firstFailingFile(view: Pick<WorkspaceView, 'latestRun' | 'files'>): string | null {
	const failing = view.latestRun?.result.tests.find((test) => test.status === 'fail' && test.location)
	const file = failing?.location?.file
	return file && (file in view.files.src || file in view.files.tests) ? file : null
}

/**
 * The first of the attempt's source files its briefs name (the exercise's brief, then each
 * stage's), for the tab a fresh attempt opens on: the file the learner is asked to work in,
 * not whichever sorts first. Null when the briefs name none.
 */
export function fileNamedInBrief(view: Pick<WorkspaceView, 'exercise' | 'architecture' | 'files'>): string | null {
	const text = [view.exercise.briefHtml, ...(view.architecture?.stages.map((stage) => stage.briefHtml) ?? [])].join('\n')
	let first: { path: string; at: number } | null = null
	for (const path of Object.keys(view.files.src)) {
		const at = text.indexOf(path)
		if (at >= 0 && (first === null || at < first.at || (at === first.at && path.length > first.path.length))) first = { path, at }
	}
	return first?.path ?? null
}
