import type { ChargeOutcome } from '../billing/billing'

export type ProcessedEvent = { eventId: string; outcome: ChargeOutcome; processedAt: string }

// Remembers which storefront events have been handled. Backed by the
// `processed_webhook_events` table in production; in memory here.
export interface ProcessedEventStore {
  // Reserves the event for the caller in one atomic step (INSERT ... ON
  // CONFLICT DO NOTHING in production). Resolves false if another delivery
  // has already claimed or finished it.
  claim(eventId: string): Promise<boolean>
  // Gives up a claim when nothing was charged, so a later retry can run.
  release(eventId: string): Promise<void>
  find(eventId: string): Promise<ProcessedEvent | undefined>
  save(record: ProcessedEvent): Promise<void>
}

type Row = { state: 'in-progress' } | { state: 'done'; record: ProcessedEvent }

export class InMemoryProcessedEventStore implements ProcessedEventStore {
  private readonly rows = new Map<string, Row>()

  async claim(eventId: string): Promise<boolean> {
    if (this.rows.has(eventId)) return false
    this.rows.set(eventId, { state: 'in-progress' })
    return true
  }

  async release(eventId: string): Promise<void> {
    if (this.rows.get(eventId)?.state === 'in-progress') this.rows.delete(eventId)
  }

  async find(eventId: string): Promise<ProcessedEvent | undefined> {
    const row = this.rows.get(eventId)
    return row?.state === 'done' ? { ...row.record } : undefined
  }

  async save(record: ProcessedEvent): Promise<void> {
    this.rows.set(record.eventId, { state: 'done', record: { ...record } })
  }
}
