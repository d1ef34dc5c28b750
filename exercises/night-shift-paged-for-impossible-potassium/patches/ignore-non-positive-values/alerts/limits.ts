import { type LabResult } from '../lis/resultMessage'

export type Flag = 'critical-low' | 'low' | 'high' | 'critical-high'

type Limits = { criticalLow: number; low: number; high: number; criticalHigh: number }

// Reference ranges and critical limits agreed with the clinical chemistry lead (adult ward).
const LIMITS: Record<string, Limits> = {
  K: { criticalLow: 2.8, low: 3.5, high: 5.1, criticalHigh: 6.2 },
  NA: { criticalLow: 120, low: 135, high: 145, criticalHigh: 160 },
  GLU: { criticalLow: 2.5, low: 3.9, high: 7.8, criticalHigh: 25 },
  HB: { criticalLow: 70, low: 120, high: 170, criticalHigh: 200 },
  BE: { criticalLow: -10, low: -2, high: 2, criticalHigh: 10 },
}

/** How a value compares with its test's ranges; null when it is normal or there is no value. */
export function flagOf(result: LabResult): Flag | null {
  const limits = LIMITS[result.test]
  if (!limits || result.value === null || result.value <= 0) return null
  const value = result.value
  if (value < limits.criticalLow) return 'critical-low'
  if (value > limits.criticalHigh) return 'critical-high'
  if (value < limits.low) return 'low'
  if (value > limits.high) return 'high'
  return null
}

export function isCritical(flag: Flag | null): boolean {
  return flag === 'critical-low' || flag === 'critical-high'
}
