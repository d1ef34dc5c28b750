import type { BatchResult, IngestService } from './ingest';
import type { Reading } from './types';

/**
 * Electricians' repair tool: when a gateway was offline, they download the meter's
 * local memory as CSV (meterId,intervalStart,value,unit) and load it here. Intervals
 * that did arrive through the gateway are skipped as duplicates.
 */
export async function backfillFromCsv(ingest: IngestService, csv: string): Promise<BatchResult> {
  const lines = csv.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const header = lines.shift();
  if (header !== 'meterId,intervalStart,value,unit') throw new Error(`unexpected CSV header: ${header}`);
  const readings: Reading[] = lines.map((line, index) => {
    const [meterId, intervalStart, value, unit] = line.split(',');
    if (unit !== 'Wh' && unit !== 'kWh') throw new Error(`line ${index + 2}: unknown unit ${unit}`);
    return { meterId: meterId ?? '', intervalStart: intervalStart ?? '', value: Number(value), unit };
  });
  return ingest.ingestBatch(readings);
}
