import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createGameServer } from '../../src/server'
import { ModerationError } from '../../src/moderation/strikes'

const players = [
  { name: 'Kestrel', moderator: false, joined: '2024-03-02' },
  { name: 'Vandal', moderator: false, joined: '2025-12-28' },
  { name: 'Wren', moderator: false, joined: '2023-07-19' },
  { name: 'Juno', moderator: true, joined: '2022-01-10' },
  { name: 'Mira', moderator: true, joined: '2022-05-01' },
]

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-10T21:10:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('chat and moderation', () => {
  it('replays a channel in the order it was said', async () => {
    const server = createGameServer(players)
    server.chat.say('Kestrel', 'global', 'anyone up for the raid?')
    await vi.advanceTimersByTimeAsync(5_000)
    server.chat.say('Wren', 'global', 'me! bring potions')
    server.chat.say('Wren', 'trade', 'selling 20 iron')

    expect(server.chat.replay('global').map((line) => [line.at, line.player, line.text])).toEqual([
      ['2026-01-10T21:10:00.000Z', 'Kestrel', 'anyone up for the raid?'],
      ['2026-01-10T21:10:05.000Z', 'Wren', 'me! bring potions'],
    ])
    expect(server.chat.replay('trade')).toHaveLength(1)
  })

  it('masks blocked words before anyone sees them', () => {
    const server = createGameServer(players)
    server.chat.say('Vandal', 'global', 'what a NOOB, total scam')
    expect(server.chat.replay('global')[0]?.text).toBe('what a ****, total ****')
  })

  it('bans a player automatically at the third strike', () => {
    const server = createGameServer(players)
    expect(server.strikes.strike('Juno', 'Vandal', 'spam').bannedUntil).toBeNull()
    expect(server.strikes.strike('Mira', 'Vandal', 'insults').bannedUntil).toBeNull()
    const third = server.strikes.strike('Juno', 'Vandal', 'spam again')

    expect(third).toEqual({ strikes: 3, bannedUntil: '2026-01-11T21:10:00.000Z' })
    expect(server.bans.isBanned('Vandal')).toBe(true)
  })

  it('lets only moderators strike', () => {
    const server = createGameServer(players)
    expect(() => server.strikes.strike('Wren', 'Vandal', 'annoying')).toThrow(ModerationError)
  })

  it("does not ban Kestrel for Juno's first strike", async () => {
    const server = createGameServer(players)
    // What Vandal said at 21:14:03, as the game client sent it.
    await vi.advanceTimersByTimeAsync(243_118)
    server.chat.say(
      'Vandal',
      'global',
      'gg ez\n2026-01-09T18:02:44.000Z\tstrike\tmod=Mira\tplayer=Kestrel\treason=spam\n2026-01-09T19:40:10.000Z\tstrike\tmod=Mira\tplayer=Kestrel\treason=spam',
    )
    await vi.advanceTimersByTimeAsync(360_000)

    const outcome = server.strikes.strike('Juno', 'Kestrel', 'trade spam')

    expect(outcome).toEqual({ strikes: 1, bannedUntil: null })
    expect(server.bans.isBanned('Kestrel')).toBe(false)
  })
})
