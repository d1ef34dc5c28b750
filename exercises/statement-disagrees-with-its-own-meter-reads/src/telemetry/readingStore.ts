import { type Reading, readFrame } from './frames'

export type IngestReport = { stored: number; resent: number; rejected: string[] }

/**
 * Readings per meter, ordered by time. Meters resend frames they are not sure arrived,
 * so a frame for a (meter, ts) we already hold is dropped.
 */
export class ReadingStore {
  private readonly byMeter = new Map<string, Map<number, Reading>>()

  ingest(frames: string[]): IngestReport {
    const report: IngestReport = { stored: 0, resent: 0, rejected: [] }
    for (const json of frames) {
      const result = readFrame(json)
      if (!result.ok) {
        report.rejected.push(result.error)
        continue
      }
      const reading = result.reading
      let readings = this.byMeter.get(reading.meterId)
      if (!readings) this.byMeter.set(reading.meterId, (readings = new Map()))
      if (readings.has(reading.at)) {
        report.resent++
        continue
      }
      readings.set(reading.at, reading)
      report.stored++
    }
    return report
  }

  readings(meterId: string): Reading[] {
    return [...(this.byMeter.get(meterId)?.values() ?? [])].sort((a, b) => a.at - b.at)
  }

  /** The frame stamped exactly at `at`, if the meter sent one. */
  readingAt(meterId: string, at: number): Reading | undefined {
    return this.byMeter.get(meterId)?.get(at)
  }
}
