import { type LatLng, isValidPosition } from '../geo';

export type Vehicle = 'bike' | 'scooter' | 'car';
export type CourierStatus = 'idle' | 'offered' | 'delivering' | 'off-shift';

export type Courier = {
  id: string;
  name: string;
  vehicle: Vehicle;
  /** Average customer rating, 1.00 to 5.00. */
  rating: number;
  status: CourierStatus;
  position: LatLng;
  lastPingAt: number;
};

/** The couriers on shift, as the courier app last reported them. */
export class Fleet {
  private readonly couriers = new Map<string, Courier>();

  clockIn(courier: Omit<Courier, 'status'>): void {
    if (courier.rating < 1 || courier.rating > 5) throw new RangeError(`rating of ${courier.id} out of range: ${courier.rating}`);
    if (!isValidPosition(courier.position)) throw new RangeError(`bad position for ${courier.id}`);
    this.couriers.set(courier.id, { ...courier, status: 'idle' });
  }

  ping(courierId: string, position: LatLng, at: number): void {
    const courier = this.require(courierId);
    if (!isValidPosition(position)) throw new RangeError(`bad position for ${courierId}`);
    courier.position = position;
    courier.lastPingAt = at;
  }

  setStatus(courierId: string, status: CourierStatus): void {
    this.require(courierId).status = status;
  }

  get(courierId: string): Courier | undefined {
    return this.couriers.get(courierId);
  }

  all(): Courier[] {
    return [...this.couriers.values()];
  }

  private require(courierId: string): Courier {
    const courier = this.couriers.get(courierId);
    if (!courier) throw new Error(`unknown courier ${courierId}`);
    return courier;
  }
}
