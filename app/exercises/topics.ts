// The fixed list of exercise topics (an exercise has one to three). Pure and client-safe:
// the catalogue filters by these. Adding a topic is cheap; renaming one means migrating
// every exercise.json that uses it.
export const TOPICS = [
	{ id: 'async', label: 'Async' },
	{ id: 'caching', label: 'Caching' },
	{ id: 'concurrency', label: 'Concurrency' },
	{ id: 'data-integrity', label: 'Data integrity' },
	{ id: 'errors', label: 'Errors' },
	{ id: 'numbers', label: 'Numbers' },
	{ id: 'performance', label: 'Performance' },
	{ id: 'reliability', label: 'Reliability' },
	{ id: 'resources', label: 'Resources' },
	{ id: 'state', label: 'State' },
	{ id: 'text', label: 'Text' },
	{ id: 'time', label: 'Time' },
	{ id: 'validation', label: 'Validation' },
	{ id: 'api-design', label: 'API design' },
] as const

type Topic = (typeof TOPICS)[number]
export type TopicId = Topic['id']

export const TOPIC_IDS = TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]]

export function topicLabel(id: TopicId): string {
	return TOPICS.find((topic) => topic.id === id)?.label ?? id
}
