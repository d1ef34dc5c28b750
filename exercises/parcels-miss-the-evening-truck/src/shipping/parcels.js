export const SERVICES = ['standard', 'express', 'pallet'];
const MAX_WEIGHT_GRAMS = { standard: 31_500, express: 31_500, pallet: 1_000_000 };

export class ParcelError extends Error {
  constructor(parcelId, message) {
    super(`parcel ${parcelId}: ${message}`);
    this.name = 'ParcelError';
    this.parcelId = parcelId;
  }
}

/** Checks what the warehouse system hands over before anything is sent to the carrier. */
export function checkParcel(parcel) {
  if (typeof parcel.id !== 'string' || !/^PCL-\d{6}$/.test(parcel.id)) throw new ParcelError(parcel.id, 'invalid id');
  if (!SERVICES.includes(parcel.service)) throw new ParcelError(parcel.id, `unknown service "${parcel.service}"`);
  if (!Number.isInteger(parcel.weightGrams) || parcel.weightGrams <= 0) throw new ParcelError(parcel.id, 'weight must be a positive number of grams');
  if (parcel.weightGrams > MAX_WEIGHT_GRAMS[parcel.service]) {
    throw new ParcelError(parcel.id, `${parcel.weightGrams / 1000} kg is over the ${MAX_WEIGHT_GRAMS[parcel.service] / 1000} kg limit of ${parcel.service}`);
  }
  if (typeof parcel.orderId !== 'string' || parcel.orderId === '') throw new ParcelError(parcel.id, 'no order');
  return parcel;
}
