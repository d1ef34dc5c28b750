// Money is held in whole euro cents (integers).
//
// Finance rule FIN-7 (agreed with the tax adviser), applied to each order line:
//   list price = unit price x quantity
//   discount   = discount % of the list price, rounded half up to the cent
//   net        = list price - discount
//   VAT        = VAT rate % of the net, rounded half up to the cent
//   gross      = net + VAT
// Invoice totals and VAT subtotals are sums of those per-line amounts. The customer is
// charged exactly the invoice total.

export type Cents = number;

/** Converts a price from the shop catalogue (euros, at most two decimals) to cents. */
export function toCents(euros: number): Cents {
  const cents = Math.round(euros * 100);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a money amount: ${euros}`);
  return cents;
}

/** `percent` % of `amount`, rounded half up to the cent. `percent` is a whole number. */
export function percentOf(amount: Cents, percent: number): Cents {
  if (!Number.isInteger(amount) || !Number.isInteger(percent)) {
    throw new RangeError(`percentOf needs whole cents and a whole percentage, got ${amount} and ${percent}`);
  }
  return Math.floor((amount * percent + 50) / 100);
}

/** `numerator / denominator` rounded half up to a whole number; both are whole and not negative. */
function divideHalfUp(numerator: number, denominator: number): Cents {
  const quotient = Math.trunc(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** One order line under FIN-7, in whole cents: what checkout charges and the invoice prints. */
export function fin7Line(unitPrice: number, quantity: number, discountPercent: number, vatRate: number): { net: Cents; vat: Cents } {
  const listPrice = toCents(unitPrice) * quantity;
  const net = listPrice - divideHalfUp(listPrice * discountPercent, 100);
  return { net, vat: divideHalfUp(net * vatRate, 100) };
}

export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}

/** 123456 -> "1,234.56" */
export function formatCents(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${euros}.${String(abs % 100).padStart(2, '0')}`;
}
