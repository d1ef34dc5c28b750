const MINUTE_MS = 60_000;

/**
 * Follows one device's readings and decides when to page. An excursion starts with the
 * first reading outside [minC, maxC] and ends with the first reading back inside. The
 * first page goes out once the excursion has lasted `alertAfterMinutes`; while it lasts,
 * the page is repeated every `repeatEveryMinutes` (never, if that is 0).
 */
export class ExcursionTracker {
  #settings;
  #excursion = null;

  constructor(settings) {
    this.#settings = settings;
  }

  get inExcursion() {
    return this.#excursion !== null;
  }

  /** Feeds one reading ({ at: epoch ms, celsius }); returns a page to send, or null. */
  observe(reading) {
    const { minC, maxC, alertAfterMinutes, repeatEveryMinutes } = this.#settings;
    const outside = reading.celsius < minC || reading.celsius > maxC;
    if (!outside) {
      const ended = this.#excursion;
      this.#excursion = null;
      return ended && ended.pages > 0 ? { kind: 'recovered', reading, since: ended.since } : null;
    }

    if (this.#excursion === null) {
      this.#excursion = { since: reading.at, direction: reading.celsius > maxC ? 'high' : 'low', pages: 0, lastPageAt: null };
    }
    const excursion = this.#excursion;
    if (excursion.pages === 0) {
      if (reading.at - excursion.since < alertAfterMinutes * MINUTE_MS) return null;
    } else {
      if (repeatEveryMinutes === 0) return null;
      if (reading.at - excursion.lastPageAt < repeatEveryMinutes * MINUTE_MS) return null;
    }
    excursion.pages += 1;
    excursion.lastPageAt = reading.at;
    return { kind: excursion.pages === 1 ? 'excursion' : 'reminder', reading, since: excursion.since, direction: excursion.direction };
  }
}
