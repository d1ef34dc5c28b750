import { type ChargePointLink, type ConnectorStatus } from '../chargers/charge-point';
import { priceSession } from '../billing/invoicing';
import { METERING } from '../config';
import { type Logger } from '../log';
import { type ChargingSession } from './types';

export class ConnectorBusyError extends Error {
  constructor(connectorId: string) {
    super(`Connector ${connectorId} already has a session`);
    this.name = 'ConnectorBusyError';
  }
}

export type LiveView = { sessionId: string; state: ChargingSession['state']; energyKwh: number; minutes: number; costSoFarCents: number };

/**
 * Charging sessions from plug-in to unplug. The charger's status notifications drive the
 * session (Charging, Suspended*, Finishing); while a session is open its connector's meter
 * is read once a minute so the app can show live energy and cost.
 */
export class SessionManager {
  private readonly sessions = new Map<string, ChargingSession>();
  private readonly openByConnector = new Map<string, ChargingSession>();
  private readonly link: ChargePointLink;
  private readonly log: Logger;
  private nextId = 1;

  constructor(link: ChargePointLink, log: Logger = () => {}) {
    this.link = link;
    this.log = log;
  }

  startSession(connectorId: string, driverId: string): ChargingSession {
    if (this.openByConnector.has(connectorId)) throw new ConnectorBusyError(connectorId);
    const session: ChargingSession = {
      id: `cs-${String(this.nextId++).padStart(5, '0')}`,
      connectorId,
      driverId,
      state: 'preparing',
      startedAt: Date.now(),
      meterStartWh: this.link.readMeter(connectorId),
      energyWh: 0,
    };
    this.sessions.set(session.id, session);
    this.openByConnector.set(connectorId, session);
    this.log('session.started', { session: session.id, connector: connectorId, driver: driverId, meterStartWh: session.meterStartWh });
    return session;
  }

  onStatus(connectorId: string, status: ConnectorStatus): void {
    const session = this.openByConnector.get(connectorId);
    if (!session) {
      this.log('status.no-session', { connector: connectorId, status });
      return;
    }
    switch (status) {
      case 'Charging':
        session.state = 'charging';
        this.startMetering(session);
        break;
      case 'SuspendedEV':
      case 'SuspendedEVSE':
        session.state = 'suspended';
        break;
      case 'Finishing':
      case 'Available':
        this.stopSession(session.id, 'charger');
        break;
      case 'Faulted':
        this.log('connector.faulted', { connector: connectorId, session: session.id });
        this.stopSession(session.id, 'charger');
        break;
      case 'Preparing':
        break;
    }
  }

  stopSession(sessionId: string, by: 'driver' | 'charger' | 'operator'): ChargingSession {
    const session = this.require(sessionId);
    if (session.state === 'completed') return session;
    clearInterval(session.meterTimer);
    session.meterTimer = undefined;
    this.takeReading(session);
    session.state = 'completed';
    session.endedAt = Date.now();
    this.openByConnector.delete(session.connectorId);
    this.log('session.completed', { session: session.id, by, energyWh: session.energyWh });
    return session;
  }

  live(sessionId: string): LiveView {
    const session = this.require(sessionId);
    const end = session.endedAt ?? Date.now();
    return {
      sessionId,
      state: session.state,
      energyKwh: session.energyWh / 1_000,
      minutes: Math.floor((end - session.startedAt) / 60_000),
      costSoFarCents: priceSession(session.energyWh),
    };
  }

  /** Sessions that ended in [from, to). */
  completedBetween(from: number, to: number): ChargingSession[] {
    return [...this.sessions.values()].filter((s) => s.state === 'completed' && (s.endedAt as number) >= from && (s.endedAt as number) < to);
  }

  private startMetering(session: ChargingSession): void {
    session.meterTimer = setInterval(() => this.takeReading(session), METERING.intervalMs);
  }

  private takeReading(session: ChargingSession): void {
    const register = this.link.readMeter(session.connectorId);
    session.energyWh = register - session.meterStartWh;
    session.lastReadingAt = Date.now();
  }

  private require(sessionId: string): ChargingSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No session ${sessionId}`);
    return session;
  }
}
