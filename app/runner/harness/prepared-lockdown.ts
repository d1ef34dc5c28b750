// The realm's lockdown, prepared by harness.ts once everything it lists exists (see
// lockdown.ts). The test API and the error descriptions ask it which objects learner code
// cannot change and what they are called.
import type { prepareLockdown } from './lockdown.ts'

type Lockdown = ReturnType<typeof prepareLockdown>
let prepared: Lockdown | null = null

export function setLockdown(lockdown: Lockdown) {
	prepared = lockdown
}

export function isLocked(object: object) {
	return prepared?.isLocked(object) ?? false
}

export function lockedNames(): Map<object, string> {
	return prepared?.names() ?? new Map()
}
