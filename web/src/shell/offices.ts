import { useQuery } from '@tanstack/react-query';
import type { OfficeRecord } from '@shared/identity/types.ts';
import { api } from './api.ts';

/** The county's office tree: one key, one shape, for every page that names or picks an office. */
export const officeKeys = { all: ['offices'] as const };

/** The offices (names for ids, pickers), rarely changing: `name(id)` falls back to the id of an office removed since. */
export const useOffices = () =>
  useQuery({
    queryKey: officeKeys.all,
    queryFn: ({ signal }) => api<{ offices: OfficeRecord[] }>('/api/offices', { signal }),
    staleTime: 300_000,
    select: (r) => {
      const names = new Map(r.offices.map((o) => [o.id, o.name]));
      return { offices: r.offices, names, name: (id: string) => names.get(id) ?? id };
    },
  });
