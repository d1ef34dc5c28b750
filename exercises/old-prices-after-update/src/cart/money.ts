const euro = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' })

export function formatCents(cents: number): string {
  return euro.format(cents / 100)
}
