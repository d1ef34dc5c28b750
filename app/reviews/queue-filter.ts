// Reading the review queue's filters from a query string through one zod schema, on the
// server (the queue's loader, the review page's loader and its "Save and open the next").
// A malformed or unknown value means "any", as in the exercise catalogue: a link someone
// shared keeps working, narrowed by whatever still makes sense.
import { z } from 'zod'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { QUEUE_SORTS, QUEUE_SOURCES, QUEUE_WAITING, type QueueQuery } from './queue-query.ts'

export * from './queue-query.ts'

const EXERCISE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const QueueQuerySchema = z.object({
	team: z.string().regex(RECORD_ID_PATTERN).nullable().catch(null),
	exercise: z.string().max(100).regex(EXERCISE_SLUG).nullable().catch(null),
	source: z.enum(QUEUE_SOURCES).nullable().catch(null),
	waiting: z.enum(QUEUE_WAITING).nullable().catch(null),
	sort: z.enum(QUEUE_SORTS).catch('oldest'),
})

/** Reads the queue's filters; never throws. A repeated key counts once (its first value). */
export function parseQueueQuery(params: URLSearchParams): QueueQuery {
	return QueueQuerySchema.parse({
		team: params.get('team'),
		exercise: params.get('exercise'),
		source: params.get('source'),
		waiting: params.get('waiting'),
		sort: params.get('sort') ?? 'oldest',
	})
}
