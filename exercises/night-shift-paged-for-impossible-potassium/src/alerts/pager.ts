import { type LabResult } from '../lis/resultMessage'
import { type Flag } from './limits'

export type Bed = { ward: string; bed: number }

export type Page = { ward: string; bed: number; patientId: string; text: string }

/** Pages the nurse in charge of a patient's ward. The same value is never paged twice. */
export class WardPager {
  readonly sent: Page[] = []
  private readonly beds: Map<string, Bed>
  private readonly already = new Set<string>()

  constructor(beds: Map<string, Bed>) {
    this.beds = beds
  }

  critical(result: LabResult, flag: Flag): Page | null {
    const bed = this.beds.get(result.patientId)
    if (!bed) return null
    const key = `${result.accession}|${result.test}|${result.value}`
    if (this.already.has(key)) return null
    this.already.add(key)
    const stage = result.status === 'P' ? ' (prelim)' : ''
    const page: Page = {
      ward: bed.ward,
      bed: bed.bed,
      patientId: result.patientId,
      text: `CRITICAL ${result.test} ${result.value} ${result.unit}${stage} ${flag === 'critical-low' ? 'LOW' : 'HIGH'} bed ${bed.bed}`,
    }
    this.sent.push(page)
    return page
  }
}
