// A stand-in for the carrier's API, with its rate limit: 60 requests per minute per account.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function normalise(address) {
  return {
    name: address.name.trim(),
    street: address.street.trim().replace(/\s+/g, ' '),
    postcode: address.postcode.replace(/\s+/g, '').toUpperCase(),
    city: address.city.trim().toUpperCase(),
    country: address.country.toUpperCase(),
  };
}

export function fakeCarrier({ unknownPostcodes = [], latencyMs = 120 } = {}) {
  const requests = [];
  let windowStart = -Infinity;
  let used = 0;
  let tracking = 0;

  function validate(address) {
    const normalised = normalise(address);
    if (unknownPostcodes.includes(normalised.postcode)) return { status: 'rejected', reason: `postcode ${normalised.postcode} does not exist` };
    return { status: 'valid', address: normalised };
  }

  async function transport({ path, body }) {
    await sleep(latencyMs);
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      used = 0;
    }
    requests.push({ path, at: now });
    if (used >= 60) {
      return { status: 429, headers: { 'retry-after': String(Math.ceil((windowStart + 60_000 - now) / 1000)) }, body: { error: 'rate limit exceeded' } };
    }
    used++;
    if (path === '/v1/addresses/validate') return { status: 200, body: validate(body.address) };
    if (path === '/v1/addresses/validate-batch') {
      if (body.requests.length > 100) return { status: 400, body: { error: 'at most 100 addresses' } };
      const results = body.requests.map(({ reference, address }) => ({ reference, ...validate(address) }));
      results.sort((a, b) => (a.address?.postcode ?? '').localeCompare(b.address?.postcode ?? '') || a.reference.localeCompare(b.reference));
      return { status: 200, body: { results } };
    }
    if (path === '/v1/labels') {
      if (body.shipments.length > 50) return { status: 400, body: { error: 'at most 50 labels' } };
      const labels = body.shipments.map((shipment) => ({ reference: shipment.reference, trackingNumber: `PL${String(++tracking).padStart(9, '0')}` }));
      return { status: 200, body: { labels } };
    }
    return { status: 404, body: { error: `no route ${path}` } };
  }

  return { transport, requests };
}
