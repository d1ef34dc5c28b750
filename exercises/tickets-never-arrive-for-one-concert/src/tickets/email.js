import { formatStart } from '../events/catalogue';
import { collapseWhitespace, slugify } from '../text';

/** The e-mail a buyer receives once their order is paid: one wallet link per ticket and the PDF. */
export function ticketEmail(order, event, passLinks) {
  const title = collapseWhitespace(event.title);
  const lines = [
    `Hi ${order.buyerName},`,
    '',
    `Here are your ${order.tickets.length === 1 ? 'ticket' : `${order.tickets.length} tickets`} for ${title}.`,
    `${event.venue}, ${formatStart(event)}`,
    '',
    ...order.tickets.map((ticket, i) => `Seat ${ticket.seat}: ${passLinks[i]}`),
    '',
    'Doors open 45 minutes before the start. Bring your ticket on your phone or printed.',
  ];
  return {
    to: order.buyerEmail,
    subject: `Your tickets for ${title}`,
    text: lines.join('\n'),
    attachment: `tickets-${slugify(title)}-${order.id}.pdf`,
  };
}
