// A movable clock for end-to-end tests of what happens over days and weeks (a retention check
// falling due). With TEST_CLOCK=true the server's Date runs ahead of the real one by an offset
// that `POST /__test/clock {"advanceDays": n}` grows; everything reading the time (new Date(),
// Date.now()) moves together, so the database, sessions and schedules stay consistent. The
// route exists only when the variable is set, answers only loopback callers, and the clock
// never goes back. Never set TEST_CLOCK on a real deployment.
import express, { type Express, type Request, type Response } from 'express'

const RealDate = Date
let offsetMs = 0

/** Replaces the global Date with one that runs `offsetMs` ahead. Idempotent. */
export function installTestClock() {
	if ((globalThis.Date as unknown) !== RealDate) return
	class ShiftedDate extends RealDate {
		constructor(...args: ConstructorParameters<DateConstructor> | []) {
			if (args.length === 0) super(RealDate.now() + offsetMs)
			else super(...(args as ConstructorParameters<DateConstructor>))
		}
		static override now() {
			return RealDate.now() + offsetMs
		}
		// Dates made before the switch (or by code holding the original) are still Dates.
		static [Symbol.hasInstance](value: unknown) {
			return value instanceof RealDate
		}
	}
	globalThis.Date = ShiftedDate as unknown as DateConstructor
}

const MAX_ADVANCE_DAYS = 3650

function isLoopback(request: Request) {
	const address = request.socket.remoteAddress ?? ''
	return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}

/** The test route, mounted before the app: moves the clock forward and says where it stands. */
export function withTestClock(app: Express): Express {
	installTestClock()
	const outer = express()
	outer.post('/__test/clock', express.json({ limit: '1kb' }), (request: Request, response: Response) => {
		if (!isLoopback(request)) {
			response.status(403).json({ error: 'The test clock answers only this machine.' })
			return
		}
		const days = Number((request.body as { advanceDays?: unknown } | undefined)?.advanceDays)
		if (!Number.isFinite(days) || days < 0 || days > MAX_ADVANCE_DAYS) {
			response.status(400).json({ error: `advanceDays must be a number from 0 to ${MAX_ADVANCE_DAYS}; the clock only moves forward.` })
			return
		}
		offsetMs += Math.round(days * 86_400_000)
		response.json({ now: new Date().toISOString(), offsetDays: offsetMs / 86_400_000 })
	})
	outer.use(app)
	return outer
}
