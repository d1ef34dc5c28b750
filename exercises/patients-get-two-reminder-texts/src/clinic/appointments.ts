export type AppointmentStatus = 'booked' | 'cancelled' | 'attended' | 'no-show';

export type Appointment = {
  id: string;
  patientName: string;
  /** E.164, e.g. "+447700900123". */
  patientPhone: string;
  clinicName: string;
  practitioner: string;
  /** Epoch milliseconds. */
  startsAt: number;
  status: AppointmentStatus;
};

const E164 = /^\+[1-9]\d{7,14}$/;

/** The booking system's appointments, in memory here; the reminder service only reads them. */
export class AppointmentBook {
  private readonly appointments = new Map<string, Appointment>();

  book(appointment: Omit<Appointment, 'status'>): Appointment {
    if (this.appointments.has(appointment.id)) throw new Error(`Appointment ${appointment.id} already exists`);
    if (!E164.test(appointment.patientPhone)) {
      throw new Error(`Appointment ${appointment.id}: phone number must be E.164, got "${appointment.patientPhone}"`);
    }
    const booked: Appointment = { ...appointment, status: 'booked' };
    this.appointments.set(booked.id, booked);
    return { ...booked };
  }

  cancel(id: string): void {
    const appointment = this.appointments.get(id);
    if (!appointment) throw new Error(`Unknown appointment ${id}`);
    appointment.status = 'cancelled';
  }

  get(id: string): Appointment | undefined {
    const appointment = this.appointments.get(id);
    return appointment ? { ...appointment } : undefined;
  }
}
