import type { EventHub } from '../hub/eventHub'
import { roomTopic, type RoomEvent } from './types'

export const MAX_MESSAGE_LENGTH = 2000

// Fans chat messages and presence changes out to everyone in a room.
export class ChatRooms {
  private readonly hub: EventHub
  private seq = 0

  constructor(hub: EventHub) {
    this.hub = hub
  }

  post(room: string, from: string, text: string): number {
    const trimmed = text.trim()
    if (trimmed.length === 0) return 0
    const event: RoomEvent = {
      type: 'message',
      seq: ++this.seq,
      from,
      text: trimmed.slice(0, MAX_MESSAGE_LENGTH),
      sentAt: new Date().toISOString(),
    }
    return this.hub.publish(roomTopic(room), event)
  }

  announce(room: string, userId: string, status: 'joined' | 'left'): number {
    const event: RoomEvent = { type: 'presence', userId, status }
    return this.hub.publish(roomTopic(room), event)
  }
}
