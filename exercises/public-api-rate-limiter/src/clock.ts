// A gateway node's own clock. Each node has one; chrony keeps them in step, more or less.

export type Clock = { now(): number }

export const systemClock: Clock = { now: () => Date.now() }
