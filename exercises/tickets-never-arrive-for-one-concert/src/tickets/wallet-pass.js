import { formatStart } from '../events/catalogue';
import { shorten } from '../text';

export const WALLET_BASE_URL = 'https://wallet.harbourtix.example/v2/pass';

// Field widths of the pass template (the phone wallet cuts anything longer mid-word).
export const PASS_TITLE_WIDTH = 32;
export const PASS_VENUE_WIDTH = 24;

function encodeQuery(params) {
  return Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/**
 * The "Add to wallet" link for one ticket. The wallet service renders the pass from the
 * query string alone, so every field is shortened to what the template can show.
 */
export function walletPassLink(ticket, event) {
  const query = encodeQuery({
    title: shorten(event.title, PASS_TITLE_WIDTH),
    venue: shorten(event.venue, PASS_VENUE_WIDTH),
    when: formatStart(event),
    seat: ticket.seat,
    barcode: ticket.barcode,
  });
  return `${WALLET_BASE_URL}?${query}`;
}
