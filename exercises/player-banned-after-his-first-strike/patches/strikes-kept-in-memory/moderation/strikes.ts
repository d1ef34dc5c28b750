import { type Journal } from '../journal/journal'
import { type Roster } from '../roster'
import { AUTO_BAN_HOURS, type Bans } from './bans'

export const STRIKES_FOR_BAN = 3
export const STRIKE_WINDOW_DAYS = 30

export class ModerationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModerationError'
  }
}

export type StrikeOutcome = { strikes: number; bannedUntil: string | null }

/**
 * Moderators give strikes with /strike. A player with three strikes in the last 30 days
 * is banned for 24 hours automatically. Strikes are counted from the journal.
 */
export class Strikes {
  private readonly journal: Journal
  private readonly roster: Roster
  private readonly bans: Bans
  private readonly given: { player: string; at: number }[] = []

  constructor(journal: Journal, roster: Roster, bans: Bans) {
    this.journal = journal
    this.roster = roster
    this.bans = bans
  }

  strike(moderator: string, player: string, reason: string): StrikeOutcome {
    if (!this.roster.isModerator(moderator)) throw new ModerationError(`${moderator} is not a moderator`)
    if (!this.roster.get(player)) throw new ModerationError(`unknown player ${player}`)
    if (moderator === player) throw new ModerationError('moderators cannot strike themselves')
    this.journal.append('strike', { mod: moderator, player, reason: reason.trim() || 'no reason given' })
    this.given.push({ player, at: Date.now() })

    const strikes = this.countRecent(player)
    if (strikes >= STRIKES_FOR_BAN && !this.bans.isBanned(player)) {
      return { strikes, bannedUntil: this.bans.ban(player, 'auto', AUTO_BAN_HOURS, `${strikes} strikes in ${STRIKE_WINDOW_DAYS} days`) }
    }
    return { strikes, bannedUntil: null }
  }

  countRecent(player: string, now = Date.now()): number {
    const since = now - STRIKE_WINDOW_DAYS * 86_400_000
    return this.given.filter((strike) => strike.player === player && strike.at >= since).length
  }

  /** The moderators' activity report: strikes given per moderator. */
  activity(): Record<string, number> {
    const report: Record<string, number> = {}
    for (const entry of this.journal.entries()) {
      if (entry.kind !== 'strike') continue
      const mod = entry.fields.mod ?? '?'
      report[mod] = (report[mod] ?? 0) + 1
    }
    return report
  }
}
