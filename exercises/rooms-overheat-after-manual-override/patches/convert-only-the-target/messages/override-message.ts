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
  const message = body as OverrideMessage;
  const targetC = Number(message.targetC);
  if (Number.isNaN(targetC)) throw new InvalidMessageError('targetC must be a number');
  return { ...message, targetC };
}
