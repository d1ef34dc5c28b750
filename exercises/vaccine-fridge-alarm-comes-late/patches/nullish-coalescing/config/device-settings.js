import { parseCsv } from './csv';

/** What a device watches for when its sheet row and its site leave a setting empty. */
export const SITE_PROFILES = {
  pharmacy: { minC: 2, maxC: 8, alertAfterMinutes: 10, repeatEveryMinutes: 30 },
  grocery: { minC: 1, maxC: 7, alertAfterMinutes: 15, repeatEveryMinutes: 60 },
  freezer: { minC: -30, maxC: -18, alertAfterMinutes: 20, repeatEveryMinutes: 60 },
};

const NUMBER_COLUMNS = ['min_c', 'max_c', 'alert_after_min', 'repeat_every_min'];

function numberCell(row, column, fallback) {
  return Number(row.cells[column]) ?? fallback;
}

/**
 * Imports the device sheet of one site. Columns: device_id, label, min_c, max_c,
 * alert_after_min, repeat_every_min. Empty cells inherit the site profile's value; any
 * other cell must be a number, or the row is rejected with an error.
 * `alert_after_min` is how long a reading may stay out of range before anyone is paged
 * (0: page at the first reading out of range); `repeat_every_min` is how often the page
 * is repeated while the excursion lasts (0: page once).
 */
export function importDeviceSheet(csvText, site) {
  const profile = SITE_PROFILES[site.profile];
  if (!profile) throw new Error(`Site ${site.id} has unknown profile "${site.profile}"`);
  const { header, rows } = parseCsv(csvText);
  for (const column of ['device_id', ...NUMBER_COLUMNS]) {
    if (!header.includes(column)) throw new Error(`Device sheet of ${site.id} has no "${column}" column`);
  }

  const devices = new Map();
  const errors = [];
  for (const row of rows) {
    const id = row.cells.device_id.trim();
    if (!/^[A-Z]{1,3}-\d{2,4}$/.test(id)) {
      errors.push(`line ${row.line}: invalid device id "${id}"`);
      continue;
    }
    if (devices.has(id)) {
      errors.push(`line ${row.line}: device ${id} appears twice`);
      continue;
    }
    const settings = {
      deviceId: id,
      siteId: site.id,
      label: (row.cells.label ?? '').trim() || id,
      minC: numberCell(row, 'min_c', profile.minC),
      maxC: numberCell(row, 'max_c', profile.maxC),
      alertAfterMinutes: numberCell(row, 'alert_after_min', profile.alertAfterMinutes),
      repeatEveryMinutes: numberCell(row, 'repeat_every_min', profile.repeatEveryMinutes),
    };
    const problem = validate(settings);
    if (problem) {
      errors.push(`line ${row.line}: ${problem}`);
      continue;
    }
    devices.set(id, settings);
  }
  return { devices, errors };
}

function validate(settings) {
  if (!Number.isFinite(settings.minC) || !Number.isFinite(settings.maxC)) return `${settings.deviceId}: limits must be numbers`;
  if (settings.minC >= settings.maxC) return `${settings.deviceId}: min_c must be below max_c`;
  for (const key of ['alertAfterMinutes', 'repeatEveryMinutes']) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 0 || value > 24 * 60) return `${settings.deviceId}: ${key} must be whole minutes between 0 and 1440`;
  }
  return null;
}
