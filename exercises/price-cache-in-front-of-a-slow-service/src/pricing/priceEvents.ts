// price.changed events, published by PriceHub on the company's event bus (topic
// pricing.price-changed) when a price is committed in the ERP.

export type PriceChanged = {
  type: 'price.changed'
  sku: string
  /** The revision the price now has (see Price.version). */
  version: number
  /** When the change was committed, ms since the epoch (PriceHub's clock). */
  changedAt: number
}

export type PriceChangedHandler = (event: PriceChanged) => void | Promise<void>

export interface PriceFeed {
  /**
   * Subscribes a consumer group to the topic. From the platform team's guide: "Every group
   * receives every event. Consumers that subscribe with the same group share its events
   * between them, each event going to one of them: that is how a service scales out its
   * workers. By convention, a service subscribes under its own name."
   */
  subscribe(group: string, handler: PriceChangedHandler): void
}
