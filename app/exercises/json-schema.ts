// The checked-in JSON Schema of exercise.json: where it lives and its exact text, shared by
// `npm run exercises:schema` (writes it) and a test (fails when it is out of date).
import { fileURLToPath } from 'node:url'
import { exerciseJsonSchema } from './schema.ts'

export const EXERCISE_JSON_SCHEMA_PATH = fileURLToPath(new URL('./exercise.schema.json', import.meta.url))

export function exerciseJsonSchemaText(): string {
	return `${JSON.stringify(exerciseJsonSchema(), null, '\t')}\n`
}
