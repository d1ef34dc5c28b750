import { type LocalDate, isLocalDate } from '../time/calendar';

/**
 * How often a patient is recalled for a routine check-up, agreed with the dentist:
 * gum disease (periodontal) every 3 months, most adults every 6, low-risk adults every 12.
 */
export type RecallProfile = 'periodontal' | 'standard' | 'low-risk';

export const RECALL_PROFILES: readonly RecallProfile[] = ['periodontal', 'standard', 'low-risk'];

export type Patient = {
  id: string;
  title: string;
  familyName: string;
  dentistId: string;
  recallProfile: RecallProfile;
  /** Date of the last routine check-up the insurer paid for; null for new patients. */
  lastCheckUp: LocalDate | null;
};

export class PatientRegistry {
  private readonly patients = new Map<string, Patient>();

  add(patient: Patient): void {
    if (!/^P-\d{4}$/.test(patient.id)) throw new Error(`Invalid patient id "${patient.id}"`);
    if (this.patients.has(patient.id)) throw new Error(`Patient ${patient.id} already exists`);
    if (!RECALL_PROFILES.includes(patient.recallProfile)) {
      throw new Error(`Patient ${patient.id} has an unknown recall profile "${patient.recallProfile}"`);
    }
    if (patient.lastCheckUp !== null && !isLocalDate(patient.lastCheckUp)) {
      throw new Error(`Patient ${patient.id} has an invalid last check-up date "${patient.lastCheckUp}"`);
    }
    this.patients.set(patient.id, { ...patient });
  }

  addAll(patients: Iterable<Patient>): void {
    for (const patient of patients) this.add(patient);
  }

  get(id: string): Patient | undefined {
    const patient = this.patients.get(id);
    return patient ? { ...patient } : undefined;
  }

  all(): Patient[] {
    return [...this.patients.values()].map((patient) => ({ ...patient }));
  }
}
