/**
 * @typedef {{ id: string, name: string, service: string, severity: 'critical' | 'warning' | 'info',
 *             summary: string, fingerprint: string, firedAt: string }} Alert
 * @typedef {import('./maintenance').MaintenanceWindow} MaintenanceWindow
 * @typedef {import('./silences').Silence} Silence
 *
 * Where an alert goes:
 *   page   - the on-call engineer's phone rings, day or night
 *   ticket - a ticket in the service's queue, looked at in working hours
 *   log    - the alert history only
 * @typedef {'page' | 'ticket' | 'log'} Route
 */

export const SEVERITIES = ['critical', 'warning', 'info']

/** @param {MaintenanceWindow | null} maintenance @param {Silence | null} silence */
function quietReason(maintenance, silence) {
  const reasons = []
  if (maintenance) reasons.push(`during maintenance ${maintenance.id} (${maintenance.owner}: ${maintenance.reason})`)
  if (silence) reasons.push(`silenced by ${silence.createdBy} until ${silence.until}`)
  return reasons.join('; ')
}

/**
 * Decides the route of one alert from its severity and what covers it right now.
 * @param {Alert} alert
 * @param {{ maintenance: MaintenanceWindow | null, silence: Silence | null }} cover
 * @returns {{ route: Route, reason: string }}
 */
export function routeAlert(alert, { maintenance, silence }) {
  if (alert.severity === 'info') return { route: 'log', reason: 'informational' }
  if (alert.severity === 'warning') return { route: 'ticket', reason: 'warning' }
  const quiet = maintenance !== null || silence !== null
  if (quiet) return { route: 'ticket', reason: quietReason(maintenance, silence) }
  return { route: 'page', reason: 'critical' }
}
