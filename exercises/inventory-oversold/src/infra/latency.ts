/** Resolves after `ms` milliseconds: how the in-memory doubles imitate a network round trip. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type Latency = {
  /** One round trip to the inventory database. */
  stockMs: number;
  /** One call to the pricing service. */
  pricingMs: number;
  /** One call to the fraud screening provider. */
  fraudMs: number;
};

// Medians measured in production last quarter.
export const PRODUCTION_LATENCY: Latency = { stockMs: 3, pricingMs: 35, fraudMs: 120 };
