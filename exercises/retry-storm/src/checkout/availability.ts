import type { InventoryClient } from '../inventory/inventoryClient';

export type CartLine = { sku: string; quantity: number };

export type LineAvailability = { sku: string; requested: number; available: number; enough: boolean };

export type AvailabilityResult =
  | { status: 'ok' | 'insufficient-stock'; lines: LineAvailability[] }
  /** Inventory could not be reached: checkout shows "We couldn't check stock right now". */
  | { status: 'inventory-unavailable'; lines: [] };

/** The stock check that runs when a shopper opens the checkout page. */
export async function checkAvailability(cart: readonly CartLine[], inventory: InventoryClient): Promise<AvailabilityResult> {
  try {
    const levels = await Promise.all(cart.map((line) => inventory.getStockLevel(line.sku)));
    const lines = cart.map((line, index) => {
      const available = (levels[index] as { available: number }).available;
      return { sku: line.sku, requested: line.quantity, available, enough: available >= line.quantity };
    });
    return { status: lines.every((line) => line.enough) ? 'ok' : 'insufficient-stock', lines };
  } catch {
    return { status: 'inventory-unavailable', lines: [] };
  }
}
