// What the platform team's consumer library hands to a handler, and what it does with the
// outcome. The library and the broker belong to the platform team: keep these interfaces.
//
// Delivery, from the platform's runbook ("Consuming from Kafka at Lanebird"):
// - A topic is split into partitions; a message's key picks its partition (hash of the key
//   modulo the number of partitions), and within a partition messages keep their order.
// - The group's instances share the partitions. An instance gets one message of a partition at
//   a time, in order, and the next only once handle() has returned for this one. Partitions are
//   consumed in parallel.
// - handle() resolves: the message is acknowledged. Offsets are committed every 5 seconds.
// - handle() rejects: the same message is delivered again 1 s later (deliveryCount + 1), for as
//   long as it keeps failing. The partition waits meanwhile; the library never skips a message.
// - handle() has not returned after 30 s: the library gives up waiting and delivers the message
//   again, as if it had failed (the first call may still be running).
// - On a rebalance (a deploy, an instance joining or leaving) partitions move between instances
//   and resume from their last committed offset: up to a few seconds of messages are delivered
//   a second time, possibly to another instance.

export type BrokerMessage = {
  topic: string
  partition: number
  offset: number
  /** Assigned by the broker when the message is published; the same on every delivery of it. */
  messageId: string
  /** The parcel id. */
  key: string
  /** The scan, as JSON. */
  value: string
  /** When the broker received the message, ms since the epoch. */
  publishedAt: number
  /** 1 on the first delivery, 2 on the next, … (resets when the partition moves to another instance). */
  deliveryCount: number
}

export interface MessageHandler {
  handle(message: BrokerMessage): Promise<void>
}

/**
 * parcel-scans.dead-letter: a topic nobody consumes automatically. Ops read every message on it
 * each morning, fix what they can with the team that sent it and publish it again.
 */
export interface DeadLetterTopic {
  publish(message: BrokerMessage, reason: string): Promise<void>
}
