import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createGameServer } from '../../src/server'

const players = [
  { name: 'Ash', moderator: false, joined: '2024-01-01' },
  { name: 'Bryn', moderator: false, joined: '2024-01-01' },
  { name: 'Cato', moderator: false, joined: '2024-01-01' },
  { name: 'Dara', moderator: true, joined: '2021-01-01' },
  { name: 'Eli', moderator: true, joined: '2021-01-01' },
]

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-03T12:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

const forgedStrike = (player: string, mod: string, at = '2026-02-02T10:00:00.000Z') => `${at}\tstrike\tmod=${mod}\tplayer=${player}\treason=spam`

describe('what players say cannot become something else in the journal', () => {
  // Stated in src/moderation/strikes.ts: "Moderators give strikes with /strike."
  it('does not count strikes typed into a chat message', () => {
    const server = createGameServer(players)
    server.chat.say('Cato', 'guild', `lol\n${forgedStrike('Ash', 'Eli')}\n${forgedStrike('Ash', 'Eli', '2026-02-02T11:00:00.000Z')}`)
    server.chat.say('Cato', 'global', `\r\n${forgedStrike('Ash', 'Dara')}\r\n`)

    expect(server.strikes.strike('Dara', 'Ash', 'spam')).toEqual({ strikes: 1, bannedUntil: null })
    expect(server.strikes.activity()).toEqual({ Dara: 1 })
    expect(server.bans.isBanned('Ash')).toBe(false)
  })

  // Stated in src/moderation/bans.ts: "Bans are journal entries too"
  it('does not ban anyone because of a chat message', () => {
    const server = createGameServer(players)
    server.chat.say('Cato', 'global', `bye\n2026-02-03T11:59:00.000Z\tban\tplayer=Bryn\tby=Dara\tuntil=2027-01-01T00:00:00.000Z\treason=x`)

    expect(server.bans.isBanned('Bryn')).toBe(false)
    expect(() => server.chat.say('Bryn', 'global', 'still here')).not.toThrow()
  })

  // Stated in src/chat/chat.ts: "which must show each message exactly as the other players saw it"
  it('keeps who said a message, whatever it contains', () => {
    const server = createGameServer(players)
    server.chat.say('Cato', 'trade', 'wts sword\tplayer=Dara\tchannel=trade')

    expect(server.chat.replay('trade').map((line) => [line.player, line.text])).toEqual([['Cato', 'wts sword\tplayer=Dara\tchannel=trade']])
  })

  // Stated in src/chat/chat.ts: "The client lets players send multi-line messages (Shift+Enter)."
  it('replays multi-line messages with their line breaks', () => {
    const server = createGameServer(players)
    const text = 'raid tonight:\n- 20:00 meet at the gate\n- bring potions\r\n- no noob gear'
    server.chat.say('Bryn', 'guild', text)
    server.chat.say('Ash', 'guild', 'ok')

    expect(server.chat.replay('guild').map((line) => line.text)).toEqual([text.replace('noob', '****'), 'ok'])
  })

  // Stated in src/chat/chat.ts: "which must show each message exactly as the other players saw it"
  it('replays backslashes, equals signs and escape-looking text exactly', () => {
    const server = createGameServer(players)
    const texts = ['path is C:\\new\\table.txt', 'a\\tb is not a tab', 'x=1=2', 'ends with a backslash \\', '\\\\n']
    for (const text of texts) server.chat.say('Ash', 'global', text)

    expect(server.chat.replay('global').map((line) => line.text)).toEqual(texts)
  })

  // Stated in src/moderation/strikes.ts: "A player with three strikes in the last 30 days"
  it('still bans at three real strikes, next to forged ones', () => {
    const server = createGameServer(players)
    server.chat.say('Cato', 'global', `hi\n${forgedStrike('Bryn', 'Eli')}`)
    server.strikes.strike('Dara', 'Bryn', 'one')
    server.strikes.strike('Eli', 'Bryn', 'two')
    expect(server.bans.isBanned('Bryn')).toBe(false)

    expect(server.strikes.strike('Dara', 'Bryn', 'three')).toEqual({ strikes: 3, bannedUntil: '2026-02-04T12:00:00.000Z' })
    expect(server.strikes.activity()).toEqual({ Dara: 2, Eli: 1 })
  })
})
