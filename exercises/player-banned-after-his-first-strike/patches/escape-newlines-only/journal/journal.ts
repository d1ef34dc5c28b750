/**
 * The game journal: an append-only text file, one entry per line, fields separated by tabs:
 *
 *   <ISO time> TAB <kind> TAB key=value TAB key=value ...
 *
 * It is the record everything else is read back from: chat replays for appeals, strike
 * counts for automatic bans, the moderators' activity report. Tools grep it, so it stays text.
 */
export type Entry = { at: string; kind: string; fields: Record<string, string> }

export class Journal {
  private text = ''

  append(kind: string, fields: Record<string, string>): Entry {
    if (!/^[a-z-]+$/.test(kind)) throw new Error(`bad entry kind "${kind}"`)
    const at = new Date().toISOString()
    const cells = Object.entries(fields).map(([key, value]) => `${key}=${value.replace(/\r?\n/g, '\\n')}`)
    this.text += [at, kind, ...cells].join('\t') + '\n'
    return { at, kind, fields: { ...fields } }
  }

  /** Every entry, in the order it was written. */
  entries(): Entry[] {
    const entries: Entry[] = []
    for (const line of this.text.split('\n')) {
      if (line === '') continue
      const [at = '', kind = '', ...cells] = line.split('\t')
      const fields: Record<string, string> = {}
      for (const cell of cells) {
        const eq = cell.indexOf('=')
        if (eq > 0) fields[cell.slice(0, eq)] = cell.slice(eq + 1).replace(/\\n/g, '\n')
      }
      entries.push({ at, kind, fields })
    }
    return entries
  }

  /** The raw file, as the admin tools download it. */
  raw(): string {
    return this.text
  }
}
