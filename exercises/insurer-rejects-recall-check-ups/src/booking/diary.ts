import { type LocalDate, addDays, compareDates, isLocalDate, isoWeekday } from '../time/calendar';

export type Dentist = { id: string; name: string; workingDays: readonly number[] };

export type Slot = { dentistId: string; date: LocalDate; time: string };

export type Appointment = Slot & { patientId: string; kind: 'check-up' | 'treatment' };

/** Chair times of a check-up (40 minutes each), lunch 12:20-13:20. */
export const SLOT_TIMES: readonly string[] = ['09:00', '09:40', '10:20', '11:00', '11:40', '13:20', '14:00', '14:40', '15:20', '16:00'];

const SEARCH_DAYS = 90;

function slotKey(slot: Slot): string {
  return `${slot.dentistId}|${slot.date}|${slot.time}`;
}

export class Diary {
  private readonly dentists = new Map<string, Dentist>();
  private readonly appointments = new Map<string, Appointment>();

  constructor(dentists: readonly Dentist[]) {
    for (const dentist of dentists) this.dentists.set(dentist.id, dentist);
  }

  dentist(id: string): Dentist {
    const dentist = this.dentists.get(id);
    if (!dentist) throw new Error(`Unknown dentist ${id}`);
    return dentist;
  }

  isOpen(slot: Slot): boolean {
    return isLocalDate(slot.date) && SLOT_TIMES.includes(slot.time) && this.dentist(slot.dentistId).workingDays.includes(isoWeekday(slot.date));
  }

  isFree(slot: Slot): boolean {
    return this.isOpen(slot) && !this.appointments.has(slotKey(slot));
  }

  book(appointment: Appointment): Appointment {
    if (!this.isOpen(appointment)) throw new Error(`${appointment.date} ${appointment.time} is not a surgery time of ${appointment.dentistId}`);
    if (!this.isFree(appointment)) throw new Error(`${appointment.date} ${appointment.time} is already booked`);
    const booked = { ...appointment };
    this.appointments.set(slotKey(booked), booked);
    return { ...booked };
  }

  /** The patient's first appointment on or after `from`, if any. */
  nextAppointment(patientId: string, from: LocalDate): Appointment | undefined {
    return [...this.appointments.values()]
      .filter((appointment) => appointment.patientId === patientId && compareDates(appointment.date, from) >= 0)
      .sort((a, b) => compareDates(a.date, b.date) || a.time.localeCompare(b.time))[0];
  }

  /** The first free chair time of the dentist on or after `from`, searching 90 days ahead. */
  firstFreeSlot(dentistId: string, from: LocalDate): Slot | null {
    for (let offset = 0; offset < SEARCH_DAYS; offset++) {
      const date = addDays(from, offset);
      for (const time of SLOT_TIMES) {
        const slot = { dentistId, date, time };
        if (this.isFree(slot)) return slot;
      }
    }
    return null;
  }

  all(): Appointment[] {
    return [...this.appointments.values()].map((appointment) => ({ ...appointment }));
  }
}
