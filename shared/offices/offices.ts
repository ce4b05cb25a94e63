import type { OfficeDirectory } from './ports.ts';

/**
 * The county's office tree (every context reads it: the network, cases, the hall, reports): who is a village station, a township, a county
 * department, and which township a village belongs to, read through the `OfficeDirectory` port (ports.ts).
 */
export type OfficeKind = 'county_center' | 'department' | 'township' | 'village';

export interface NetworkOffice {
  id: string;
  name: string;
  kind: OfficeKind;
  parentId: string | null;
}

export const OFFICE_KIND_LABELS: Record<OfficeKind, string> = {
  county_center: '县政务服务中心',
  department: '县直部门',
  township: '乡镇（街道）',
  village: '村（社区）',
};

/** One office by id, or undefined. */
export const officeById = async (dir: OfficeDirectory, id: string): Promise<NetworkOffice | undefined> => (await dir.all()).find((o) => o.id === id);

/** Names by id, for timeline lines that name both offices; an unknown id shows as itself. */
export const officeNames = async (dir: OfficeDirectory): Promise<(id: string) => string> => {
  const byId = new Map((await dir.all()).map((o) => [o.id, o.name]));
  return (id) => byId.get(id) ?? id;
};

/** The township a village station belongs to (its parent), or the office itself when not a village. */
export const townshipOf = async (dir: OfficeDirectory, office: NetworkOffice): Promise<NetworkOffice | undefined> =>
  office.kind === 'village' ? (office.parentId ? officeById(dir, office.parentId) : undefined) : office;
