import { describe, it, expect } from 'vitest';
import { importDeviceSheet } from '../../src/config/device-settings';
import { createSiteMonitor } from '../../src/monitoring/monitor';
import { createLogger } from '../../src/log';

const HEADER = 'device_id,label,min_c,max_c,alert_after_min,repeat_every_min';
const START = Date.parse('2026-02-10T06:00:00.000Z');

function run(site, rows, deviceId, temperatures) {
  const { devices, errors } = importDeviceSheet([HEADER, ...rows].join('\n'), site);
  const pages = [];
  const monitor = createSiteMonitor({ devices, send: (id, text) => pages.push({ id, text }), logger: createLogger('monitor') });
  temperatures.forEach((celsius, minute) => monitor.ingest({ deviceId, at: START + minute * 60_000, celsius }));
  return { devices, errors, pages };
}

const minutes = (count, celsius) => Array.from({ length: count }, () => celsius);

describe('device sheet settings', () => {
  // Stated in src/config/device-settings.js: "(0: page at the first reading out of range)"
  it('pages at the first reading out of range when alert_after_min is 0', () => {
    const site = { id: 'apotek-majorstuen', profile: 'pharmacy' };
    const { pages } = run(site, ['V-07,Vaccine fridge,2.0,8.0,0,30'], 'V-07', [...minutes(3, 5), ...minutes(20, 9.1)]);
    expect(pages[0]?.text).toBe('Vaccine fridge (V-07) above 8.0 °C since 07:03: 9.1 °C at 07:03');
  });

  // Stated in src/config/device-settings.js: "Empty cells inherit the site profile's value; any"
  // Stated in src/config/device-settings.js: "other cell must be a number, or the row is rejected with an error."
  it('keeps a lower limit of 0.0 °C for a produce cold room', () => {
    const site = { id: 'storo-depot', profile: 'grocery' };
    const sheet = ['CR-11,Cold room produce,0.0,4.0,15,60', 'CR-12,Cold room herbs,0,4,15,60'];
    const quiet = run(site, sheet, 'CR-11', minutes(40, 0.5));
    expect(quiet.pages).toEqual([]);
    const cold = run(site, sheet, 'CR-12', minutes(40, -0.4));
    expect(cold.pages[0]?.text).toBe('Cold room herbs (CR-12) below 0.0 °C since 07:00: -0.4 °C at 07:15');
  });

  // Stated in src/config/device-settings.js: "is repeated while the excursion lasts (0: page once)"
  it('pages once per excursion when repeat_every_min is 0', () => {
    const site = { id: 'apotek-majorstuen', profile: 'pharmacy' };
    const { pages } = run(site, ['M-04,Medicine fridge,2.0,8.0,5,0'], 'M-04', [...minutes(150, 10), 5]);
    expect(pages.map((page) => page.text)).toEqual([
      'Medicine fridge (M-04) above 8.0 °C since 07:00: 10.0 °C at 07:05',
      'Medicine fridge (M-04) back in range at 5.0 °C, 09:30',
    ]);
  });

  // Stated in src/config/device-settings.js: "Empty cells inherit the site profile's value; any"
  it("inherits the site profile's settings for empty cells", () => {
    const site = { id: 'kiwi-torshov', profile: 'grocery' };
    const { devices, errors } = run(site, ['C-20,Dairy chiller,,,,', 'F-21,Ice cream,-25,,,'], 'C-20', []);
    expect(errors).toEqual([]);
    expect(devices.get('C-20')).toMatchObject({ minC: 1, maxC: 7, alertAfterMinutes: 15, repeatEveryMinutes: 60 });
    expect(devices.get('F-21')).toMatchObject({ minC: -25, maxC: 7, alertAfterMinutes: 15, repeatEveryMinutes: 60 });
  });

  // Stated in src/config/device-settings.js: "Empty cells inherit the site profile's value; any"
  it('does not page for a short door opening on a chiller that inherits a delay', () => {
    const site = { id: 'kiwi-torshov', profile: 'grocery' };
    const { pages } = run(site, ['C-20,Dairy chiller,,,,'], 'C-20', [...minutes(5, 4), ...minutes(8, 9.5), ...minutes(10, 5)]);
    expect(pages).toEqual([]);
  });

  // Stated in src/config/device-settings.js: "other cell must be a number, or the row is rejected with an error."
  it('rejects a row whose number cell is not a number instead of using the default', () => {
    const site = { id: 'apotek-majorstuen', profile: 'pharmacy' };
    const { devices, errors } = run(site, ['V-08,Vaccine fridge,2.0,8.0,10 min,30', 'V-09,Spare fridge,2.0,8.0,5,30'], 'V-08', []);
    expect(devices.has('V-08')).toBe(false);
    expect(devices.has('V-09')).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^line 2: /);
  });
});
