export type LabResult = {
  id: string;
  patientId: string;
  test: string;
  value: number;
  unit: string;
  referenceRange: { low: number; high: number };
  collectedAt: string;
  /** Set when the clinician releases the result to the patient; unreleased results are never shown in the portal. */
  releasedAt: string | null;
  clinicianNote?: string;
};

/** In-memory stand-in for the lab system's results table. */
export class LabResultStore {
  private readonly results = new Map<string, LabResult>();

  add(result: LabResult): void {
    if (!/^lr-\d+$/.test(result.id)) throw new Error(`bad result id ${result.id}`);
    if (result.referenceRange.low > result.referenceRange.high) throw new Error(`bad reference range on ${result.id}`);
    this.results.set(result.id, { ...result });
  }

  get(id: string): LabResult | undefined {
    const result = this.results.get(id);
    return result ? { ...result } : undefined;
  }

  /** One patient's result: undefined when the id is unknown or belongs to another patient. */
  getForPatient(patientId: string, id: string): LabResult | undefined {
    const result = this.results.get(id);
    return result && result.patientId === patientId ? { ...result } : undefined;
  }

  listForPatient(patientId: string): LabResult[] {
    return [...this.results.values()]
      .filter((result) => result.patientId === patientId)
      .sort((a, b) => (a.collectedAt < b.collectedAt ? 1 : a.collectedAt > b.collectedAt ? -1 : 0))
      .map((result) => ({ ...result }));
  }
}
