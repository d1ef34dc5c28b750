import type { IngestService } from '../metering/ingest';
import type { Reading } from '../metering/types';

export type EndpointResponse = { status: 202 | 400; body: unknown };

type GatewayBatch = { gatewayId: string; sentAt: string; readings: Reading[] };

function isBatch(body: unknown): body is GatewayBatch {
  if (typeof body !== 'object' || body === null) return false;
  const batch = body as Partial<GatewayBatch>;
  return typeof batch.gatewayId === 'string' && typeof batch.sentAt === 'string' && Array.isArray(batch.readings);
}

/**
 * POST /gateways/batches: each floor gateway posts the quarter hour's readings of its
 * meters right after the interval closes. Requests from different gateways are served
 * concurrently.
 */
export function createGatewayEndpoint(ingest: IngestService) {
  let last: Promise<unknown> = Promise.resolve();
  return {
    async post(body: unknown): Promise<EndpointResponse> {
      if (!isBatch(body)) return { status: 400, body: { error: 'expected { gatewayId, sentAt, readings[] }' } };
      const readings = body.readings;
      const run = last.then(() => ingest.ingestBatch(readings));
      last = run.catch(() => undefined);
      const result = await run;
      return { status: 202, body: { gatewayId: body.gatewayId, ...result } };
    },
  };
}
