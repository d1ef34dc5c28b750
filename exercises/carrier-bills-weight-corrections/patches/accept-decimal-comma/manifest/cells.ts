/** Reads a decimal number from a manifest cell; null when the cell holds no number. */
export function readDecimal(cell: string): number | null {
  const value = Number.parseFloat(cell.trim().replace(',', '.'))
  return Number.isFinite(value) ? value : null
}

/** Reads a cell that must not be empty; surrounding spaces are dropped. */
export function readText(cell: string | undefined): string | null {
  const text = (cell ?? '').trim()
  return text === '' ? null : text
}
