// Stage 1, the launch: Paybridge's ordinary behaviour, and one bad stretch of its payments API.
import { scenario } from 'hardmode:sim'
import { PaymentService } from '../../src/webhooks/paymentService'
import { SETTLE_MS, createWorld, expectCapturedAndReleased, paybridgeDelivers, paymentAuthorized } from './paybridge'

scenario(
  'an ordinary afternoon: Paybridge sends some events twice',
  {
    stage: 1,
    seed: 11,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      successRate: { atLeast: 98 },
      p99LatencyMs: { atMost: 2_500 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { latency: { p50: 180, p99: 1_400 } })
    const service = new PaymentService({ ...world, clock: sim.clock(), node: 'eu-west-1a' })
    sim.traffic({ perSecond: 4, forMs: 4 * 60_000 }, ({ index }) => {
      const event = paymentAuthorized(index)
      expectCapturedAndReleased(sim, event)
      return paybridgeDelivers(sim, event, () => (delivery) => service.handleWebhook(delivery))
    })
  },
)

scenario(
  'the payments API has a bad two minutes',
  {
    stage: 1,
    seed: 23,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      successRate: { atLeast: 80 },
      p99LatencyMs: { atMost: 10_000 },
      dependencyCalls: { atMost: 1_100 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      latency: { p50: 180, p99: 1_400 },
      slowdowns: [{ from: 60_000, to: 180_000, latency: { p50: 900, p99: 7_000 } }],
      // A quarter of the calls fail in that window; half of those failures charged the customer anyway.
      failures: [{ from: 60_000, to: 180_000, rate: 0.25, lostReply: 0.5 }],
    })
    const service = new PaymentService({ ...world, clock: sim.clock(), node: 'eu-west-1a' })
    sim.traffic({ perSecond: 3, forMs: 4 * 60_000 }, ({ index }) => {
      const event = paymentAuthorized(index)
      expectCapturedAndReleased(sim, event)
      return paybridgeDelivers(sim, event, () => (delivery) => service.handleWebhook(delivery))
    })
  },
)
