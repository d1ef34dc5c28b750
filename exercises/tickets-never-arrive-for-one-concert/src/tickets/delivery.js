import { ticketEmail } from './email';
import { walletPassLink } from './wallet-pass';

/**
 * Runs after payment: builds the ticket e-mail for each paid order and hands it to the
 * mailer. One order's failure never stops the others; it is recorded on the order so
 * the box office can resend once the problem is fixed.
 */
export async function deliverPaidOrders(orders, { catalogue, mailer, log }) {
  const results = [];
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    try {
      const event = catalogue.get(order.eventId);
      const links = order.tickets.map((ticket) => walletPassLink(ticket, event));
      await mailer.send(ticketEmail(order, event, links));
      order.delivery = { status: 'sent', at: new Date().toISOString() };
      log.info(`order ${order.id} delivered ${order.tickets.length} ticket(s)`);
    } catch (error) {
      order.delivery = { status: 'failed', reason: `${error.name}: ${error.message}` };
      log.error(`order ${order.id} delivery failed: ${error.name}: ${error.message}`);
    }
    results.push({ orderId: order.id, ...order.delivery });
  }
  return results;
}

/** The box office's "resend tickets" button. */
export async function resendTickets(order, deps) {
  const [result] = await deliverPaidOrders([{ ...order, status: 'paid' }], deps);
  return result;
}
