import { describe, it, expect, vi, afterEach } from 'vitest'
import { EventHub } from '../../src/hub/eventHub'
import { Gateway, RESUME_WINDOW_MS } from '../../src/realtime/gateway'
import type { ClientSocket } from '../../src/realtime/types'

class FakeSocket implements ClientSocket {
  readonly id: string
  readonly frames: any[] = []
  constructor(id: string) {
    this.id = id
  }
  send(frame: string) {
    this.frames.push(JSON.parse(frame))
  }
  close() {}
  messages() {
    return this.frames.filter((f) => f.type === 'message').map((f) => `${f.room} ${f.from}: ${f.text}`)
  }
}

let socketSeq = 0

function client(gateway: Gateway, userId: string) {
  let socket = new FakeSocket(`${userId}-${++socketSeq}`)
  let session = gateway.connect(userId, socket)
  const send = (frame: object) => gateway.receive(session, JSON.stringify(frame))
  return {
    get socket() {
      return socket
    },
    get session() {
      return session
    },
    join: (room: string) => send({ op: 'join', room }),
    leave: (room: string) => send({ op: 'leave', room }),
    say: (room: string, text: string) => send({ op: 'say', room, text }),
    drop() {
      gateway.disconnect(session, socket)
    },
    resume() {
      socket = new FakeSocket(`${userId}-${++socketSeq}`)
      session = gateway.connect(userId, socket, session.resumeToken)
    },
    reconnect() {
      this.drop()
      this.resume()
    },
    fresh() {
      socket = new FakeSocket(`${userId}-${++socketSeq}`)
      session = gateway.connect(userId, socket)
    },
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('reconnecting clients', () => {
  // Stated in README.md: "every client in a room receives each message of that room exactly once, a resumed session too, as if the connection had never dropped"
  it('receive each message exactly once, however often they reconnected', () => {
    const gateway = new Gateway(new EventHub())
    const kai = client(gateway, 'kai')
    const lu = client(gateway, 'lu')
    kai.join('ops')
    lu.join('ops')

    for (let i = 0; i < 6; i++) kai.reconnect()
    lu.say('ops', 'deploy 4127 is rolling out')
    kai.reconnect()
    lu.say('ops', 'deploy 4127 done')

    expect(kai.socket.messages()).toEqual(['ops lu: deploy 4127 done'])
    expect(lu.socket.messages()).toEqual(['ops lu: deploy 4127 is rolling out', 'ops lu: deploy 4127 done'])
  })

  // Stated in README.md: "It remembers its rooms so that a resumed connection does not have to join them again."
  it('keep their rooms across a resume', () => {
    const gateway = new Gateway(new EventHub())
    const kai = client(gateway, 'kai')
    const lu = client(gateway, 'lu')
    kai.join('ops')
    kai.join('random')
    lu.join('ops')
    lu.join('random')

    kai.reconnect()
    lu.say('random', 'lunch?')
    lu.say('ops', 'pager is quiet')

    expect(kai.socket.messages()).toEqual(['random lu: lunch?', 'ops lu: pager is quiet'])
  })

  // Stated in src/realtime/gateway.ts: "Listeners held by the hub: one per room joined by each attached session."
  it('do not make the hub grow', () => {
    const gateway = new Gateway(new EventHub())
    const kai = client(gateway, 'kai')
    const lu = client(gateway, 'lu')
    for (const c of [kai, lu]) {
      c.join('ops')
      c.join('random')
    }
    const before = gateway.stats().hubListeners
    expect(before).toBe(4)

    for (let i = 0; i < 20; i++) {
      kai.reconnect()
      if (i % 3 === 0) lu.reconnect()
    }

    expect(gateway.stats()).toEqual({ sessions: 2, attached: 2, hubListeners: 4 })
  })

  // Stated in README.md: "nothing one agent's connection does changes what the other people in a room receive"
  it('do not affect the other people in the room', () => {
    const gateway = new Gateway(new EventHub())
    const people = ['mo', 'nia', 'oz'].map((id) => client(gateway, id))
    for (const p of people) p.join('lobby')

    people[1].reconnect()
    people[1].reconnect()
    people[0].say('lobby', 'hello all')

    for (const p of people) expect(p.socket.messages()).toEqual(['lobby mo: hello all'])
  })

  // Stated in src/realtime/gateway.ts: "A late close of a socket the session has already moved away from is ignored."
  it('ignore a late close of the socket they already replaced', () => {
    const gateway = new Gateway(new EventHub())
    const kai = client(gateway, 'kai')
    const lu = client(gateway, 'lu')
    kai.join('ops')
    lu.join('ops')

    const oldSocket = kai.socket
    const oldSession = kai.session
    kai.resume() // new socket arrives before the old one's close event
    gateway.disconnect(oldSession, oldSocket)
    lu.say('ops', 'still there?')

    expect(kai.socket.messages()).toEqual(['ops lu: still there?'])
    expect(oldSocket.messages()).toEqual([])
  })
})

describe('leaving rooms', () => {
  // Stated in README.md: "After a leave frame, nothing more from that room reaches the client."
  // Stated in src/realtime/gateway.ts: "Listeners held by the hub: one per room joined by each attached session."
  it('stops delivery from a room the client left', () => {
    const gateway = new Gateway(new EventHub())
    const pia = client(gateway, 'pia')
    const raj = client(gateway, 'raj')
    pia.join('billing')
    raj.join('billing')

    raj.say('billing', 'invoice run started')
    pia.leave('billing')
    raj.say('billing', 'invoice run finished')

    expect(pia.socket.messages()).toEqual(['billing raj: invoice run started'])
    expect(gateway.stats().hubListeners).toBe(1)
  })

  // Stated in README.md: "every client in a room receives each message of that room exactly once"
  it('delivers once after leaving and joining again', () => {
    const gateway = new Gateway(new EventHub())
    const pia = client(gateway, 'pia')
    const raj = client(gateway, 'raj')
    raj.join('billing')
    for (let i = 0; i < 3; i++) {
      pia.join('billing')
      pia.leave('billing')
    }
    pia.join('billing')

    raj.say('billing', 'numbers are in')

    expect(pia.socket.messages()).toEqual(['billing raj: numbers are in'])
  })

  // Stated in README.md: "After a leave frame, nothing more from that room reaches the client."
  it('a room left before a reconnect stays left', () => {
    const gateway = new Gateway(new EventHub())
    const pia = client(gateway, 'pia')
    const raj = client(gateway, 'raj')
    pia.join('billing')
    pia.join('general')
    raj.join('billing')
    raj.join('general')

    pia.leave('billing')
    pia.reconnect()
    raj.say('billing', 'not for pia')
    raj.say('general', 'for everyone')

    expect(pia.socket.messages()).toEqual(['general raj: for everyone'])
  })
})

describe('expired sessions', () => {
  // Stated in README.md: "an expired session leaves nothing behind on the node"
  // Stated in src/realtime/gateway.ts: "Listeners held by the hub: one per room joined by each attached session."
  it('release everything they subscribed to', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'))
    const gateway = new Gateway(new EventHub())
    const clients = Array.from({ length: 25 }, (_, i) => client(gateway, `user${i}`))
    for (const c of clients) {
      c.join('lobby')
      c.join(`team-${clients.indexOf(c) % 4}`)
      c.reconnect()
      c.reconnect()
    }
    expect(gateway.stats().hubListeners).toBe(50)

    for (const c of clients) c.drop()
    vi.advanceTimersByTime(RESUME_WINDOW_MS + 1000)

    expect(gateway.stats()).toEqual({ sessions: 0, attached: 0, hubListeners: 0 })
  })

  // Stated in README.md: "A resume token presented after the window has passed starts a brand new session with no rooms"
  it('a client coming back after its session expired starts clean', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'))
    const gateway = new Gateway(new EventHub())
    const sam = client(gateway, 'sam')
    const tia = client(gateway, 'tia')
    sam.join('lobby')
    tia.join('lobby')
    sam.reconnect()

    sam.drop()
    vi.advanceTimersByTime(RESUME_WINDOW_MS + 1000)
    sam.resume() // token is no longer valid: a brand new session
    expect(sam.session.joinedRooms).toEqual([])
    sam.join('lobby')

    tia.say('lobby', 'welcome back')

    expect(sam.socket.messages()).toEqual(['lobby tia: welcome back'])
    expect(gateway.stats()).toEqual({ sessions: 2, attached: 2, hubListeners: 2 })
  })
})
