// The `vi` object (also `vitest` and `jest`): spies, the timer API on the virtual clock,
// stubbed globals and the default timeout. Date.now and Math.random stay spyable through the
// clock's slots; every other built-in is read-only and vi.spyOn says so.
import * as spy from '@vitest/spy'
import {
	MAX_TIMER_FIRES,
	OriginalDate,
	VirtualDate,
	advancing,
	clearAllTimers,
	clock,
	earliestTimer,
	fire,
	isScheduled,
	schedule,
	scheduledTimers,
	stubSlots,
	timerCount,
} from './clock.ts'
import type { Fn } from './collection.ts'
import { config } from './config.ts'
import { isLocked, lockedNames } from './prepared-lockdown.ts'

const g = globalThis as any

function advanceSync(ms: number) {
	const target = clock.now + Math.max(0, Number(ms) || 0)
	let fired = 0
	for (let t = earliestTimer(); t && t.time <= target; t = earliestTimer()) {
		if (++fired > MAX_TIMER_FIRES) throw new Error(`Aborting after running ${MAX_TIMER_FIRES} timers, assuming an infinite loop!`)
		fire(t)
	}
	clock.now = Math.max(clock.now, target)
}
function runAllSync() {
	let fired = 0
	for (let t = earliestTimer(); t; t = earliestTimer()) {
		if (++fired > MAX_TIMER_FIRES) throw new Error(`Aborting after running ${MAX_TIMER_FIRES} timers, assuming an infinite loop!`)
		fire(t)
	}
}

const timerApi = {
	useFakeTimers(options?: { now?: number | Date }) {
		if (options?.now !== undefined) clock.now = new OriginalDate(options.now as number).getTime()
		return vi
	},
	useRealTimers() {
		return vi
	},
	isFakeTimers: () => true,
	advanceTimersByTime(ms: number) {
		advanceSync(ms)
		return vi
	},
	// The host fires each due timer in its own turn, so promise callbacks run in between,
	// as they would in a real event loop.
	advanceTimersByTimeAsync(ms: number) {
		return new Promise<typeof vi>((resolve) => {
			const waiter = { target: clock.now + Math.max(0, Number(ms) || 0), resolve: () => resolve(vi) }
			const mode = advancing.mode
			if (mode.kind !== 'advanceTo') advancing.mode = { kind: 'advanceTo', waiters: [waiter] }
			else mode.waiters.splice(mode.waiters.findLastIndex((other) => other.target <= waiter.target) + 1, 0, waiter)
		})
	},
	advanceTimersToNextTimer() {
		const t = earliestTimer()
		if (t) fire(t)
		return vi
	},
	async advanceTimersToNextTimerAsync() {
		const t = earliestTimer()
		if (t) fire(t)
		await Promise.resolve()
		return vi
	},
	runAllTimers() {
		runAllSync()
		return vi
	},
	runAllTimersAsync() {
		return new Promise<typeof vi>((resolve, reject) => {
			advancing.mode = { kind: 'runAll', count: 0, resolve: () => resolve(vi), reject }
		})
	},
	runOnlyPendingTimers() {
		for (const t of scheduledTimers()) if (isScheduled(t)) fire(t)
		return vi
	},
	async runOnlyPendingTimersAsync() {
		for (const t of scheduledTimers()) {
			if (isScheduled(t)) fire(t)
			await Promise.resolve()
		}
		return vi
	},
	runAllTicks() {
		return vi
	},
	clearAllTimers() {
		clearAllTimers()
		return vi
	},
	getTimerCount: () => timerCount(),
	setSystemTime(time: number | string | Date) {
		clock.now = new OriginalDate(time as any).getTime()
		return vi
	},
	getMockedSystemTime: () => new VirtualDate(clock.now),
	getRealSystemTime: () => clock.now,
}

export const vi: any = {
	fn: spy.fn,
	spyOn(target: any, method: string, accessType?: 'get' | 'set') {
		// Date.now and Math.random read through slots, which stay replaceable.
		if (target === VirtualDate && method === 'now') return spy.spyOn(stubSlots, 'now')
		if (target === Math && method === 'random') return spy.spyOn(stubSlots, 'random')
		const frozenName =
			target && (typeof target === 'object' || typeof target === 'function') && isLocked(target)
				? (lockedNames().get(target) ?? 'a built-in object')
				: undefined
		if (frozenName)
			throw new TypeError(`vi.spyOn cannot replace ${frozenName}.${String(method)}: built-ins are read-only in the sandbox. Pass a fake in instead.`)
		return (spy.spyOn as any)(target, method, accessType)
	},
	isMockFunction: spy.isMockFunction,
	clearAllMocks: () => (spy.clearAllMocks(), vi),
	resetAllMocks: () => (spy.resetAllMocks(), vi),
	restoreAllMocks: () => (spy.restoreAllMocks(), vi),
	mocked: <T>(value: T) => value,
	...timerApi,
	stubGlobal(name: string, value: unknown) {
		g[name] = value
		return vi
	},
	unstubAllGlobals: () => vi,
	setConfig(options: { testTimeout?: number }) {
		if (typeof options?.testTimeout === 'number') config.testTimeoutMs = options.testTimeout
		return vi
	},
	// jest.setTimeout: the default timeout of the tests defined after it.
	setTimeout(ms: number) {
		if (typeof ms === 'number') config.testTimeoutMs = ms
		return vi
	},
	mock() {
		throw new Error('vi.mock is not available in the sandbox: exercises pass fakes in as arguments instead of replacing modules.')
	},
	doMock() {
		throw new Error('vi.doMock is not available in the sandbox: exercises pass fakes in as arguments instead of replacing modules.')
	},
	async waitFor(callback: Fn, options: number | { timeout?: number; interval?: number } = {}) {
		const { timeout = 1000, interval = 50 } = typeof options === 'number' ? { timeout: options } : options
		const deadline = clock.now + timeout
		for (;;) {
			try {
				return await callback()
			} catch (error) {
				if (clock.now >= deadline) throw error
				await new Promise((resolve) => schedule(resolve, interval, [], false))
			}
		}
	},
}
