const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function celsius(value) {
  return `${value.toFixed(1)} °C`;
}

/** Turns a page decided by the excursion tracker into the text sent to the site's on-call phone. */
export function formatPage(settings, page) {
  const where = `${settings.label} (${settings.deviceId})`;
  if (page.kind === 'recovered') {
    return `${where} back in range at ${celsius(page.reading.celsius)}, ${TIME.format(page.reading.at)}`;
  }
  const limit = page.direction === 'high' ? `above ${celsius(settings.maxC)}` : `below ${celsius(settings.minC)}`;
  const prefix = page.kind === 'reminder' ? 'STILL ' : '';
  return `${prefix}${where} ${limit} since ${TIME.format(page.since)}: ${celsius(page.reading.celsius)} at ${TIME.format(page.reading.at)}`;
}
