// Writes app/exercises/exercise.schema.json from the zod schema, so editors complete and
// check exercise.json ("$schema": "../../app/exercises/exercise.schema.json").
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('exercises:schema')

const { writeFile } = await import('node:fs/promises')
const { EXERCISE_JSON_SCHEMA_PATH, exerciseJsonSchemaText } = await import('#app/exercises/json-schema.ts')

await writeFile(EXERCISE_JSON_SCHEMA_PATH, exerciseJsonSchemaText())
console.log(`Wrote ${EXERCISE_JSON_SCHEMA_PATH}`)
