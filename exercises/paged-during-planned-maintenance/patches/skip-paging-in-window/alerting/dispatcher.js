import { routeAlert, SEVERITIES } from './routing'

/**
 * Receives alerts from the monitoring system and delivers each one along its route.
 * The monitoring system re-sends an alert every few minutes while it keeps firing; the
 * same fingerprint is delivered again along the same route only after `repeatAfterMs`.
 */
export class AlertDispatcher {
  #recent = new Map()
  #history = []

  /**
   * @param {{ maintenance: import('./maintenance').MaintenanceCalendar, silences: import('./silences').SilenceList,
   *           schedule: import('../oncall/schedule').OnCallSchedule, pager: ReturnType<typeof import('../oncall/channels').createPager>,
   *           tickets: ReturnType<typeof import('../oncall/channels').createTicketQueue>, logger: ReturnType<typeof import('../logger').createLogger>,
   *           repeatAfterMs?: number }} deps
   */
  constructor(deps) {
    this.deps = deps
    this.repeatAfterMs = deps.repeatAfterMs ?? 30 * 60 * 1000
  }

  /** @param {import('./routing').Alert} alert */
  receive(alert) {
    if (!SEVERITIES.includes(alert.severity)) throw new Error(`alert ${alert.id}: unknown severity ${alert.severity}`)
    if (!alert.service || !alert.fingerprint) throw new Error(`alert ${alert.id}: service and fingerprint are required`)
    const at = new Date(alert.firedAt)
    if (Number.isNaN(at.getTime())) throw new Error(`alert ${alert.id}: invalid firedAt ${alert.firedAt}`)

    const { maintenance, silences, schedule, pager, tickets, logger } = this.deps
    const decision = routeAlert(alert, { maintenance: maintenance.covering(alert.service, at), silence: silences.matching(alert, at) })
    const key = `${alert.fingerprint}|${decision.route}`
    const last = this.#recent.get(key)
    if (last !== undefined && at.getTime() - last < this.repeatAfterMs) {
      logger.info(`${alert.id} ${alert.service}/${alert.name}: repeat of a delivered alert, skipped`)
      this.#history.push({ alertId: alert.id, route: 'repeat' })
      return { route: 'repeat', reason: 'delivered recently' }
    }
    this.#recent.set(key, at.getTime())

    if (decision.route === 'page' && maintenance.covering(alert.service, at)) {
      const ticket = tickets.open(alert.service, `[${alert.severity}] ${alert.name}: ${alert.summary}`, 'maintenance window')
      logger.info(`${alert.id} ${alert.service}/${alert.name}: ticket ${ticket.id} (maintenance window)`)
    } else if (decision.route === 'page') {
      const engineer = schedule.onCallAt(at)
      pager.page(engineer, `[${alert.service}] ${alert.summary}`)
      logger.warn(`${alert.id} ${alert.service}/${alert.name}: paged ${engineer}`)
    } else if (decision.route === 'ticket') {
      const ticket = tickets.open(alert.service, `[${alert.severity}] ${alert.name}: ${alert.summary}`, decision.reason)
      logger.info(`${alert.id} ${alert.service}/${alert.name}: ticket ${ticket.id} (${decision.reason})`)
    }
    this.#history.push({ alertId: alert.id, route: decision.route })
    return decision
  }

  /** How many alerts went each way, for the weekly on-call report. */
  report() {
    const counts = { page: 0, ticket: 0, log: 0, repeat: 0 }
    for (const entry of this.#history) counts[entry.route] += 1
    return counts
  }
}
