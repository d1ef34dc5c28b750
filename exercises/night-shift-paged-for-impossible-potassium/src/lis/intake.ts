import { flagOf, isCritical } from '../alerts/limits'
import { type WardPager } from '../alerts/pager'
import { type EventLog } from '../log'
import { type ResultStore } from '../results/resultStore'
import { parseResultMessage } from './resultMessage'

export type Rejected = { line: string; error: string }

export type IntakeReport = { accepted: number; rejected: Rejected[] }

/**
 * Receives what the LIS sends, stores it and pages critical values. Lab policy: a critical
 * value is paged as soon as it is known, on a preliminary result just as on a final one.
 * Messages we cannot read go to the error queue for the lab's interface team.
 */
export function createIntake(store: ResultStore, pager: WardPager, log: EventLog) {
  const errorQueue: Rejected[] = []

  function receive(lines: string[]): IntakeReport {
    const report: IntakeReport = { accepted: 0, rejected: [] }
    for (const line of lines) {
      if (line.trim() === '') continue
      const parsed = parseResultMessage(line)
      if (!parsed.ok) {
        const rejected = { line, error: parsed.error }
        report.rejected.push(rejected)
        errorQueue.push(rejected)
        log.write('lis.rejected', { error: parsed.error })
        continue
      }
      const result = parsed.result
      report.accepted++
      if (!store.record(result)) continue
      log.write('lis.result', { accession: result.accession, test: result.test, status: result.status, patient: result.patientId })

      const flag = flagOf(result)
      if (flag && isCritical(flag)) {
        log.write('alert.critical', { patient: result.patientId, test: result.test, value: result.value, unit: result.unit, status: result.status })
        const page = pager.critical(result, flag)
        if (page) log.write('pager.sent', { ward: page.ward, bed: page.bed, text: page.text })
      }
    }
    return report
  }

  return { receive, errorQueue }
}
