import { useQuery } from '@tanstack/react-query';
import type { PublicCaseView } from '@shared/cases/views.ts';
import { api } from '../../shell/api.ts';
import { caseKeys } from './keys.ts';

// the citizen's look-up on its own: the public status page loads none of the staff app's queries (antd's pager)
export type PublicLookup = { number: string; phone4: string } | { number: string; code: string };
const lookupQuery = (l: PublicLookup): string => ('code' in l ? `code=${encodeURIComponent(l.code)}` : `phone4=${encodeURIComponent(l.phone4)}`);

/** The citizen's look-up (no login); runs once per look-up submitted (or per QR code scanned). */
export const usePublicStatus = (lookup: PublicLookup | null) =>
  useQuery({
    queryKey: caseKeys.publicStatus(lookup),
    queryFn: ({ signal }) => api<PublicCaseView>(`/api/public/cases/${encodeURIComponent(lookup!.number)}?${lookupQuery(lookup!)}`, { signal }),
    enabled: lookup !== null,
    // rate-limited and answered the same for a wrong number: asking again changes nothing
    retry: false,
    staleTime: 30_000,
  });
