import { dynamoCatalogReader } from '../catalog/reader.ts';
import { loadCalendar } from '../calendar/store.ts';
import { systemClock } from '../platform/clock.ts';

/** The production wiring of case use cases. */
export const casePorts = () => ({ catalog: dynamoCatalogReader(), calendar: () => loadCalendar(), clock: systemClock });
