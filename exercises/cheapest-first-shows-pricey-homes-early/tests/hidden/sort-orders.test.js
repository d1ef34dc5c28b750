import { describe, it, expect } from 'vitest';
import { ListingStore } from '../../src/feed/listing-store';
import { createSearch, PAGE_SIZE } from '../../src/search/search-service';

// Deterministic shuffles, so every run checks the same feed orders.
function shuffler(seed) {
  let state = seed;
  const next = () => {
    state = (state * 16_807) % 2_147_483_647;
    return state / 2_147_483_647;
  };
  return (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
}

function row(ref, price, listed, extra = {}) {
  return { ref, type: 'flat', district: 'Eastport', beds: '2', area_m2: '70', listed, price: price === null ? 'POA' : String(price), title: `Listing ${ref}`, ...extra };
}

// 14 listings: two share a price, three have the price on request.
const EASTPORT = [
  row('E01', 310_000, '2025-12-01'),
  row('E02', 455_000, '2025-12-14'),
  row('E03', null, '2025-12-20'),
  row('E04', 198_000, '2025-11-15'),
  row('E05', 310_000, '2025-12-19'),
  row('E06', 1_750_000, '2025-10-02'),
  row('E07', null, '2025-11-02'),
  row('E08', 275_500, '2026-01-03'),
  row('E09', 640_000, '2025-12-28'),
  row('E10', 239_000, '2025-12-09'),
  row('E11', null, '2026-01-04'),
  row('E12', 389_000, '2025-11-21'),
  row('E13', 520_000, '2025-12-31'),
  row('E14', 205_000, '2025-12-23'),
];

const CHEAPEST_FIRST = ['E04', 'E14', 'E10', 'E08', 'E05', 'E01', 'E12', 'E02', 'E13', 'E09', 'E06', 'E11', 'E03', 'E07'];
const DEAREST_FIRST = ['E06', 'E09', 'E13', 'E02', 'E12', 'E05', 'E01', 'E08', 'E10', 'E14', 'E04', 'E11', 'E03', 'E07'];

function searchOver(rows) {
  const store = new ListingStore();
  store.importFeed('coastal', rows);
  return createSearch(store);
}

function allRefs(search, query) {
  const refs = [];
  for (let page = 1; ; page++) {
    const response = search({ ...query, page: String(page) });
    expect(response.status).toBe(200);
    refs.push(...response.results.map((card) => card.id.split(':')[1]));
    if (page >= response.pages) return refs;
  }
}

describe('sorting by price', () => {
  // Stated in src/search/search-service.js: "cheapest (or dearest) first; equal prices newest first"
  // Stated in src/search/search-service.js: "Price-on-request listings come after all priced ones, newest first."
  it('lists cheapest first, whatever order the feed came in', () => {
    const shuffle = shuffler(4_242);
    for (let round = 0; round < 40; round++) {
      expect(allRefs(searchOver(shuffle(EASTPORT)), { district: 'Eastport', sort: 'price-asc' })).toEqual(CHEAPEST_FIRST);
    }
  });

  // Stated in src/search/search-service.js: "cheapest (or dearest) first; equal prices newest first"
  // Stated in src/search/search-service.js: "Price-on-request listings come after all priced ones, newest first."
  it('lists dearest first, whatever order the feed came in', () => {
    const shuffle = shuffler(777);
    for (let round = 0; round < 40; round++) {
      expect(allRefs(searchOver(shuffle(EASTPORT)), { district: 'Eastport', sort: 'price-desc' })).toEqual(DEAREST_FIRST);
    }
  });

  // Stated in src/search/search-service.js: "equal prices newest first"
  it('puts the newer of two listings at the same price first', () => {
    const search = searchOver([row('P1', null, '2025-12-30'), row('P2', 300_000, '2025-12-01'), row('P3', 300_000, '2025-12-24'), row('P4', 150_000, '2025-12-31')]);
    expect(allRefs(search, { sort: 'price-asc' })).toEqual(['P4', 'P3', 'P2', 'P1']);
    expect(allRefs(search, { sort: 'price-desc' })).toEqual(['P3', 'P2', 'P4', 'P1']);
  });

  // Stated in src/search/search-service.js: "every page continuing the order of the previous one"
  it('continues the same order from one page to the next', () => {
    expect(PAGE_SIZE).toBeLessThan(CHEAPEST_FIRST.length);
    const search = searchOver(shuffler(99)(EASTPORT));
    const first = search({ district: 'Eastport', sort: 'price-asc' });
    const second = search({ district: 'Eastport', sort: 'price-asc', page: '2' });
    expect(first.pages).toBe(2);
    expect([...first.results, ...second.results].map((card) => card.id.split(':')[1])).toEqual(CHEAPEST_FIRST);
  });

  // Stated in src/search/search-service.js: "Price-on-request listings come after all priced ones, newest first."
  it('lists only price-on-request listings newest first', () => {
    const search = searchOver([row('Q1', null, '2025-12-01'), row('Q2', null, '2026-01-02'), row('Q3', null, '2025-12-15')]);
    expect(allRefs(search, { sort: 'price-asc' })).toEqual(['Q2', 'Q3', 'Q1']);
    expect(allRefs(search, { sort: 'price-desc' })).toEqual(['Q2', 'Q3', 'Q1']);
  });
});

describe('other sort orders', () => {
  // Stated in src/search/search-service.js: "largest: biggest floor area first; equal areas newest first."
  it('lists the largest homes first, whatever order the feed came in', () => {
    const rows = EASTPORT.map((listing, i) => ({ ...listing, area_m2: String(40 + ((i * 37) % 90)) }));
    const expected = rows
      .map((listing) => ({ ref: listing.ref, area: Number(listing.area_m2), listed: listing.listed }))
      .sort((a, b) => b.area - a.area || (a.listed < b.listed ? 1 : -1))
      .map((listing) => listing.ref);
    const shuffle = shuffler(5);
    for (let round = 0; round < 10; round++) {
      expect(allRefs(searchOver(shuffle(rows)), { sort: 'largest' })).toEqual(expected);
    }
  });
});
