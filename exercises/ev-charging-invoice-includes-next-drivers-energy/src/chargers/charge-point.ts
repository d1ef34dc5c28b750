/**
 * Connector states as chargers report them (a subset of OCPP 1.6 StatusNotification).
 * A charger sends one whenever a connector changes state, and repeats the current state
 * of every connector after it reconnects to the back end.
 */
export type ConnectorStatus = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE' | 'Finishing' | 'Faulted';

export const CONNECTOR_STATUSES: readonly ConnectorStatus[] = ['Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Faulted'];

/** What the back end can ask a charger over its websocket connection. */
export type ChargePointLink = {
  /** The connector's energy register: Wh delivered since the charger was installed. */
  readMeter(connectorId: string): number;
};

export function isConnectorStatus(value: string): value is ConnectorStatus {
  return (CONNECTOR_STATUSES as readonly string[]).includes(value);
}
