import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoAuditLog, writeAudit } from './dynamo-audit.ts';
import { dynamoAuditReader } from './dynamo-audit-reader.ts';
import type { AuditExportPorts } from './export.ts';
import type { AuditLog } from './ports.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { officeNamesOf } from '../offices/names.ts';

/** The production wiring of the audit trail's read side (browse, export), built once per container. */
const auditReadPortsKept = containerSlot<AuditExportPorts>();
export const auditReadPorts = (): AuditExportPorts =>
  auditReadPortsKept.get(() => ({
    reader: dynamoAuditReader(),
    clock: systemClock,
    writeAudit: (input) => writeAudit(input),
    offices: officeNamesOf(officeDirectory()),
  }));

/** The write side for one-off events (a refused login, an export), one per container. */
const auditLogKept = containerSlot<AuditLog>();
export const auditLog = (): AuditLog => auditLogKept.get(() => dynamoAuditLog());
