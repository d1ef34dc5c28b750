// What a learner can say is wrong with an exercise. Pure and client-safe.
export const FLAG_REASONS = ['broken', 'ambiguous', 'too_easy'] as const
export type FlagReason = (typeof FLAG_REASONS)[number]
export const FLAG_REASON_LABELS: Record<FlagReason, string> = { broken: 'Broken', ambiguous: 'Ambiguous', too_easy: 'Too easy' }
