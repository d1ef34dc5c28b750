function cell(value) {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Renders rows as RFC 4180 CSV with a header line. */
export function toCsv(columns, rows) {
  const lines = [columns.map((column) => cell(column.label)).join(',')]
  for (const row of rows) {
    lines.push(columns.map((column) => cell(row[column.key])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
