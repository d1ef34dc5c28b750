import { describe, it, expect } from 'vitest'
import { EventHub } from '../../src/hub/eventHub'
import { Gateway } from '../../src/realtime/gateway'
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

// Simulates one browser tab: it keeps its resume token across reconnects.
function client(gateway: Gateway, userId: string) {
  let n = 0
  let socket = new FakeSocket(`${userId}-socket-${++n}`)
  let session = gateway.connect(userId, socket)
  const send = (frame: object) => gateway.receive(session, JSON.stringify(frame))
  return {
    get socket() {
      return socket
    },
    join: (room: string) => send({ op: 'join', room }),
    say: (room: string, text: string) => send({ op: 'say', room, text }),
    reconnect() {
      gateway.disconnect(session, socket)
      socket = new FakeSocket(`${userId}-socket-${++n}`)
      session = gateway.connect(userId, socket, session.resumeToken)
    },
  }
}

describe('chat gateway', () => {
  it('delivers a message to everyone in the room', () => {
    const gateway = new Gateway(new EventHub())
    const ana = client(gateway, 'ana')
    const bo = client(gateway, 'bo')
    ana.join('support')
    bo.join('support')

    bo.say('support', 'is the EU region down?')

    expect(ana.socket.messages()).toEqual(['support bo: is the EU region down?'])
    expect(bo.socket.messages()).toEqual(['support bo: is the EU region down?'])
  })

  it('refuses a message for a room the client has not joined', () => {
    const gateway = new Gateway(new EventHub())
    const ana = client(gateway, 'ana')
    const bo = client(gateway, 'bo')
    bo.join('billing')

    ana.say('billing', 'anyone there?')

    expect(ana.socket.frames.at(-1)).toEqual({ type: 'error', reason: 'not in room billing' })
    expect(bo.socket.messages()).toEqual([])
  })

  it('delivers each message once to a client that has reconnected', () => {
    const gateway = new Gateway(new EventHub())
    const ana = client(gateway, 'ana')
    const bo = client(gateway, 'bo')
    ana.join('support')
    bo.join('support')

    // Ana's laptop goes through a flaky train Wi-Fi.
    ana.reconnect()
    ana.reconnect()
    ana.reconnect()

    bo.say('support', 'status page updated')

    expect(ana.socket.messages()).toEqual(['support bo: status page updated'])
  })
})
