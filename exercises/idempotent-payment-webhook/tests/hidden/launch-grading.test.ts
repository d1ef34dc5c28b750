// Stage 1, graded: the same launch, on days the visible scenarios do not show.
import { scenario } from 'hardmode:sim'
import { PaymentService } from '../../src/webhooks/paymentService'
import { SETTLE_MS, createWorld, expectCapturedAndReleased, paybridgeDelivers, paymentAuthorized } from '../visible/paybridge'

// Stated in README.md: "Under load we may deliver an event more than once, including in parallel."
// Stated in README.md: "customers charged twice, boxes shipped twice | none"
// Stated in README.md: "authorized payments never captured or never shipped | none"
// Stated in stage 1 brief: "at least 98 % on an ordinary day, 80 % during an outage"
// Stated in stage 1 brief: "under Paybridge's 10 s timeout always"
scenario(
  'a newsletter goes out: 400 checkouts in 20 seconds, many delivered twice at once',
  {
    stage: 1,
    seed: 41,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      successRate: { atLeast: 85 },
      p99LatencyMs: { atMost: 10_000 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      latency: { p50: 180, p99: 1_400 },
      slowdowns: [{ from: 30_000, to: 90_000, latency: { p50: 1_200, p99: 6_000 } }],
    })
    const service = new PaymentService({ ...world, clock: sim.clock(), node: 'eu-west-1a' })
    sim.burst({ count: 400, at: 30_000, withinMs: 20_000 }, ({ index }) => {
      const event = paymentAuthorized(index)
      expectCapturedAndReleased(sim, event)
      return paybridgeDelivers(sim, event, () => (delivery) => service.handleWebhook(delivery), { duplicateRate: 0.15, duplicateWithinMs: 800 })
    })
  },
)

// Stated in README.md: "A delivery that is not answered with a 2xx status within 10 seconds is considered failed and retried"
// Stated in README.md: "customers charged twice, boxes shipped twice | none"
// Stated in README.md: "authorized payments never captured or never shipped | none"
// Stated in stage 1 brief: "80 % during an outage"
scenario(
  'captures take longer than Paybridge waits for an answer',
  {
    stage: 1,
    seed: 59,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      successRate: { atLeast: 70 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      latency: { p50: 180, p99: 1_400 },
      // Longer than Paybridge's 10 s timeout: its retry arrives while the first capture is still running.
      slowdowns: [{ from: 30_000, to: 150_000, latency: { p50: 4_000, p99: 16_000 } }],
    })
    const service = new PaymentService({ ...world, clock: sim.clock(), node: 'eu-west-1a' })
    sim.traffic({ perSecond: 2, forMs: 3 * 60_000 }, ({ index }) => {
      const event = paymentAuthorized(index)
      expectCapturedAndReleased(sim, event)
      return paybridgeDelivers(sim, event, () => (delivery) => service.handleWebhook(delivery), { duplicateRate: 0 })
    })
  },
)
