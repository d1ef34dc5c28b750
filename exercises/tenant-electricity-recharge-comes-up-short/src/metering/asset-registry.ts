import type { MeterProfile } from './types';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Calibration = { from: string; ratio: number };

/**
 * Client for the building's asset registry: which tenant a meter belongs to, and each
 * meter's current-transformer (CT) ratio over time (it changes when an electrician
 * swaps a transformer). Profiles are cached; calibrations are looked up per interval.
 */
export class AssetRegistry {
  private readonly profiles = new Map<string, MeterProfile>();
  private readonly calibrations = new Map<string, Calibration[]>();
  private readonly cache = new Map<string, MeterProfile>();
  private readonly latencyMs: number;

  constructor(latencyMs = 4) {
    this.latencyMs = latencyMs;
  }

  register(profile: MeterProfile, ratio = 1): void {
    this.profiles.set(profile.meterId, { ...profile });
    this.calibrations.set(profile.meterId, [{ from: '1970-01-01T00:00:00.000Z', ratio }]);
  }

  recalibrate(meterId: string, from: string, ratio: number): void {
    const list = this.calibrations.get(meterId);
    if (!list) throw new Error(`unknown meter ${meterId}`);
    list.push({ from, ratio });
    list.sort((a, b) => (a.from < b.from ? -1 : 1));
  }

  async profile(meterId: string): Promise<MeterProfile> {
    const cached = this.cache.get(meterId);
    if (cached) return cached;
    await sleep(this.latencyMs);
    const profile = this.profiles.get(meterId);
    if (!profile) throw new Error(`unknown meter ${meterId}`);
    this.cache.set(meterId, profile);
    return profile;
  }

  /** The CT ratio in force at `at`. */
  async ratio(meterId: string, at: string): Promise<number> {
    await sleep(this.latencyMs);
    const list = this.calibrations.get(meterId);
    if (!list) throw new Error(`unknown meter ${meterId}`);
    return list.filter((calibration) => calibration.from <= at).at(-1)?.ratio ?? 1;
  }
}
