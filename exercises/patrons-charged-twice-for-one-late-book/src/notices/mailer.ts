export type Email = { to: string; subject: string; body: string }

/** Outgoing mail; the real one hands messages to the council's mail relay. */
export class Mailer {
  readonly sent: Email[] = []
  private readonly addresses: Map<string, string>

  constructor(addresses: Record<string, string>) {
    this.addresses = new Map(Object.entries(addresses))
  }

  send(patronId: string, subject: string, body: string): boolean {
    const to = this.addresses.get(patronId)
    if (!to) return false
    this.sent.push({ to, subject, body })
    return true
  }
}
