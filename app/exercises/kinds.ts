// Exercise kinds and languages, without zod, so pages can list them in the browser. Pure.
export const EXERCISE_KINDS = ['debugging', 'architecture'] as const
export const EXERCISE_LANGUAGES = ['typescript', 'javascript'] as const
