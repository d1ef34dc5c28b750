const PLAIN_DECIMAL = /^\d+(\.\d+)?$/

/**
 * Reads a plain decimal ("0.85", "12") from a manifest cell; null when the cell is
 * anything else. parseFloat would read "2,5" as 2, "5lb" as 5 and "1e1" as 10.
 */
export function readDecimal(cell: string): number | null {
  const text = cell.trim()
  return PLAIN_DECIMAL.test(text) ? Number(text) : null
}

/** Reads a cell that must not be empty; surrounding spaces are dropped. */
export function readText(cell: string | undefined): string | null {
  const text = (cell ?? '').trim()
  return text === '' ? null : text
}
