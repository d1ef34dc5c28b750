// Topics as the growth pages show them: by label, in the catalogue's order. Pure.
import { TOPICS } from '#app/exercises/topics.ts'

/** A topic id's label; ids no longer in the list (renamed topics) show as themselves. */
export function topicName(id: string): string {
	return TOPICS.find((topic) => topic.id === id)?.label ?? id
}

const topicOrder = new Map<string, number>(TOPICS.map((topic, index) => [topic.id, index]))

/** Sorts topic ids in the catalogue's order; unknown ids go last, alphabetically. */
export function byTopicOrder(a: string, b: string): number {
	return (topicOrder.get(a) ?? 999) - (topicOrder.get(b) ?? 999) || a.localeCompare(b)
}
