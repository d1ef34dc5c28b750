import { sleep } from '../infra/latency';

export type PriceQuote = { sku: string; quantity: number; unitPriceCents: number };

export type PriceList = Record<string, { unitPriceCents: number; tiers?: { minQuantity: number; unitPriceCents: number }[] }>;

export class PricingUnavailableError extends Error {
  constructor(sku: string) {
    super(`no price available for ${sku}`);
    this.name = 'PricingUnavailableError';
  }
}

/** Client for the pricing service, which knows list prices and volume tiers. */
export class PricingClient {
  private readonly prices: PriceList;
  private readonly latencyMs: number;

  constructor(prices: PriceList, latencyMs: number) {
    this.prices = prices;
    this.latencyMs = latencyMs;
  }

  async quote(sku: string, quantity: number): Promise<PriceQuote> {
    await sleep(this.latencyMs);
    const price = this.prices[sku];
    if (!price) throw new PricingUnavailableError(sku);
    let unitPriceCents = price.unitPriceCents;
    for (const tier of price.tiers ?? []) {
      if (quantity >= tier.minQuantity && tier.unitPriceCents < unitPriceCents) unitPriceCents = tier.unitPriceCents;
    }
    return { sku, quantity, unitPriceCents };
  }
}
