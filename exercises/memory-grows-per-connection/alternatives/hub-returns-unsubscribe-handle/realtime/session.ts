import type { EventHub } from '../hub/eventHub'
import { roomTopic, type ClientSocket, type RoomEvent } from './types'

// One logged-in client. A session outlives its socket: when the connection
// drops, the session is detached and can be resumed (with its rooms) by a new
// socket presenting the same resume token.
export class Session {
  readonly userId: string
  readonly resumeToken: string
  private readonly hub: EventHub
  private readonly rooms = new Set<string>()
  private readonly subscriptions = new Map<string, () => boolean>()
  private socket: ClientSocket | null = null
  private disposed = false

  constructor(hub: EventHub, userId: string, resumeToken: string) {
    this.hub = hub
    this.userId = userId
    this.resumeToken = resumeToken
  }

  get attached(): boolean {
    return this.socket !== null
  }

  isAttachedTo(socket: ClientSocket): boolean {
    return this.socket !== null && this.socket.id === socket.id
  }

  get joinedRooms(): string[] {
    return [...this.rooms]
  }

  attach(socket: ClientSocket): void {
    if (this.disposed) throw new Error(`session ${this.resumeToken} has been disposed`)
    if (this.socket) this.detach()
    this.socket = socket
    for (const room of this.rooms) this.listen(room)
    this.send({ type: 'ready', resumeToken: this.resumeToken, rooms: this.joinedRooms })
  }

  detach(): void {
    if (!this.socket) return
    for (const room of this.rooms) this.stopListening(room)
    this.socket = null
  }

  join(room: string): void {
    if (this.rooms.has(room)) return
    this.rooms.add(room)
    if (this.socket) this.listen(room)
  }

  leave(room: string): void {
    if (!this.rooms.delete(room)) return
    if (this.socket) this.stopListening(room)
  }

  dispose(): void {
    this.detach()
    this.rooms.clear()
    this.disposed = true
  }

  send(frame: object): void {
    this.socket?.send(JSON.stringify(frame))
  }

  private listen(room: string): void {
    if (this.subscriptions.has(room)) return
    this.subscriptions.set(room, this.hub.subscribe(roomTopic(room), this.onRoomEvent.bind(this, room)))
  }

  private stopListening(room: string): void {
    const unsubscribe = this.subscriptions.get(room)
    this.subscriptions.delete(room)
    unsubscribe?.()
  }

  private onRoomEvent(room: string, event: RoomEvent): void {
    if (event.type === 'presence' && event.userId === this.userId) return
    this.send({ room, ...event })
  }
}
