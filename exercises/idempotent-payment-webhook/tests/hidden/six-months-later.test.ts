// Stage 2, six months later: a second region, Paybridge's replay after its incident, a
// clock that runs ahead, and cancellations that arrive before their authorization.
import { scenario } from 'hardmode:sim'
import type { Simulation } from 'hardmode:sim'
import type { PaymentCanceled } from '../../src/webhooks/events'
import { PaymentService } from '../../src/webhooks/paymentService'
import { type World, SETTLE_MS, createWorld, expectCapturedAndReleased, paybridgeDelivers, paymentAuthorized } from '../visible/paybridge'

// Both regions share the database, Paybridge and the roastery, but nothing in memory; Paybridge
// sends every attempt to whichever region answers its health check first.
function twoRegions(sim: Simulation, world: World) {
  const regions = [
    new PaymentService({ ...world, clock: sim.clock(), node: 'eu-west-1a' }),
    new PaymentService({ ...world, clock: sim.clock({ skewMs: 45_000 }), node: 'us-east-1b' }),
  ]
  return () => {
    const region = sim.pick(regions)
    return (delivery: Parameters<PaymentService['handleWebhook']>[0]) => region.handleWebhook(delivery)
  }
}

// Stated in stage 2 brief: "two deliveries of one event, or a delivery and its retry, often land on different servers"
// Stated in stage 2 brief: "Re-emitted events carry new event ids; the payment and its data are unchanged."
// Stated in stage 2 brief: "its clock ran 45 seconds ahead of eu-west-1a's"
// Stated in stage 2 brief: "The thresholds stand: no duplicate charge or shipment, no payment left behind"
// Stated in stage 1 brief: "80 % during an outage"
// Stated in stage 1 brief: "under Paybridge's 10 s timeout always"
scenario(
  'two regions, a replay of every event under new ids, and a clock 45 s ahead',
  {
    stage: 2,
    seed: 71,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      successRate: { atLeast: 80 },
      p99LatencyMs: { atMost: 10_000 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      latency: { p50: 180, p99: 1_400 },
      slowdowns: [{ from: 90_000, to: 150_000, latency: { p50: 1_500, p99: 9_000 } }],
      failures: [{ from: 90_000, to: 150_000, rate: 0.15, lostReply: 0.5 }],
    })
    const handlerFor = twoRegions(sim, world)
    sim.traffic({ perSecond: 4, forMs: 4 * 60_000 }, ({ index }) => {
      const event = paymentAuthorized(index)
      expectCapturedAndReleased(sim, event)
      // Paybridge's replay re-sends events under new ids: same payment, different event.
      if (sim.chance(0.3)) {
        const replayAt = sim.now() + sim.between(5_000, 90_000)
        sim.at(replayAt, () => paybridgeDelivers(sim, paymentAuthorized(index), handlerFor, { duplicateRate: 0 }))
      }
      return paybridgeDelivers(sim, event, handlerFor, { duplicateRate: 0.1, duplicateWithinMs: 2_000 })
    })
  },
)

// Stated in stage 2 brief: "we must neither capture the payment nor ship the order"
// Stated in stage 2 brief: "cancellations arrived up to 90 seconds before the authorization they cancel"
// Stated in stage 2 brief: "The thresholds stand: no duplicate charge or shipment, no payment left behind, no canceled payment charged or shipped"
// Stated in stage 1 brief: "at least 98 % on an ordinary day"
scenario(
  'cancellations that arrive before their authorization',
  {
    stage: 2,
    seed: 83,
    settleMs: SETTLE_MS,
    thresholds: {
      canceledPaymentsCharged: { atMost: 0 },
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      successRate: { atLeast: 90 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { latency: { p50: 180, p99: 1_400 } })
    const handlerFor = twoRegions(sim, world)
    const canceled: PaymentCanceled['data'][] = []
    sim.metric('canceledPaymentsCharged', {
      label: 'Canceled payments charged or shipped',
      unit: 'payments',
      value: () => canceled.filter((payment) => sim.effectCount('charge', payment.paymentId) + sim.effectCount('release', payment.orderId) > 0).length,
    })
    sim.traffic({ perSecond: 3, forMs: 4 * 60_000 }, ({ index }) => {
      const authorization = paymentAuthorized(index)
      if (!sim.chance(0.15)) {
        expectCapturedAndReleased(sim, authorization)
        return paybridgeDelivers(sim, authorization, handlerFor)
      }
      // The customer canceled within the grace window; the authorization is stuck in Paybridge's backlog.
      const cancellation: PaymentCanceled = {
        id: `${authorization.id}_c`,
        type: 'payment.canceled',
        created: authorization.created,
        data: { paymentId: authorization.data.paymentId, orderId: authorization.data.orderId, reason: 'customer_request' },
      }
      canceled.push(cancellation.data)
      sim.at(sim.now() + sim.between(20_000, 90_000), () => paybridgeDelivers(sim, authorization, handlerFor))
      return paybridgeDelivers(sim, cancellation, handlerFor)
    })
  },
)
