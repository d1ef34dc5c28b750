import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAlerting } from '../../src/setup'

let seq = 0
function alert(service, name, severity, firedAt, summary = `${name} on ${service}`) {
  seq += 1
  return { id: `al_${seq}`, name, service, severity, summary, fingerprint: `${service}/${name}`, firedAt }
}

function world() {
  const alerting = createAlerting({ engineers: ['mira', 'tomas', 'jun'], rotationStart: '2026-01-05T09:00:00.000Z' })
  alerting.maintenance.add({
    id: 'CHG-4471',
    services: ['orders-db', 'orders-api'],
    start: '2026-01-10T01:00:00.000Z',
    end: '2026-01-10T03:00:00.000Z',
    owner: 'dba-team',
    reason: 'PostgreSQL 16 upgrade',
  })
  return alerting
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-10T00:30:00.000Z'))
})

describe('alert delivery on Saturday night', () => {
  it('pages nobody about the services in the database upgrade window', () => {
    const { dispatcher, pager, tickets } = world()
    dispatcher.receive(alert('orders-db', 'ReplicationLagHigh', 'critical', '2026-01-10T01:04:00.000Z'))
    dispatcher.receive(alert('orders-api', 'ErrorRateHigh', 'critical', '2026-01-10T01:06:30.000Z'))
    dispatcher.receive(alert('orders-db', 'PrimaryDown', 'critical', '2026-01-10T01:40:00.000Z'))

    expect(pager.sent()).toEqual([])
    expect(tickets.all().map((ticket) => ticket.service)).toEqual(['orders-db', 'orders-api', 'orders-db'])
  })

  it('pages the engineer on call for a service outside the window', () => {
    const { dispatcher, pager } = world()
    dispatcher.receive(alert('payments-api', 'LatencyHigh', 'critical', '2026-01-10T01:30:00.000Z', 'p99 latency above 2 s'))

    expect(pager.sent().map(({ engineer, message }) => ({ engineer, message }))).toEqual([{ engineer: 'mira', message: '[payments-api] p99 latency above 2 s' }])
  })

  it('pages again once the window is over and the alert still fires', () => {
    const { dispatcher, pager } = world()
    dispatcher.receive(alert('orders-db', 'ReplicationLagHigh', 'critical', '2026-01-10T03:05:00.000Z'))

    expect(pager.sent().map((page) => page.engineer)).toEqual(['mira'])
  })

  it('turns warnings into tickets and keeps informational alerts in the history', () => {
    const { dispatcher, pager, tickets } = world()
    dispatcher.receive(alert('search-api', 'DiskFilling', 'warning', '2026-01-10T04:00:00.000Z'))
    dispatcher.receive(alert('search-api', 'DeployFinished', 'info', '2026-01-10T04:01:00.000Z'))

    expect(pager.sent()).toEqual([])
    expect(tickets.all().map((ticket) => ticket.title)).toEqual(['[warning] DiskFilling: DiskFilling on search-api'])
    expect(dispatcher.report()).toEqual({ page: 0, ticket: 1, log: 1, repeat: 0 })
  })

  it('does not page twice for an alert that keeps firing', () => {
    const { dispatcher, pager } = world()
    for (const minute of ['10', '15', '20', '50']) {
      dispatcher.receive(alert('checkout-web', 'ErrorRateHigh', 'critical', `2026-01-10T05:${minute}:00.000Z`))
    }

    expect(pager.sent()).toHaveLength(2)
    expect(dispatcher.report()).toEqual({ page: 2, ticket: 0, log: 0, repeat: 2 })
  })

  it('hands over the pager on Monday at 09:00', () => {
    const { dispatcher, pager } = world()
    dispatcher.receive(alert('payments-api', 'LatencyHigh', 'critical', '2026-01-12T08:59:00.000Z'))
    dispatcher.receive(alert('payments-worker', 'QueueStuck', 'critical', '2026-01-12T09:00:00.000Z'))

    expect(pager.sent().map((page) => page.engineer)).toEqual(['mira', 'tomas'])
  })
})
