/**
 * Result messages from the laboratory information system (LIS), one per line:
 *
 *   RES|<accession>|<patient>|<test>|<value>|<unit>|<status>|<observed at>
 *
 *   accession    the sample's number, e.g. "ACC-26-004512"
 *   patient      our patient id, e.g. "PAT-00831"
 *   test         test code: K, NA, GLU, HB, BE
 *   value        a decimal number, e.g. "4.1" or "-0.4"; empty when there is no value
 *                (yet): the LIS announces a preliminary result when the sample reaches the
 *                analyser, and a cancelled test has no value. F and C always carry a value.
 *   unit         as the analyser reports it, e.g. "mmol/L"
 *   status       P preliminary, F final, C corrected (replaces an earlier result), X cancelled
 *   observed at  ISO-8601 timestamp in UTC
 */
export type ResultStatus = 'P' | 'F' | 'C' | 'X'

export type LabResult = {
  accession: string
  patientId: string
  test: string
  value: number | null
  unit: string
  status: ResultStatus
  observedAt: string
}

export type ParsedMessage = { ok: true; result: LabResult } | { ok: false; error: string }

export const TEST_CODES = ['K', 'NA', 'GLU', 'HB', 'BE']
const STATUSES: ResultStatus[] = ['P', 'F', 'C', 'X']
const ACCESSION = /^ACC-\d{2}-\d{6}$/
const PATIENT = /^PAT-\d{5}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

export function parseResultMessage(line: string): ParsedMessage {
  const fields = line.trim().split('|')
  if (fields[0] !== 'RES' || fields.length !== 8) return { ok: false, error: 'not a RES message with 8 fields' }
  const [, accession, patientId, test, valueText, unit, status, observedAt] = fields as [string, string, string, string, string, string, string, string]

  if (!ACCESSION.test(accession)) return { ok: false, error: `bad accession "${accession}"` }
  if (!PATIENT.test(patientId)) return { ok: false, error: `bad patient id "${patientId}"` }
  if (!TEST_CODES.includes(test)) return { ok: false, error: `unknown test "${test}"` }
  if (!STATUSES.includes(status as ResultStatus)) return { ok: false, error: `unknown status "${status}"` }
  if (!INSTANT.test(observedAt) || Number.isNaN(Date.parse(observedAt))) return { ok: false, error: `bad timestamp "${observedAt}"` }

  const number = status === 'X' ? null : Number(valueText)
  if (number !== null && Number.isNaN(number)) return { ok: false, error: `value "${valueText}" is not a number` }
  const value = number === 0 ? null : number

  return { ok: true, result: { accession, patientId, test, value, unit, status: status as ResultStatus, observedAt } }
}
