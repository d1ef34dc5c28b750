/**
 * Planned maintenance windows, entered by change owners in the change calendar.
 * A window covers the services it lists; a trailing "*" matches a prefix
 * ("payments-*" covers payments-api and payments-worker). Windows include their
 * start but not their end: [start, end).
 *
 * @typedef {{ id: string, services: string[], start: string, end: string, owner: string, reason: string }} MaintenanceWindow
 */
export class MaintenanceCalendar {
  /** @type {MaintenanceWindow[]} */
  #windows = []

  /** @param {MaintenanceWindow} window */
  add(window) {
    if (!(Date.parse(window.start) < Date.parse(window.end))) throw new Error(`window ${window.id}: end must be after start`)
    if (window.services.length === 0) throw new Error(`window ${window.id}: list at least one service`)
    this.#windows.push({ ...window, services: [...window.services] })
  }

  /**
   * The window covering `service` at `at`, or null.
   * @param {string} service
   * @param {Date} at
   */
  covering(service, at) {
    const time = at.getTime()
    return (
      this.#windows.find(
        (window) =>
          Date.parse(window.start) <= time &&
          time < Date.parse(window.end) &&
          window.services.some((pattern) => (pattern.endsWith('*') ? service.startsWith(pattern.slice(0, -1)) : service === pattern)),
      ) ?? null
    )
  }
}
