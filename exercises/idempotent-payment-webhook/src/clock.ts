// The server's own clock. Each server has one; they are kept in step by NTP, more or less.

export type Clock = { now(): number }

export const systemClock: Clock = { now: () => Date.now() }
