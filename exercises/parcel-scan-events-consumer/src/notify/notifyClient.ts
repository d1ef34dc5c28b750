// Client of Notify, the messaging team's service: it sends the customer an SMS or a push
// message from a template. It belongs to the messaging team: keep this interface.
import type { NotificationTemplate } from '../scans/scanEvents'

export type NotificationRequest = {
  parcelId: string
  template: NotificationTemplate
  /** The scan the message is about; support looks it up when a customer calls. */
  scanId: string
}

export interface NotifyClient {
  /**
   * Sends the message. Every call that returns sends one message: Notify keeps no memory of
   * what it sent, so two calls for the same scan send two SMS.
   */
  send(request: NotificationRequest): Promise<void>
}

/** Notify could not take the request (503, a timeout, a reset before it answered). Nothing was sent. */
export class NotifyUnavailableError extends Error {
  override name = 'NotifyUnavailableError'
}
