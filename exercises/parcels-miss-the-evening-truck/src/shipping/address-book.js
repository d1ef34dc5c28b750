export class AddressRejected extends Error {
  constructor(parcelId, reason) {
    super(`address of parcel ${parcelId} rejected: ${reason}`);
    this.name = 'AddressRejected';
    this.reason = reason;
  }
}

/**
 * Delivery addresses of the shop's orders. Before an address goes on a label the carrier
 * validates it and returns it in its own normalised form (street spelling, postcode format),
 * which is what the label must carry.
 */
export class AddressBook {
  #addresses = new Map();
  #carrier;

  constructor(carrier) {
    this.#carrier = carrier;
  }

  add(orderId, address) {
    for (const field of ['name', 'street', 'postcode', 'city', 'country']) {
      if (typeof address[field] !== 'string' || address[field].trim() === '') throw new Error(`order ${orderId}: address has no ${field}`);
    }
    this.#addresses.set(orderId, { ...address });
  }

  deliveryAddress(orderId) {
    const address = this.#addresses.get(orderId);
    if (!address) throw new Error(`no delivery address for order ${orderId}`);
    return { ...address };
  }

  /** The carrier-normalised address to print on the parcel's label. */
  async labelAddress(parcel) {
    const result = await this.#carrier.validateAddress(this.deliveryAddress(parcel.orderId));
    if (result.status !== 'valid') throw new AddressRejected(parcel.id, result.reason);
    return result.address;
  }
}
