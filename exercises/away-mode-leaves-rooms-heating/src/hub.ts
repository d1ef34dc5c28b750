import { createApi } from './api/handlers';
import { ValveGateway } from './devices/valve-gateway';
import { ClimateService } from './home/climate-service';
import { HomeStore } from './home/home-store';
import { Logger } from './logger';

/** Wires the heating cloud the way production does, with the in-memory store and valves. */
export function createHeatingCloud() {
  const logger = new Logger();
  const store = new HomeStore();
  const valves = new ValveGateway();
  const climate = new ClimateService({ store, valves, logger });
  const api = createApi({ climate, store, logger });
  return { logger, store, valves, climate, api };
}
