import { type LabResult } from '../records/lab-results';

export type LabResultDto = {
  id: string;
  test: string;
  value: string;
  flag: 'low' | 'normal' | 'high';
  referenceRange: string;
  collectedOn: string;
  note: string | null;
};

export function flagOf(result: LabResult): LabResultDto['flag'] {
  if (result.value < result.referenceRange.low) return 'low';
  if (result.value > result.referenceRange.high) return 'high';
  return 'normal';
}

export function toDto(result: LabResult): LabResultDto {
  return {
    id: result.id,
    test: result.test,
    value: `${result.value} ${result.unit}`,
    flag: flagOf(result),
    referenceRange: `${result.referenceRange.low}–${result.referenceRange.high} ${result.unit}`,
    collectedOn: result.collectedAt.slice(0, 10),
    note: result.clinicianNote ?? null,
  };
}

/** The printable report (the PDF renderer lays this text out on the clinic's letterhead). */
export function reportText(result: LabResult): string {
  const dto = toDto(result);
  return [
    `Lab report ${dto.id}`,
    `Patient: ${result.patientId}`,
    `Collected: ${dto.collectedOn}`,
    `${dto.test}: ${dto.value} (${dto.flag}; reference ${dto.referenceRange})`,
    ...(dto.note ? [`Note from your clinician: ${dto.note}`] : []),
  ].join('\n');
}
