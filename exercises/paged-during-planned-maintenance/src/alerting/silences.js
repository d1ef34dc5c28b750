/**
 * Silences, set by the on-call engineer from the pager app ("I'm on it, stop paging me
 * about this"). A silence matches an alert by service and, optionally, alert name,
 * until it expires.
 *
 * @typedef {{ id: string, service: string, alertName?: string, until: string, createdBy: string }} Silence
 */
export class SilenceList {
  /** @type {Silence[]} */
  #silences = []
  #seq = 0

  /** @param {Omit<Silence, 'id'>} silence */
  add(silence) {
    if (Number.isNaN(Date.parse(silence.until))) throw new Error(`invalid expiry ${silence.until}`)
    const created = { ...silence, id: `sil_${++this.#seq}` }
    this.#silences.push(created)
    return created
  }

  /** @param {string} id */
  expire(id) {
    this.#silences = this.#silences.filter((silence) => silence.id !== id)
  }

  /**
   * The silence matching the alert at `at`, or null.
   * @param {{ service: string, name: string }} alert
   * @param {Date} at
   */
  matching(alert, at) {
    return (
      this.#silences.find(
        (silence) =>
          silence.service === alert.service &&
          (silence.alertName === undefined || silence.alertName === alert.name) &&
          at.getTime() < Date.parse(silence.until),
      ) ?? null
    )
  }
}
