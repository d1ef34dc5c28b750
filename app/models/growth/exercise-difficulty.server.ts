// An exercise's one difficulty, as every page shows it (rating-display.ts): its authored figure
// until enough first attempts have calibrated its rating. Exercise ratings are platform-wide,
// like exercises, so nothing here is per organisation.
import { exerciseDifficulty, type DifficultyDisplay } from '#app/growth/rating-display.ts'
import { getPrisma } from '#app/utils/db.server.ts'

/** One query. */
export async function getExerciseDifficulty(exerciseId: string, authored: number): Promise<DifficultyDisplay> {
	const rating = await getPrisma().exerciseRating.findUnique({ where: { exerciseId }, select: { rating: true, games: true } })
	return exerciseDifficulty(authored, rating)
}
