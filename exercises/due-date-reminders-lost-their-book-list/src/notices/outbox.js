/** Outgoing e-mail. In-memory here; production hands messages to the mail relay. */
export function createOutbox() {
  const sent = []
  return {
    /** @param {{ to: string, subject: string, body: string }} message */
    send(message) {
      if (!/^[^@\s]+@[^@\s]+$/.test(message.to)) throw new Error(`invalid address ${message.to}`)
      sent.push({ ...message, sentAt: new Date().toISOString() })
    },
    sent: () => sent.map((message) => ({ ...message })),
  }
}
