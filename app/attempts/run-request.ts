// What the workspace sends to run the visible tests (JSON, POST /attempts/:id/runs).
import { z } from 'zod'
import { ClientIdSchema } from './events.ts'
import { PredictionSchema } from './prediction.ts'

export const RunRequestSchema = z.strictObject({
	files: z.record(z.string().min(1).max(300), z.string()),
	hypothesisId: ClientIdSchema.nullish(),
	prediction: PredictionSchema.nullish(),
	/** Architecture exercises: the stage whose scenarios the learner means to play. */
	stage: z.int().min(1).max(2).optional(),
})
