import { AlertDispatcher } from './alerting/dispatcher'
import { MaintenanceCalendar } from './alerting/maintenance'
import { SilenceList } from './alerting/silences'
import { createLogger } from './logger'
import { createPager, createTicketQueue } from './oncall/channels'
import { OnCallSchedule } from './oncall/schedule'

/** Wires alert delivery the way production does, with in-memory channels. */
export function createAlerting({ engineers, rotationStart }) {
  const maintenance = new MaintenanceCalendar()
  const silences = new SilenceList()
  const schedule = new OnCallSchedule({ engineers, rotationStart })
  const pager = createPager()
  const tickets = createTicketQueue()
  const logger = createLogger()
  const dispatcher = new AlertDispatcher({ maintenance, silences, schedule, pager, tickets, logger })
  return { maintenance, silences, schedule, pager, tickets, logger, dispatcher }
}
