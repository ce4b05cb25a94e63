import { dynamoCatalogReader } from '../catalog/wiring.ts';
import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import type { DocumentPorts, DocumentSettings } from './case-documents.ts';

/** The production wiring of the document use cases: reads only (cases, catalog, offices). */
const kept = containerSlot<DocumentPorts>();
export const documentPorts = (): DocumentPorts =>
  kept.get(() => ({ cases: dynamoCaseStore(), catalog: dynamoCatalogReader(), offices: officeDirectory(), clock: systemClock }));

/** The county's settings; the origin of the status link is its domain, else the web front the request came from. */
export const documentSettings = (requestOrigin: string | undefined): DocumentSettings => {
  const d = runtimeConfig().documents;
  return { countyName: d.countyName, ...(d.legal ? { legal: d.legal } : {}), origin: d.webOrigin ?? requestOrigin ?? '' };
};
