export type ParcelStatus = 'picked-up' | 'in-transit' | 'with-partner' | 'out-for-delivery' | 'delivery-failed' | 'delivered';

/** Our own network's codes, and each delivery partner's codes, mapped to the status customers see. */
const CODES: Record<string, Record<string, ParcelStatus>> = {
  own: {
    PICKED_UP: 'picked-up',
    AT_HUB: 'in-transit',
    DEPARTED_HUB: 'in-transit',
    HANDED_TO_PARTNER: 'with-partner',
    OUT_FOR_DELIVERY: 'out-for-delivery',
    DELIVERY_FAILED: 'delivery-failed',
    DELIVERED: 'delivered',
  },
  swiftlast: {
    SL_ACCEPTED: 'with-partner',
    SL_ON_VAN: 'out-for-delivery',
    SL_NOT_HOME: 'delivery-failed',
    SL_DELIVERED: 'delivered',
  },
};

export function statusFor(carrier: string, code: string): ParcelStatus | undefined {
  return CODES[carrier]?.[code];
}

export const STATUS_TEXT: Record<ParcelStatus, string> = {
  'picked-up': 'Picked up',
  'in-transit': 'On its way',
  'with-partner': 'With our delivery partner',
  'out-for-delivery': 'Out for delivery',
  'delivery-failed': 'We missed you',
  delivered: 'Delivered',
};
