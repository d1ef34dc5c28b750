import { type SettingsLayer } from '../config/job-settings';

/**
 * The "Run pipeline" form, as the web framework hands it over: every text input is sent
 * (as typed, possibly empty); a checkbox is sent as "on" only when it is ticked.
 */
export type ManualRunForm = {
  branch?: string;
  jobs?: string;
  timeoutMinutes?: string;
  retries?: string;
  debug?: string;
};

export type ManualRun = {
  branch: string;
  /** Names of the jobs to run; empty means every job of the pipeline. */
  jobs: string[];
  overrides: SettingsLayer;
};

export class FormError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'FormError';
    this.field = field;
  }
}

function wholeNumber(form: ManualRunForm, field: 'timeoutMinutes' | 'retries', max: number): number | undefined {
  const raw = form[field]?.trim();
  // Browsers send every text input, so an untouched field arrives as "", not as a missing
  // key. Number("") is 0, which would mean "no timeout" or "no retries": treat it as unset.
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new FormError(field, `must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

/**
 * Reads the form. Its help text promises: leave a field empty to keep the repository's
 * setting for it (spaces alone count as empty); 0 disables the timeout or the retries
 * for this run. Anything else that is not a whole number is refused with a FormError.
 */
export function parseManualRunForm(form: ManualRunForm): ManualRun {
  const branch = (form.branch ?? '').trim() || 'main';
  if (!/^[\w./-]+$/.test(branch)) throw new FormError('branch', `"${branch}" is not a branch name`);
  const jobs = (form.jobs ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return {
    branch,
    jobs,
    overrides: {
      timeoutMinutes: wholeNumber(form, 'timeoutMinutes', 360),
      retries: wholeNumber(form, 'retries', 5),
      debug: form.debug === 'on' ? true : undefined,
    },
  };
}
