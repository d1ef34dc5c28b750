// The virtual clock: timers that fire in due order when the host advances time, a Date that
// reads virtual time, and the seeded Math.random. A test that sleeps takes no real time, and
// the same seed gives the same run.
import { config } from './config.ts'
import { reportUncaught } from './run-state.ts'
import { mulberry32 } from '../../utils/random.ts'

type TimerCallback = (...args: any[]) => any

export interface Timer {
	id: number
	time: number
	seq: number
	fn: TimerCallback
	args: unknown[]
	interval: number | null
}

export const clock = {
	/** Virtual time, ms since the epoch. */
	now: config.startTime,
	/**
	 * Set while a simulated world plays ('hardmode:sim'): it counts the world's timers and may
	 * veto one (the world ran out of events); the test's timeout waits meanwhile.
	 */
	gate: null as ((id: number) => boolean) | null,
}

/**
 * What the host's next steps serve: an awaited advanceTimersByTimeAsync or runAllTimersAsync,
 * the drain at the end of a test, or ('auto') whatever the current test awaits.
 */
export type PendingMode =
	| { kind: 'auto' }
	// Overlapping awaited advances (two advanceTimersByTimeAsync calls before either settled) each
	// settle when the clock reaches their own target, as under Vitest: waiters sorted by target.
	| { kind: 'advanceTo'; waiters: Array<{ target: number; resolve: () => void }> }
	| { kind: 'runAll'; count: number; resolve: () => void; reject: (e: Error) => void }
	| { kind: 'drain'; count: number; resolve: () => void }
export const advancing: { mode: PendingMode } = { mode: { kind: 'auto' } }
export const MAX_TIMER_FIRES = 10_000

let timerSeq = 0
let nextTimerId = 1
const timers = new Map<number, Timer>()
// Due order as a binary heap of (time, seq): simulations keep thousands of timers pending,
// and a linear scan per fired timer made them quadratic. Entries of cleared or rescheduled
// timers stay in the heap and are skipped when they reach the top.
type DueEntry = { time: number; seq: number; id: number }
let due: DueEntry[] = []
const before = (a: DueEntry, b: DueEntry) => a.time < b.time || (a.time === b.time && a.seq < b.seq)
function swapDue(i: number, j: number) {
	const entry = due[i]!
	due[i] = due[j]!
	due[j] = entry
}
function pushDue(entry: DueEntry) {
	due.push(entry)
	for (let i = due.length - 1; i > 0;) {
		const parent = (i - 1) >> 1
		if (!before(due[i]!, due[parent]!)) break
		swapDue(i, parent)
		i = parent
	}
}
function popDue() {
	const last = due.pop()!
	if (due.length === 0) return
	due[0] = last
	for (let i = 0; ;) {
		const left = 2 * i + 1
		const right = left + 1
		let smallest = i
		if (left < due.length && before(due[left]!, due[smallest]!)) smallest = left
		if (right < due.length && before(due[right]!, due[smallest]!)) smallest = right
		if (smallest === i) break
		swapDue(i, smallest)
		i = smallest
	}
}
function rebuildDue() {
	due = []
	for (const t of timers.values()) pushDue({ time: t.time, seq: t.seq, id: t.id })
}

export function schedule(fn: unknown, delay: unknown, args: unknown[], repeat: boolean) {
	if (typeof fn !== 'function') throw new TypeError('The callback must be a function. Received ' + typeof fn)
	let ms = Number(delay)
	if (!Number.isFinite(ms) || ms < 1) ms = repeat ? 1 : 0
	ms = Math.floor(ms)
	const timer: Timer = { id: nextTimerId++, time: clock.now + ms, seq: timerSeq++, fn: fn as TimerCallback, args, interval: repeat ? ms : null }
	timers.set(timer.id, timer)
	pushDue({ time: timer.time, seq: timer.seq, id: timer.id })
	return timer.id
}
export function earliestTimer(): Timer | undefined {
	while (due.length > 0) {
		const top = due[0]!
		const timer = timers.get(top.id)
		if (timer && timer.seq === top.seq) return timer
		popDue()
	}
	return undefined
}
export function fire(timer: Timer) {
	if (timer.time > clock.now) clock.now = timer.time
	if (timer.interval !== null) {
		timer.time = clock.now + timer.interval
		timer.seq = timerSeq++
		pushDue({ time: timer.time, seq: timer.seq, id: timer.id })
	} else {
		timers.delete(timer.id)
	}
	if (clock.gate && !clock.gate(timer.id)) return
	try {
		timer.fn(...timer.args)
	} catch (error) {
		reportUncaught(error)
	}
}
export function clearTimer(id: unknown) {
	if (typeof id !== 'number' || !timers.delete(id)) return
	if (due.length > 64 && due.length > 4 * timers.size) rebuildDue()
}
export function clearAllTimers() {
	timers.clear()
	due = []
}

export const timerCount = () => timers.size
export const isScheduled = (timer: Timer) => timers.has(timer.id)
/** The timers pending now, in due order. */
export const scheduledTimers = () => [...timers.values()].sort((a, b) => a.time - b.time || a.seq - b.seq)

/** The id the next timer will get: timers from it on were set after this moment. */
export const peekNextTimerId = () => nextTimerId
export function clearTimersFrom(firstId: number) {
	for (const id of [...timers.keys()]) if (id >= firstId) timers.delete(id)
	if (due.length > 64 && due.length > 4 * timers.size) rebuildDue()
}
export function countTimersFrom(firstId: number, except: ReadonlySet<number>) {
	let count = 0
	for (const id of timers.keys()) if (id >= firstId && !except.has(id)) count++
	return count
}

export const OriginalDate = Date
// Date() without new gives a string, as the real one does; new Date() reads the virtual clock.
export const VirtualDate = function Date(this: unknown, ...args: unknown[]) {
	if (!new.target) return new OriginalDate(clock.now).toString()
	return Reflect.construct(OriginalDate, args.length === 0 ? [clock.now] : args, new.target)
} as unknown as DateConstructor
Object.defineProperty(VirtualDate, 'prototype', { value: OriginalDate.prototype })
// Date.now and Math.random read through slots, so tests can still spy on them
// (vi.spyOn(Date, 'now')) after the built-ins are frozen.
export const stubSlots = { now: () => clock.now, random: () => seededRandom() }
VirtualDate.now = function now() {
	return stubSlots.now()
}
VirtualDate.parse = OriginalDate.parse
VirtualDate.UTC = OriginalDate.UTC
Object.defineProperty(VirtualDate, 'name', { value: 'Date' })

// The project's seeded generator: the same seed gives the same run.
let seededRandom = mulberry32(1)
export function seedRandom(seed: number) {
	seededRandom = mulberry32(seed | 0 || 1)
}
