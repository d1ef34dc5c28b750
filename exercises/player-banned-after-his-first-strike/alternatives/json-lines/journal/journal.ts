/**
 * The game journal: an append-only text file, one entry per line. Each line is one JSON
 * object, {"at": …, "kind": …, "fields": {…}}; JSON escapes line breaks and tabs inside
 * values, so nothing a value contains can start a new entry or a new field.
 *
 * It is the record everything else is read back from: chat replays for appeals, strike
 * counts for automatic bans, the moderators' activity report. Tools grep it, so it stays text.
 */
export type Entry = { at: string; kind: string; fields: Record<string, string> }

export class Journal {
  private text = ''

  append(kind: string, fields: Record<string, string>): Entry {
    if (!/^[a-z-]+$/.test(kind)) throw new Error(`bad entry kind "${kind}"`)
    const entry: Entry = { at: new Date().toISOString(), kind, fields: { ...fields } }
    this.text += JSON.stringify(entry) + '\n'
    return { at: entry.at, kind, fields: { ...fields } }
  }

  /** Every entry, in the order it was written. */
  entries(): Entry[] {
    return this.text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Entry)
  }

  /** The raw file, as the admin tools download it. */
  raw(): string {
    return this.text
  }
}
