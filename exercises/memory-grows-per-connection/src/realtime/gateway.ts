import type { EventHub } from '../hub/eventHub'
import { Session } from './session'
import { ChatRooms } from './chat'
import type { ClientFrame, ClientSocket } from './types'

// How long a dropped client has to come back and resume its session.
export const RESUME_WINDOW_MS = 30_000

export type GatewayStats = {
  sessions: number
  attached: number
  // Listeners held by the hub: one per room joined by each attached session.
  hubListeners: number
}

// Entry point for websocket connections on this node.
export class Gateway {
  private readonly hub: EventHub
  private readonly chat: ChatRooms
  private readonly sessions = new Map<string, Session>()
  private readonly expiryTimers = new Map<string, ReturnType<typeof setTimeout>>()
  private nextToken = 1

  constructor(hub: EventHub) {
    this.hub = hub
    this.chat = new ChatRooms(hub)
  }

  // Called when a socket has authenticated as `userId`.
  connect(userId: string, socket: ClientSocket, resumeToken?: string): Session {
    const resumable = resumeToken ? this.sessions.get(resumeToken) : undefined
    if (resumable && resumable.userId === userId) {
      this.cancelExpiry(resumable.resumeToken)
      resumable.attach(socket)
      return resumable
    }

    const session = new Session(this.hub, userId, `rt-${userId}-${this.nextToken++}`)
    this.sessions.set(session.resumeToken, session)
    session.attach(socket)
    return session
  }

  // Called when a socket closes (client went away, network blip, deploy...).
  // A late close of a socket the session has already moved away from is ignored.
  disconnect(session: Session, socket: ClientSocket): void {
    if (!this.sessions.has(session.resumeToken) || !session.isAttachedTo(socket)) return
    session.detach()
    this.cancelExpiry(session.resumeToken)
    const timer = setTimeout(() => this.expire(session), RESUME_WINDOW_MS)
    this.expiryTimers.set(session.resumeToken, timer)
  }

  receive(session: Session, raw: string): void {
    let frame: ClientFrame
    try {
      frame = JSON.parse(raw)
    } catch {
      session.send({ type: 'error', reason: 'malformed frame' })
      return
    }
    switch (frame.op) {
      case 'join':
        session.join(frame.room)
        this.chat.announce(frame.room, session.userId, 'joined')
        break
      case 'leave':
        session.leave(frame.room)
        this.chat.announce(frame.room, session.userId, 'left')
        break
      case 'say':
        if (!session.joinedRooms.includes(frame.room)) {
          session.send({ type: 'error', reason: `not in room ${frame.room}` })
          return
        }
        this.chat.post(frame.room, session.userId, frame.text)
        break
      default:
        session.send({ type: 'error', reason: 'unknown op' })
    }
  }

  stats(): GatewayStats {
    let attached = 0
    for (const session of this.sessions.values()) if (session.attached) attached += 1
    return { sessions: this.sessions.size, attached, hubListeners: this.hub.listenerCount() }
  }

  private expire(session: Session): void {
    this.expiryTimers.delete(session.resumeToken)
    this.sessions.delete(session.resumeToken)
    session.dispose()
  }

  private cancelExpiry(token: string): void {
    const timer = this.expiryTimers.get(token)
    if (timer !== undefined) clearTimeout(timer)
    this.expiryTimers.delete(token)
  }
}
