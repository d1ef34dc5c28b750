import { type Journal } from '../journal/journal'

export const AUTO_BAN_HOURS = 24

/** Bans are journal entries too; a player is banned while a ban entry's `until` lies ahead. */
export class Bans {
  private readonly journal: Journal

  constructor(journal: Journal) {
    this.journal = journal
  }

  ban(player: string, by: string, hours: number, reason: string): string {
    const until = new Date(Date.now() + hours * 3_600_000).toISOString()
    this.journal.append('ban', { player, by, until, reason })
    return until
  }

  isBanned(player: string, now = Date.now()): boolean {
    return this.journal.entries().some((entry) => entry.kind === 'ban' && entry.fields.player === player && Date.parse(entry.fields.until ?? '') > now)
  }
}
