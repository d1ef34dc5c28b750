// The learner's hint fading for an exercise (app/attempts/hint-fading.ts), from their ratings
// in its topics: the server's reveal check and the workspace's Hints tab read the same one.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { hintFading, type HintFading } from '#app/attempts/hint-fading.ts'
import { isProvisional } from '#app/growth/rating-display.ts'
import { topicName } from '#app/growth/topic-names.ts'
import { getPrisma } from '#app/utils/db.server.ts'

export async function learnerHintFading(
	owner: { id: string; organizationId: string },
	topics: readonly string[],
	db: Pick<Prisma.TransactionClient, 'skillRating'> = getPrisma(),
): Promise<HintFading> {
	const ratings = await db.skillRating.findMany({
		where: { userId: owner.id, organizationId: owner.organizationId, topic: { in: [...topics] } },
		select: { topic: true, rating: true, rd: true },
	})
	return hintFading(
		ratings.map((rating) => ({ topic: rating.topic, rating: rating.rating, provisional: isProvisional(rating.rd) })),
		topicName,
	)
}
