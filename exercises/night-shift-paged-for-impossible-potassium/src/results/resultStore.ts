import { type LabResult } from '../lis/resultMessage'

export type TrendPoint = { observedAt: string; value: number; accession: string }

const RANK: Record<LabResult['status'], number> = { P: 0, F: 1, C: 2, X: 1 }

/** The current result of every sample and test, and what the ward's charts are drawn from. */
export class ResultStore {
  private readonly current = new Map<string, LabResult>()

  /**
   * Records a result. A later message for the same sample and test replaces the earlier one,
   * except that a preliminary result arriving late never replaces a final or corrected one.
   * Answers whether the message changed anything.
   */
  record(result: LabResult): boolean {
    const key = `${result.accession}|${result.test}`
    const existing = this.current.get(key)
    if (existing && existing.patientId !== result.patientId) {
      throw new Error(`accession ${result.accession} belongs to ${existing.patientId}, not ${result.patientId}`)
    }
    if (existing && RANK[result.status] < RANK[existing.status]) return false
    this.current.set(key, { ...result })
    return true
  }

  /** The newest sample's result for each test of a patient. */
  latestFor(patientId: string): LabResult[] {
    const byTest = new Map<string, LabResult>()
    for (const result of this.current.values()) {
      if (result.patientId !== patientId) continue
      const seen = byTest.get(result.test)
      if (!seen || result.observedAt >= seen.observedAt) byTest.set(result.test, result)
    }
    return [...byTest.values()].sort((a, b) => a.test.localeCompare(b.test)).map((r) => ({ ...r }))
  }

  /** One point per sample that has a value, oldest first. */
  trend(patientId: string, test: string): TrendPoint[] {
    return [...this.current.values()]
      .filter((r) => r.patientId === patientId && r.test === test && r.value !== null)
      .sort((a, b) => a.observedAt.localeCompare(b.observedAt))
      .map((r) => ({ observedAt: r.observedAt, value: r.value as number, accession: r.accession }))
  }
}
