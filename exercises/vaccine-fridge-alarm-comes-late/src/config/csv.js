/**
 * Parses the CSV that facilities teams export from their spreadsheet: a header row,
 * comma-separated cells, double quotes around cells that contain commas or quotes.
 * Returns one object per data row, keyed by the trimmed header names, plus its line number.
 */
export function parseCsv(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const header = splitLine(lines[0] ?? '').map((name) => name.trim());
  if (header.length === 0 || header.every((name) => name === '')) throw new Error('CSV has no header row');
  const rows = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue;
    const cells = splitLine(line);
    const row = { line: index + 1, cells: {} };
    header.forEach((name, column) => {
      row.cells[name] = cells[column] ?? '';
    });
    rows.push(row);
  }
  return { header, rows };
}

function splitLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}
