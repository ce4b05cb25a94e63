import { dynamoCatalogReader } from '../catalog/wiring.ts';
import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { dynamoMaterialStore } from '../cases/dynamo-materials.ts';
import { s3MaterialObjects } from '../cases/s3-material-files.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import { dynamoArchiveStore } from './dynamo-archive.ts';
import type { ArchivePorts } from './ports.ts';
import { s3ArchivePackages } from './s3-archive-packages.ts';

/** The production wiring of the archive: the consumer and the archive routes, built once per container. */
const kept = containerSlot<ArchivePorts>();
export const archivePorts = (): ArchivePorts =>
  kept.get(() => {
    const cfg = runtimeConfig();
    return {
      cases: dynamoCaseStore(),
      catalog: dynamoCatalogReader(),
      offices: officeDirectory(),
      clock: systemClock,
      archive: dynamoArchiveStore(),
      packages: s3ArchivePackages(),
      materials: { materials: dynamoMaterialStore(), objects: s3MaterialObjects() },
      // loaded on first use: only the consumer draws PDFs (its bundle carries the font); the routes never do
      render: async (d) => (await import('../documents/pdf.ts')).renderPdf(d),
      settings: {
        countyName: cfg.documents.countyName,
        ...(cfg.documents.legal ? { legal: cfg.documents.legal } : {}),
        origin: cfg.documents.webOrigin ?? '',
        // '' when unset (local runs): the 全宗号 is then the county part of the case number
        countyCode: cfg.countyCode ?? '',
      },
    };
  });
