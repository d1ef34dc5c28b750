// The workspace's form actions: reveal a hint, give up, submit a diagnosis (its schema is in
// submission.ts, shared with the diagnosis panel), submit an architecture stage and attest a
// finished one. Checked on the server.
import { z } from 'zod'
import { DecisionRecordDraftSchema } from '#app/architecture/decision-record.ts'
import { AttestSchema, DiagnosisSchema } from './submission.ts'

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return null
	}
}

// The stage form carries the design and the decision record as JSON, filled in by the workspace.
const StageSchema = z.object({
	intent: z.literal('submit-stage'),
	stage: z.coerce.number().int().min(1).max(2),
	record: z.string().max(200_000).transform(parseJson).pipe(DecisionRecordDraftSchema),
	files: z.string().min(2).max(2_000_000).transform(parseJson).pipe(z.record(z.string(), z.string())),
})

export const WorkspaceFormSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('reveal-hint'), index: z.coerce.number().int().min(0).max(10) }),
	z.object({ intent: z.literal('give-up') }),
	DiagnosisSchema.safeExtend({ intent: z.literal('submit') }),
	StageSchema,
	AttestSchema,
])
