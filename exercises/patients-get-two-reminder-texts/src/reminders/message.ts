import { type Appointment } from '../clinic/appointments';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  return format;
}

function formatWhen(startsAt: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(startsAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} at ${part('hour')}:${part('minute')}`;
}

function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}

/** The reminder text, kept short enough to fit one or two SMS segments. */
export function renderReminder(appointment: Appointment, timeZone: string): string {
  return (
    `Hi ${firstName(appointment.patientName)}, a reminder of your appointment with ${appointment.practitioner} ` +
    `at ${appointment.clinicName} on ${formatWhen(appointment.startsAt, timeZone)}. Reply C to cancel.`
  );
}
