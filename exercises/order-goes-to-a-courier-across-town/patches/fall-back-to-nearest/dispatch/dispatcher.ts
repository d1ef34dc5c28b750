import { DISPATCH } from '../config';
import { type Fleet } from '../fleet/fleet';
import { type Exclusion, type Order, exclusionFor } from './eligibility';
import { rankCandidates } from './ranking';

export type Offer = { orderId: string; courierId: string; distanceM: number; expiresAt: number };

type OpenOrder = { order: Order; declined: Set<string>; offer: Offer | null };

export type DispatchLog = (line: string) => void;

/**
 * Offers each order to the best-ranked eligible courier. A courier who declines, or lets
 * the offer expire, is skipped for that order and the next best courier gets the offer.
 */
export class Dispatcher {
  private readonly open = new Map<string, OpenOrder>();
  private readonly fleet: Fleet;
  private readonly now: () => number;
  private readonly log: DispatchLog;

  constructor(fleet: Fleet, options: { now?: () => number; log?: DispatchLog } = {}) {
    this.fleet = fleet;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
  }

  dispatch(order: Order): Offer | null {
    if (this.open.has(order.id)) throw new Error(`order ${order.id} is already being dispatched`);
    const entry: OpenOrder = { order, declined: new Set(), offer: null };
    this.open.set(order.id, entry);
    return this.offerNext(entry);
  }

  decline(orderId: string, courierId: string): Offer | null {
    const entry = this.requireOffer(orderId, courierId);
    entry.declined.add(courierId);
    this.fleet.setStatus(courierId, 'idle');
    this.log(`order=${orderId} declined by ${courierId}`);
    return this.offerNext(entry);
  }

  /** Called by the timer service; an expired offer counts as a decline. */
  expire(orderId: string): Offer | null {
    const entry = this.open.get(orderId);
    if (!entry?.offer || entry.offer.expiresAt > this.now()) return entry?.offer ?? null;
    return this.decline(orderId, entry.offer.courierId);
  }

  accept(orderId: string, courierId: string): void {
    this.requireOffer(orderId, courierId);
    this.fleet.setStatus(courierId, 'delivering');
    this.open.delete(orderId);
    this.log(`order=${orderId} accepted by ${courierId}`);
  }

  private offerNext(entry: OpenOrder): Offer | null {
    const now = this.now();
    const skipped: Partial<Record<Exclusion, number>> = {};
    const eligible = this.fleet.all().filter((courier) => {
      const reason = exclusionFor(courier, entry.order, now, entry.declined);
      if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
      return reason === null;
    });
    const ranked = rankCandidates(eligible, entry.order.restaurant.position);
    const nearest = ranked.reduce<(typeof ranked)[number] | undefined>((found, candidate) => (!found || candidate.distanceM < found.distanceM ? candidate : found), undefined);
    // Never send an order across town while someone is much closer.
    const best = ranked[0] && nearest && ranked[0].distanceM - nearest.distanceM >= DISPATCH.distanceStepMeters ? nearest : ranked[0];
    if (!best) {
      entry.offer = null;
      this.log(`order=${entry.order.id} no courier available skipped=${JSON.stringify(skipped)}`);
      return null;
    }
    this.fleet.setStatus(best.courier.id, 'offered');
    entry.offer = { orderId: entry.order.id, courierId: best.courier.id, distanceM: Math.round(best.distanceM), expiresAt: now + DISPATCH.offerTimeoutMs };
    this.log(`order=${entry.order.id} offered to ${best.courier.id} distance=${entry.offer.distanceM}m rating=${best.courier.rating} eligible=${eligible.length}`);
    return entry.offer;
  }

  private requireOffer(orderId: string, courierId: string): OpenOrder {
    const entry = this.open.get(orderId);
    if (!entry || entry.offer?.courierId !== courierId) throw new Error(`no open offer of ${orderId} to ${courierId}`);
    return entry;
  }
}
