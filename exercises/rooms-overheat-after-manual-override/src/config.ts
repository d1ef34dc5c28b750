export const THERMOSTAT = {
  /** The heater switches on below target - hysteresis and off above target + hysteresis. */
  hysteresisC: 0.3,
  /** Targets a user may choose. */
  minTargetC: 5,
  maxTargetC: 30,
  /** Whatever the target, the heater is cut at this temperature. */
  safetyCutoffC: 28,
  /** A boosted override runs the heater flat out for this long before regulating. */
  boostMs: 20 * 60_000,
  defaultOverrideMinutes: 60,
  maxOverrideMinutes: 12 * 60,
} as const;
