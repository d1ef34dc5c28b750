import type { ChargeOutcome } from '../billing/billing'

export type ProcessedEvent = { eventId: string; outcome: ChargeOutcome; processedAt: string }

// Remembers which storefront events have been handled. Backed by the
// `processed_webhook_events` table in production; in memory here.
export interface ProcessedEventStore {
  find(eventId: string): Promise<ProcessedEvent | undefined>
  save(record: ProcessedEvent): Promise<void>
}

export class InMemoryProcessedEventStore implements ProcessedEventStore {
  private readonly rows = new Map<string, ProcessedEvent>()

  async find(eventId: string): Promise<ProcessedEvent | undefined> {
    const row = this.rows.get(eventId)
    return row ? { ...row } : undefined
  }

  async save(record: ProcessedEvent): Promise<void> {
    this.rows.set(record.eventId, { ...record })
  }
}
