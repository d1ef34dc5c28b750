const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Weekly on-call rotation. The shift changes every Monday at 09:00 UTC; the first
 * engineer of the list is on call in the week that starts at `rotationStart`.
 */
export class OnCallSchedule {
  /** @param {{ engineers: string[], rotationStart: string }} options */
  constructor({ engineers, rotationStart }) {
    if (engineers.length === 0) throw new Error('the rotation needs at least one engineer')
    const start = new Date(rotationStart)
    if (start.getUTCDay() !== 1 || start.getUTCHours() !== 9 || start.getUTCMinutes() !== 0) {
      throw new Error(`rotation must start on a Monday at 09:00 UTC, got ${rotationStart}`)
    }
    this.engineers = [...engineers]
    this.start = start.getTime()
  }

  /** @param {Date} at */
  onCallAt(at) {
    const weeks = Math.floor((at.getTime() - this.start) / WEEK_MS)
    const index = ((weeks % this.engineers.length) + this.engineers.length) % this.engineers.length
    return this.engineers[index]
  }
}
