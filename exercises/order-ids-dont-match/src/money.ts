const AMOUNT_PATTERN = /^(\d{1,7})(?:\.(\d{1,2}))?$/

/** "12.5" -> 1250. Plain decimal notation only, at most two decimals; null otherwise. */
export function parseAmountCents(value: string): number | null {
  const match = AMOUNT_PATTERN.exec(value)
  if (!match) return null
  const euros = Number(match[1])
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  return euros * 100 + cents
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
