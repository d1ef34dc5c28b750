import { sleep } from '../infra/latency';

export type FraudVerdict = 'approve' | 'decline';

export type FraudCheck = { customerId: string; email: string; amountCents: number };

/** Client for the external fraud screening provider. */
export class FraudScreen {
  private readonly blockedEmails: Set<string>;
  private readonly latencyMs: number;
  private readonly reviewAboveCents: number;

  constructor(options: { blockedEmails?: string[]; latencyMs: number; reviewAboveCents?: number }) {
    this.blockedEmails = new Set((options.blockedEmails ?? []).map((email) => email.toLowerCase()));
    this.latencyMs = options.latencyMs;
    this.reviewAboveCents = options.reviewAboveCents ?? 500_000;
  }

  async assess(check: FraudCheck): Promise<FraudVerdict> {
    await sleep(this.latencyMs);
    if (this.blockedEmails.has(check.email.toLowerCase())) return 'decline';
    if (check.amountCents > this.reviewAboveCents) return 'decline';
    return 'approve';
  }
}
