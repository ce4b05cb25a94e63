import { calendarSource } from '../calendar/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { dynamoSupervisionStore } from './dynamo-supervision.ts';
import { snsNotifier } from './sns-notifier.ts';
import { scanSettingsFrom, type ScanPorts, type ScanSettings } from './overdue-scan.ts';

/** The production wiring of supervision, built once per container. */
let ports: ScanPorts | undefined;
export const supervisionPorts = (): ScanPorts =>
  (ports ??= { store: dynamoSupervisionStore(), notifier: snsNotifier('supervision'), calendar: calendarSource(), clock: systemClock });

/** The county's thresholds, from the function's configuration (set by the stack from the county file). */
export const supervisionSettings = (): ScanSettings => scanSettingsFrom(process.env);
