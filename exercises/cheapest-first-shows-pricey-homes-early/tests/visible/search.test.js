import { describe, it, expect } from 'vitest';
import { ListingStore } from '../../src/feed/listing-store';
import { createSearch } from '../../src/search/search-service';

// Nightly feed of Harbour & Co, one of the agencies with listings in Riverside.
const harbourFeed = [
  { ref: 'R-101', type: 'flat', district: 'Riverside', beds: '2', area_m2: '68', listed: '2026-01-02', price: '329000', title: 'Bright flat by the quay' },
  { ref: 'R-109', type: 'house', district: 'Riverside', beds: '4', area_m2: '265', listed: '2025-12-08', price: 'POA', title: 'Converted water mill' },
  { ref: 'R-110', type: 'flat', district: 'Riverside', beds: '2', area_m2: '63', listed: '2025-12-27', price: '289000', title: 'Two-bed near the park' },
  { ref: 'R-105', type: 'house', district: 'Riverside', beds: '6', area_m2: '410', listed: '2025-12-29', price: 'POA', title: 'Waterfront estate' },
  { ref: 'R-106', type: 'flat', district: 'Riverside', beds: '3', area_m2: '97', listed: '2025-12-05', price: '419000', title: 'Family flat, top floor' },
  { ref: 'R-107', type: 'studio', district: 'Riverside', beds: '0', area_m2: '29', listed: '2025-12-22', price: '159000', title: 'Studio near the station' },
  { ref: 'R-103', type: 'flat', district: 'Riverside', beds: '1', area_m2: '44', listed: '2026-01-04', price: '214500', title: 'Compact one-bed' },
  { ref: 'R-108', type: 'flat', district: 'Riverside', beds: '2', area_m2: '75', listed: '2025-12-11', price: '349000', title: 'Two-bed with balcony' },
  { ref: 'R-102', type: 'house', district: 'Riverside', beds: '5', area_m2: '240', listed: '2025-12-18', price: '1240000', title: 'Detached villa with garden' },
  { ref: 'R-104', type: 'townhouse', district: 'Riverside', beds: '3', area_m2: '121', listed: '2025-11-30', price: '565000', title: 'Townhouse on Mill Lane' },
  { ref: 'O-201', type: 'flat', district: 'Old Town', beds: '2', area_m2: '70', listed: '2025-12-30', price: '389000', title: 'Old Town two-bed' },
  { ref: 'O-202', type: 'house', district: 'Old Town', beds: '4', area_m2: '180', listed: '2025-12-01', price: '870000', title: 'Merchant house' },
  { ref: 'O-203', type: 'studio', district: 'Old Town', beds: '0', area_m2: '31', listed: '2026-01-03', price: '182000', title: 'Studio under the roofs' },
];

function portal() {
  const store = new ListingStore();
  const report = store.importFeed('harbour', harbourFeed);
  return { store, report, search: createSearch(store) };
}

const prices = (response) => response.results.map((card) => card.price);

describe('search results page', () => {
  it('lists Riverside homes from cheapest to dearest', () => {
    const { search } = portal();
    const response = search({ district: 'Riverside', sort: 'price-asc' });
    expect(prices(response)).toEqual([
      '€159,000',
      '€214,500',
      '€289,000',
      '€329,000',
      '€349,000',
      '€419,000',
      '€565,000',
      '€1,240,000',
      'Price on request',
      'Price on request',
    ]);
  });

  it('lists Old Town homes from cheapest to dearest', () => {
    const { search } = portal();
    expect(prices(search({ district: 'Old Town', sort: 'price-asc' }))).toEqual(['€182,000', '€389,000', '€870,000']);
  });

  it('lists the newest listings first by default', () => {
    const { search } = portal();
    const response = search({ district: 'Riverside' });
    expect(response.results.map((card) => card.listedOn).slice(0, 3)).toEqual(['2026-01-04', '2026-01-02', '2025-12-29']);
    expect(response.total).toBe(10);
  });

  it('leaves out listings with the price on request when a maximum price is set', () => {
    const { search } = portal();
    const response = search({ district: 'Riverside', maxPrice: '400000', sort: 'price-desc' });
    expect(prices(response)).toEqual(['€349,000', '€329,000', '€289,000', '€214,500', '€159,000']);
  });

  it('shows the card facts agents asked for', () => {
    const { search, report } = portal();
    expect(report).toEqual({ imported: 13, rejected: [] });
    expect(search({ district: 'Riverside', type: 'studio' }).results).toEqual([
      { id: 'harbour:R-107', title: 'Studio near the station', price: '€159,000', facts: 'studio · 29 m² · Riverside', listedOn: '2025-12-22' },
    ]);
  });
});
