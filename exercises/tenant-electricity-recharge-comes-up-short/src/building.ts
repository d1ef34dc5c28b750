import { createGatewayEndpoint } from './api/gateway-endpoint';
import { AssetRegistry } from './metering/asset-registry';
import { IngestService, UsageLedger } from './metering/ingest';
import { MeterLog } from './metering/meter-log';

/** Wires the sub-metering service for one building, as production does (in-memory stores). */
export function createBuilding(timeZone = 'Europe/Oslo') {
  const registry = new AssetRegistry();
  const ledger = new UsageLedger();
  const meterLog = new MeterLog();
  const ingest = new IngestService({ registry, ledger, meterLog, timeZone });
  const endpoint = createGatewayEndpoint(ingest);
  return { registry, ledger, meterLog, ingest, endpoint };
}
