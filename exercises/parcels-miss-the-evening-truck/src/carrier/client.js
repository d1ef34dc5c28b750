/**
 * Client for the carrier's shipping API (ParcelLink v1). Every method is one HTTP request.
 * The carrier allows 60 requests per minute per account, across all endpoints; over that it
 * answers 429 with a Retry-After, which this client waits out before trying again.
 *
 *   validateAddress(address)      one address  -> { status: 'valid', address } | { status: 'rejected', reason }
 *   validateAddresses(requests)   up to 100 { reference, address } -> { results: [{ reference, status, address?, reason? }] }
 *                                 (results are keyed by reference; their order is not guaranteed)
 *   createLabels(shipments)       up to 50 shipments -> { labels: [{ reference, trackingNumber }] }
 */
export const MAX_ADDRESSES_PER_REQUEST = 100;
export const MAX_LABELS_PER_REQUEST = 50;
const MAX_ATTEMPTS = 20;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class CarrierError extends Error {
  constructor(status, message) {
    super(`carrier answered ${status}: ${message}`);
    this.name = 'CarrierError';
    this.status = status;
  }
}

export function createCarrierClient({ transport, apiKey, log }) {
  async function request(method, path, body) {
    for (let attempt = 1; ; attempt++) {
      const response = await transport({ method, path, headers: { authorization: `Bearer ${apiKey}` }, body });
      if (response.status === 429 && attempt < MAX_ATTEMPTS) {
        const waitSeconds = Number(response.headers?.['retry-after'] ?? 1);
        log.warn('carrier rate limit', { path, waitSeconds, attempt });
        await sleep(waitSeconds * 1000);
        continue;
      }
      if (response.status >= 400) throw new CarrierError(response.status, response.body?.error ?? 'request failed');
      return response.body;
    }
  }

  return {
    validateAddress(address) {
      return request('POST', '/v1/addresses/validate', { address });
    },
    validateAddresses(requests) {
      if (requests.length > MAX_ADDRESSES_PER_REQUEST) throw new RangeError(`at most ${MAX_ADDRESSES_PER_REQUEST} addresses per request`);
      return request('POST', '/v1/addresses/validate-batch', { requests });
    },
    createLabels(shipments) {
      if (shipments.length > MAX_LABELS_PER_REQUEST) throw new RangeError(`at most ${MAX_LABELS_PER_REQUEST} labels per request`);
      return request('POST', '/v1/labels', { shipments });
    },
  };
}
