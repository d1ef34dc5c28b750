// Ready-made sets of exercises a lead can assign in one go, e.g. "Async bugs, level 2":
// the exercises of one kind that share a topic and a difficulty band. Pure and client-safe.
import { topicLabel, type TopicId } from '#app/exercises/topics.ts'
import { DIFFICULTY_BANDS, difficultyBand, type ExerciseKind } from '#app/practice/catalogue-labels.ts'

export type SetCandidate = { slug: string; title: string; kind: ExerciseKind; topics: readonly TopicId[]; difficulty: number }

export type ExerciseSet = { id: string; label: string; slugs: string[] }

const KIND_NOUNS: Record<ExerciseKind, string> = { debugging: 'bugs', architecture: 'designs' }

/** Every set with at least two exercises, ordered by kind, topic and level. */
export function exerciseSets(exercises: SetCandidate[]): ExerciseSet[] {
	const sets = new Map<string, ExerciseSet & { order: [string, string, number] }>()
	for (const exercise of exercises) {
		const band = difficultyBand(exercise.difficulty)
		const level = DIFFICULTY_BANDS.indexOf(band) + 1
		for (const topic of exercise.topics) {
			const id = `${exercise.kind}:${topic}:${level}`
			const set = sets.get(id) ?? {
				id,
				label: `${topicLabel(topic)} ${KIND_NOUNS[exercise.kind]}, level ${level} (${band.label})`,
				slugs: [],
				order: [exercise.kind, topicLabel(topic), level],
			}
			set.slugs.push(exercise.slug)
			sets.set(id, set)
		}
	}
	return [...sets.values()]
		.filter((set) => set.slugs.length >= 2)
		.sort((a, b) => a.order[0].localeCompare(b.order[0]) || a.order[1].localeCompare(b.order[1]) || a.order[2] - b.order[2])
		.map(({ order: _order, ...set }) => set)
}
