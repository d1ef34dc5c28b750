export type SmsMessage = {
  /** E.164 phone number. */
  to: string;
  body: string;
};

export type SmsReceipt = { messageId: string };

/**
 * Client of the SMS provider. send() resolves once the provider has accepted the
 * message for delivery; it rejects with SmsRejectedError (bad number, blocked) or with
 * any other error when the provider could not be reached.
 */
export type SmsGateway = {
  send(message: SmsMessage): Promise<SmsReceipt>;
};

export class SmsRejectedError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SmsRejectedError';
    this.code = code;
  }
}

/** Single SMS segments hold 160 GSM characters; longer texts are billed as several. */
export const SEGMENT_LENGTH = 160;

export function segmentCount(body: string): number {
  return Math.max(1, Math.ceil(body.length / SEGMENT_LENGTH));
}
