import { ExcursionTracker } from './excursions';
import { formatPage } from './pager';

/**
 * The monitoring service of one site: receives every sensor reading (one a minute per
 * device, in time order) and sends pages through `send(deviceId, text)`.
 */
export function createSiteMonitor({ devices, send, logger }) {
  const trackers = new Map();
  for (const [id, settings] of devices) trackers.set(id, new ExcursionTracker(settings));

  return {
    ingest(reading) {
      const tracker = trackers.get(reading.deviceId);
      if (!tracker) {
        logger.warn('reading from unknown device', { deviceId: reading.deviceId });
        return;
      }
      if (!Number.isFinite(reading.celsius)) {
        logger.warn('unreadable reading', { deviceId: reading.deviceId, at: new Date(reading.at).toISOString() });
        return;
      }
      const page = tracker.observe(reading);
      if (page) {
        const settings = devices.get(reading.deviceId);
        send(reading.deviceId, formatPage(settings, page));
        logger.info('page sent', { deviceId: reading.deviceId, kind: page.kind });
      }
    },
    inExcursion(deviceId) {
      return trackers.get(deviceId)?.inExcursion ?? false;
    },
  };
}
