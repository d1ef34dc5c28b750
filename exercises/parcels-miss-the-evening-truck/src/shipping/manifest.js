import { SERVICES } from './parcels';

/**
 * The manifest the driver signs: labelled parcels grouped by service, in the order the
 * carrier's depot unloads them (pallets first, then express, then standard).
 */
export function buildManifest(run, { depot, date }) {
  const order = ['pallet', 'express', 'standard'].filter((service) => SERVICES.includes(service));
  const lines = [`MANIFEST ${depot} ${date}`, `parcels: ${run.labelled.length}`];
  for (const service of order) {
    const parcels = run.labelled.filter((entry) => entry.service === service);
    if (parcels.length === 0) continue;
    lines.push(`-- ${service} (${parcels.length})`);
    for (const entry of parcels) lines.push(`${entry.trackingNumber} ${entry.parcelId} ${entry.address.postcode} ${entry.address.city}`);
  }
  if (run.held.length > 0) lines.push(`held back: ${run.held.map((entry) => entry.parcelId).join(', ')}`);
  return lines.join('\n');
}
