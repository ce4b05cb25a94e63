import type { CaseListName } from './queries.ts';
import type { PublicLookup } from './public-queries.ts';

/**
 * Every key holds every parameter: a list of one view is never shown as another's. In a file of its own so
 * the light agent pages (web/src/light) refresh cases without loading the staff pager (antd).
 */
export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (view: CaseListName) => ['cases', 'list', { view }] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  search: (q: string) => ['cases', 'search', { q }] as const,
  /** The case's material files (scans), and its electronic archive. */
  materials: (id: string) => ['cases', 'materials', id] as const,
  archive: (id: string) => ['cases', 'archive', id] as const,
  publicStatus: (lookup: PublicLookup | null) => ['public-case', lookup] as const,
};
