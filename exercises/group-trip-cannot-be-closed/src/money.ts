/** Amounts are kept in whole euro cents everywhere in the app. */
export type Cents = number;

const AMOUNT = /^(\d{1,6})(?:[.,](\d{1,2}))?$/;

/** Parses what people type in the amount field ("12", "12.5", "12,50") into cents. */
export function parseAmount(text: string): Cents {
  const match = AMOUNT.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not an amount`);
  const [, euros, fraction = ''] = match as unknown as [string, string, string | undefined];
  return Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
}

export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}€${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a whole number of cents, got ${value}`);
}
