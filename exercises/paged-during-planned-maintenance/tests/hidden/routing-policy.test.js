import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAlerting } from '../../src/setup'

let seq = 0
function alert(service, name, severity, firedAt) {
  seq += 1
  return { id: `h_${seq}`, name, service, severity, summary: `${name} (${service})`, fingerprint: `${service}:${name}:${seq}`, firedAt }
}

function world() {
  const alerting = createAlerting({ engineers: ['ana', 'bo'], rotationStart: '2026-02-02T09:00:00.000Z' })
  alerting.maintenance.add({ id: 'CHG-900', services: ['billing-*'], start: '2026-02-07T22:00:00.000Z', end: '2026-02-08T00:00:00.000Z', owner: 'billing', reason: 'ledger migration' })
  return alerting
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-07T12:00:00.000Z'))
})

describe('routing critical alerts', () => {
  // Stated in README.md: "A critical alert that a maintenance window or a silence covers does not page anyone: it opens a ticket instead"
  it('opens a ticket instead of paging for a silenced alert outside any maintenance window', () => {
    const { dispatcher, pager, tickets, silences } = world()
    silences.add({ service: 'search-indexer', until: '2026-02-07T18:00:00.000Z', createdBy: 'bo' })
    dispatcher.receive(alert('search-indexer', 'Flapping', 'critical', '2026-02-07T14:10:00.000Z'))
    dispatcher.receive(alert('search-indexer', 'BacklogHigh', 'critical', '2026-02-07T15:20:00.000Z'))

    expect(pager.sent()).toEqual([])
    expect(tickets.all().map((ticket) => ticket.service)).toEqual(['search-indexer', 'search-indexer'])
  })

  // Stated in README.md: "A critical alert that a maintenance window or a silence covers does not page anyone: it opens a ticket instead"
  it('opens a ticket instead of paging inside a maintenance window with no silence', () => {
    const { dispatcher, pager, tickets } = world()
    dispatcher.receive(alert('billing-ledger', 'WriteErrors', 'critical', '2026-02-07T22:15:00.000Z'))

    expect(pager.sent()).toEqual([])
    expect(tickets.all().map((ticket) => ticket.service)).toEqual(['billing-ledger'])
  })

  // Stated in README.md: "A critical alert that a maintenance window or a silence covers does not page anyone: it opens a ticket instead"
  it('opens one ticket when both a window and a silence cover the alert', () => {
    const { dispatcher, pager, tickets, silences } = world()
    silences.add({ service: 'billing-api', until: '2026-02-08T02:00:00.000Z', createdBy: 'ana' })
    dispatcher.receive(alert('billing-api', 'ErrorRateHigh', 'critical', '2026-02-07T23:00:00.000Z'))

    expect(pager.sent()).toEqual([])
    expect(tickets.all()).toHaveLength(1)
  })

  // Stated in README.md: "A critical alert pages the engineer on call, day or night."
  it('pages when neither a window nor a silence covers the alert', () => {
    const { dispatcher, pager, silences } = world()
    silences.add({ service: 'search-indexer', alertName: 'Flapping', until: '2026-02-07T18:00:00.000Z', createdBy: 'bo' })
    dispatcher.receive(alert('search-indexer', 'DiskFull', 'critical', '2026-02-07T14:00:00.000Z'))
    dispatcher.receive(alert('checkout-web', 'Down', 'critical', '2026-02-07T23:30:00.000Z'))

    expect(pager.sent().map((page) => page.message)).toEqual(['[search-indexer] DiskFull (search-indexer)', '[checkout-web] Down (checkout-web)'])
  })

  // Stated in README.md: "A critical alert pages the engineer on call, day or night."
  it('pages again from the moment the window ends and after a silence expires', () => {
    const { dispatcher, pager, silences } = world()
    silences.add({ service: 'search-indexer', until: '2026-02-07T18:00:00.000Z', createdBy: 'bo' })
    dispatcher.receive(alert('billing-ledger', 'WriteErrors', 'critical', '2026-02-08T00:00:00.000Z'))
    dispatcher.receive(alert('search-indexer', 'Flapping', 'critical', '2026-02-07T18:00:00.000Z'))

    expect(pager.sent()).toHaveLength(2)
  })

  // Stated in README.md: "Warnings open a ticket; informational alerts are only kept in the history."
  it('keeps warnings and informational alerts off the pager whatever covers them', () => {
    const { dispatcher, pager, tickets, silences } = world()
    silences.add({ service: 'billing-api', until: '2026-02-08T02:00:00.000Z', createdBy: 'ana' })
    dispatcher.receive(alert('billing-api', 'SlowQueries', 'warning', '2026-02-07T21:00:00.000Z'))
    dispatcher.receive(alert('orders-api', 'SlowQueries', 'warning', '2026-02-07T21:00:00.000Z'))
    dispatcher.receive(alert('orders-api', 'Deployed', 'info', '2026-02-07T21:00:00.000Z'))

    expect(pager.sent()).toEqual([])
    expect(dispatcher.report()).toEqual({ page: 0, ticket: 2, log: 1, repeat: 0 })
  })
})
