export type SessionState = 'preparing' | 'charging' | 'suspended' | 'completed';

export type ChargingSession = {
  id: string;
  connectorId: string;
  driverId: string;
  state: SessionState;
  startedAt: number;
  endedAt?: number;
  /** Energy register of the connector when the session started, in Wh. */
  meterStartWh: number;
  /** Energy delivered in this session so far, in Wh (final once the session is completed). */
  energyWh: number;
  lastReadingAt?: number;
  meterTimer?: ReturnType<typeof setInterval>;
};
