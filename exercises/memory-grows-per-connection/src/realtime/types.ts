// What the realtime layer needs from a websocket connection.
export interface ClientSocket {
  readonly id: string
  send(frame: string): void
  close(code?: number): void
}

export type RoomEvent =
  | { type: 'message'; seq: number; from: string; text: string; sentAt: string }
  | { type: 'presence'; userId: string; status: 'joined' | 'left' }

// Frames the client sends to the server.
export type ClientFrame =
  | { op: 'join'; room: string }
  | { op: 'leave'; room: string }
  | { op: 'say'; room: string; text: string }

export const roomTopic = (room: string) => `room:${room}`
