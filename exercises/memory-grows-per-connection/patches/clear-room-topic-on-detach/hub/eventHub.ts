// In-process publish/subscribe hub shared by every connection on this node.

export type Listener<T = unknown> = (payload: T, topic: string) => void

export type ListenerErrorHandler = (error: unknown, topic: string) => void

export class EventHub {
  private readonly topics = new Map<string, Set<Listener>>()
  private readonly onListenerError: ListenerErrorHandler

  constructor(onListenerError: ListenerErrorHandler = () => {}) {
    this.onListenerError = onListenerError
  }

  subscribe<T>(topic: string, listener: Listener<T>): void {
    let listeners = this.topics.get(topic)
    if (!listeners) {
      listeners = new Set()
      this.topics.set(topic, listeners)
    }
    listeners.add(listener as Listener)
  }

  // Returns false when the listener was not subscribed to the topic.
  unsubscribe<T>(topic: string, listener: Listener<T>): boolean {
    const listeners = this.topics.get(topic)
    if (!listeners || !listeners.delete(listener as Listener)) return false
    if (listeners.size === 0) this.topics.delete(topic)
    return true
  }

  // Returns how many listeners the payload was handed to.
  publish<T>(topic: string, payload: T): number {
    const listeners = this.topics.get(topic)
    if (!listeners) return 0
    let delivered = 0
    for (const listener of [...listeners]) {
      try {
        listener(payload, topic)
        delivered += 1
      } catch (error) {
        this.onListenerError(error, topic)
      }
    }
    return delivered
  }

  // Drops every listener of a topic; returns how many there were.
  clear(topic: string): number {
    const count = this.topics.get(topic)?.size ?? 0
    this.topics.delete(topic)
    return count
  }

  listenerCount(topic?: string): number {
    if (topic !== undefined) return this.topics.get(topic)?.size ?? 0
    let total = 0
    for (const listeners of this.topics.values()) total += listeners.size
    return total
  }

  topicCount(): number {
    return this.topics.size
  }
}
