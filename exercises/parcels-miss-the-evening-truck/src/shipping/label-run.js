import { MAX_LABELS_PER_REQUEST } from '../carrier/client';
import { AddressRejected } from './address-book';
import { ParcelError, checkParcel } from './parcels';

function chunks(items, size) {
  const result = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * The end-of-day label run: checks every parcel packed today, gets its label address from
 * the carrier, and buys the labels in batches. Parcels that cannot be labelled are held
 * back with a reason for the morning shift; the others go on the evening truck.
 */
export async function runLabelRun({ parcels, addressBook, carrier, log }) {
  const startedAt = Date.now();
  log.info('label run started', { parcels: parcels.length });
  const held = [];
  const ready = [];

  for (const parcel of parcels) {
    try {
      checkParcel(parcel);
      const address = await addressBook.labelAddress(parcel);
      ready.push({ parcel, address });
    } catch (error) {
      if (error instanceof ParcelError) held.push({ parcelId: parcel.id, reason: 'invalid-parcel', detail: error.message });
      else if (error instanceof AddressRejected) held.push({ parcelId: parcel.id, reason: 'address-rejected', detail: error.reason });
      else throw error;
    }
  }

  const labelled = [];
  for (const batch of chunks(ready, MAX_LABELS_PER_REQUEST)) {
    const shipments = batch.map(({ parcel, address }) => ({
      reference: parcel.id,
      service: parcel.service,
      weightGrams: parcel.weightGrams,
      to: address,
    }));
    const { labels } = await carrier.createLabels(shipments);
    const tracking = new Map(labels.map((label) => [label.reference, label.trackingNumber]));
    for (const { parcel, address } of batch) {
      labelled.push({ parcelId: parcel.id, service: parcel.service, trackingNumber: tracking.get(parcel.id), address });
    }
  }

  const seconds = Math.round((Date.now() - startedAt) / 1000);
  log.info('label run done', { parcels: parcels.length, labelled: labelled.length, held: held.length, seconds });
  return { labelled, held, seconds };
}
