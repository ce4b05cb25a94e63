import { calendarSource } from '../calendar/wiring.ts';
import { dynamoCatalogReader } from '../catalog/wiring.ts';
import { kmsSealer } from '../cases/kms-sealer.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { hallSettings } from './settings.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { dynamoHallStore } from './dynamo-hall.ts';
import type { HomeVisitPorts } from './home-visits.ts';
import type { HallPorts } from './ports.ts';

/** The production wiring of the hall's use cases, built once per container. */
const hallPortsKept = containerSlot<HallPorts>();
export const hallPorts = (): HallPorts =>
  hallPortsKept.get(() => ({
    hall: dynamoHallStore(),
    sealer: kmsSealer(),
    catalog: dynamoCatalogReader(),
    calendar: calendarSource(),
    clock: systemClock,
    // the county's hall block (infra/counties/<code>.json → HALL_JSON), read when used
    get settings() {
      return hallSettings.get();
    },
  }));

/** 上门服务: the hall's ports and the office tree (which township a village belongs to). */
const homeVisitPortsKept = containerSlot<HomeVisitPorts>();
export const homeVisitPorts = (): HomeVisitPorts =>
  homeVisitPortsKept.get(() => {
    const hall = hallPorts();
    return { hall: hall.hall, sealer: hall.sealer, catalog: hall.catalog, calendar: hall.calendar, clock: () => hall.clock(), offices: officeDirectory() };
  });
