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

/**
 * The value field: null when the message carries none (allowed only while preliminary or
 * for a cancelled test), undefined when the text is not a plain decimal number.
 */
function readValue(text: string, status: ResultStatus): number | null | undefined {
  if (status === 'X') return null
  if (text === '') return status === 'P' ? null : undefined
  if (!/^-?[0-9]+(?:\.[0-9]+)?$/.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

export function parseResultMessage(line: string): ParsedMessage {
  const fields = line.trim().split('|')
  if (fields[0] !== 'RES' || fields.length !== 8) return { ok: false, error: 'not a RES message with 8 fields' }
  const [, accession, patientId, test, valueText, unit, status, observedAt] = fields as [string, string, string, string, string, string, string, string]

  if (!ACCESSION.test(accession)) return { ok: false, error: `bad accession "${accession}"` }
  if (!PATIENT.test(patientId)) return { ok: false, error: `bad patient id "${patientId}"` }
  if (!TEST_CODES.includes(test)) return { ok: false, error: `unknown test "${test}"` }
  if (!STATUSES.includes(status as ResultStatus)) return { ok: false, error: `unknown status "${status}"` }
  if (!INSTANT.test(observedAt) || Number.isNaN(Date.parse(observedAt))) return { ok: false, error: `bad timestamp "${observedAt}"` }

  const value = readValue(valueText, status as ResultStatus)
  if (value === undefined) return { ok: false, error: `value "${valueText}" is not a number` }

  return { ok: true, result: { accession, patientId, test, value, unit, status: status as ResultStatus, observedAt } }
}
