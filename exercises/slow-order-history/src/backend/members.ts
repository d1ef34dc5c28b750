import { type BackendMeter, roundTrip } from './meter';

/** A person who can place orders on a (household or business) account. */
export type Member = {
  id: string;
  accountId: string;
  name: string;
  email: string;
};

/** The accounts API rejects batch requests with more ids than this. */
export const MEMBERS_MAX_BATCH = 100;

/** Client for the accounts service. Every method call is one backend round trip. */
export class MembersClient {
  private readonly membersById: Map<string, Member>;
  private readonly meter: BackendMeter;

  constructor(members: readonly Member[], meter: BackendMeter) {
    this.membersById = new Map(members.map((member) => [member.id, member]));
    this.meter = meter;
  }

  /** GET /members/{id}: the member, or null when unknown (members can be removed from an account). */
  async getById(id: string): Promise<Member | null> {
    this.meter.record('accounts.getMember');
    await roundTrip();
    return this.membersById.get(id) ?? null;
  }

  /**
   * GET /members?ids=...: up to MEMBERS_MAX_BATCH members in one request. Unknown ids are
   * left out; the result is in no particular order.
   */
  async getMany(ids: readonly string[]): Promise<Member[]> {
    if (ids.length > MEMBERS_MAX_BATCH) {
      throw new RangeError(`accounts: at most ${MEMBERS_MAX_BATCH} ids per request, got ${ids.length}`);
    }
    this.meter.record('accounts.getMembers');
    await roundTrip();
    const found: Member[] = [];
    for (const id of new Set(ids)) {
      const member = this.membersById.get(id);
      if (member) found.push(member);
    }
    return found.reverse();
  }
}
