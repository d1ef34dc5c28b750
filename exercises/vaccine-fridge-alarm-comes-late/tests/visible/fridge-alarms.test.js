import { describe, it, expect } from 'vitest';
import { importDeviceSheet } from '../../src/config/device-settings';
import { createSiteMonitor } from '../../src/monitoring/monitor';
import { createLogger } from '../../src/log';

const SITE = { id: 'apotek-grunerlokka', profile: 'pharmacy' };

// The sheet Apotek Grünerløkka uploaded on 2 January.
const SHEET = [
  'device_id,label,min_c,max_c,alert_after_min,repeat_every_min',
  'V-01,Vaccine fridge,2.0,8.0,0,',
  'M-02,Medicine fridge,,,,',
  'M-03,Insulin fridge,2.0,8.0,5,15',
].join('\n');

const at = (hhmm) => Date.parse(`2026-01-05T${hhmm}:00.000Z`);

// One reading a minute from 07:50 UTC (08:50 in Oslo); the fridge warms up past 8 °C at 08:00 UTC.
function warmingUp(deviceId, minutes = 40) {
  const readings = [];
  for (let i = 0; i <= minutes; i++) {
    const time = at('07:50') + i * 60_000;
    readings.push({ deviceId, at: time, celsius: i < 10 ? 6.5 : 8.3 + (i - 10) * 0.05 });
  }
  return readings;
}

function monitorFor(sheet) {
  const { devices, errors } = importDeviceSheet(sheet, SITE);
  const pages = [];
  const monitor = createSiteMonitor({ devices, send: (deviceId, text) => pages.push({ deviceId, text }), logger: createLogger('monitor') });
  return { monitor, pages, errors };
}

describe('fridge alarms at Apotek Grünerløkka', () => {
  it('pages the on-call phone at the first reading above 8 °C from the vaccine fridge', () => {
    const { monitor, pages, errors } = monitorFor(SHEET);
    for (const reading of warmingUp('V-01')) monitor.ingest(reading);

    expect(errors).toEqual([]);
    expect(pages[0]).toEqual({ deviceId: 'V-01', text: 'Vaccine fridge (V-01) above 8.0 °C since 09:00: 8.3 °C at 09:00' });
  });

  it('waits the configured five minutes before paging for the insulin fridge', () => {
    const { monitor, pages } = monitorFor(SHEET);
    for (const reading of warmingUp('M-03', 16)) monitor.ingest(reading);

    expect(pages.map((page) => page.text)).toEqual(['Insulin fridge (M-03) above 8.0 °C since 09:00: 8.6 °C at 09:05']);
  });

  it('says when a fridge is back in range after a page', () => {
    const { monitor, pages } = monitorFor(SHEET);
    for (const reading of warmingUp('M-03', 20)) monitor.ingest(reading);
    monitor.ingest({ deviceId: 'M-03', at: at('08:11'), celsius: 7.4 });

    expect(pages.at(-1)?.text).toBe('Insulin fridge (M-03) back in range at 7.4 °C, 09:11');
    expect(monitor.inExcursion('M-03')).toBe(false);
  });

  it('ignores readings inside the limits', () => {
    const { monitor, pages } = monitorFor(SHEET);
    for (let i = 0; i < 60; i++) monitor.ingest({ deviceId: 'M-02', at: at('07:00') + i * 60_000, celsius: 4 + (i % 5) * 0.5 });

    expect(pages).toEqual([]);
  });
});

describe('device sheet import', () => {
  it('rejects rows with a malformed or repeated device id and keeps the others', () => {
    const sheet = [SHEET, 'v1,Lowercase,2,8,5,15', 'M-03,Insulin fridge again,2,8,5,15'].join('\n');
    const { devices, errors } = importDeviceSheet(sheet, SITE);

    expect([...devices.keys()]).toEqual(['V-01', 'M-02', 'M-03']);
    expect(errors).toEqual(['line 5: invalid device id "v1"', 'line 6: device M-03 appears twice']);
  });

  it('refuses a sheet without the alert column', () => {
    expect(() => importDeviceSheet('device_id,label,min_c,max_c,repeat_every_min\nV-01,Vaccine fridge,2,8,', SITE)).toThrow(
      'Device sheet of apotek-grunerlokka has no "alert_after_min" column',
    );
  });
});
