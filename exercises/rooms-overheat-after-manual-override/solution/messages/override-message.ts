/**
 * Messages the apps publish on `home/<homeId>/rooms/<roomId>/override` (MQTT, JSON body).
 * Sent by the mobile app and the web dashboard when someone sets a temperature by hand.
 */
export type OverrideMessage = {
  /** Target temperature in °C, in steps of 0.5. */
  targetC: number;
  /** How long the override lasts; the room's schedule applies again afterwards. Default 60. */
  durationMinutes?: number;
  /** Pre-heat: run the heater flat out for the first 20 minutes. */
  boost?: boolean;
};

export type ParsedTopic = { homeId: string; roomId: string };

const OVERRIDE_TOPIC = /^home\/([\w-]+)\/rooms\/([\w-]+)\/override$/;

export function parseOverrideTopic(topic: string): ParsedTopic | undefined {
  const match = OVERRIDE_TOPIC.exec(topic);
  return match ? { homeId: match[1] as string, roomId: match[2] as string } : undefined;
}

export class InvalidMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidMessageError';
  }
}

export function parseOverrideMessage(payload: string): OverrideMessage {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    throw new InvalidMessageError('payload is not JSON');
  }
  if (typeof body !== 'object' || body === null || !('targetC' in body)) throw new InvalidMessageError('targetC is missing');
  // The JSON comes from apps we do not control (app 5.2 sends numbers and switches as text),
  // so every field is checked and converted here instead of trusting the declared type.
  const raw = body as Record<string, unknown>;
  return {
    targetC: toNumber(raw.targetC, 'targetC'),
    ...(raw.durationMinutes !== undefined && { durationMinutes: toNumber(raw.durationMinutes, 'durationMinutes') }),
    ...(raw.boost !== undefined && { boost: toFlag(raw.boost, 'boost') }),
  };
}

function toNumber(value: unknown, field: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new InvalidMessageError(`${field} must be a number, got ${JSON.stringify(value)}`);
  return number;
}

function toFlag(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InvalidMessageError(`${field} must be true or false, got ${JSON.stringify(value)}`);
}
