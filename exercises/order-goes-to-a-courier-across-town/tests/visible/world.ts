import { Fleet, type Vehicle } from '../../src/fleet/fleet';
import { type LatLng } from '../../src/geo';

export const START = Date.parse('2026-01-05T11:30:00.000Z');

/** A point `meters` away from `origin`, in the direction `bearing` (degrees from north). */
export function offset(origin: LatLng, meters: number, bearing: number): LatLng {
  const radians = (bearing * Math.PI) / 180;
  const metersPerDegree = (6_371_000 * Math.PI) / 180;
  return {
    lat: origin.lat + (meters * Math.cos(radians)) / metersPerDegree,
    lng: origin.lng + (meters * Math.sin(radians)) / (metersPerDegree * Math.cos((origin.lat * Math.PI) / 180)),
  };
}

export type CourierSpec = { id: string; meters: number; bearing?: number; rating: number; vehicle?: Vehicle; pingAgeMs?: number };

export function fleetAround(origin: LatLng, couriers: CourierSpec[], now = START): Fleet {
  const fleet = new Fleet();
  for (const spec of couriers) {
    fleet.clockIn({
      id: spec.id,
      name: spec.id,
      vehicle: spec.vehicle ?? 'bike',
      rating: spec.rating,
      position: offset(origin, spec.meters, spec.bearing ?? 0),
      lastPingAt: now - (spec.pingAgeMs ?? 5_000),
    });
  }
  return fleet;
}
