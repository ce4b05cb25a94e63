import { useMutation, useQuery } from '@tanstack/react-query';
import type { TotpEnrolment } from '@shared/identity/account.ts';
import { api } from '../../shell/api.ts';
import { useSession, type User } from '../../shell/session.tsx';

/** 修改密码: the answer is the user with the restriction lifted. */
export const useChangePassword = () => {
  const { setUser } = useSession();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<{ user: User }>('/api/auth/password', { method: 'POST', json: body }),
    onSuccess: (r) => setUser(r.user),
    meta: { handlesError: true },
  });
};

/**
 * Opening the page starts an enrolment (a new pending secret). Kept while the page is open and
 * dropped when it closes, so a second visit starts afresh, as the server expects.
 */
export const useTotpEnrolment = () =>
  useQuery({
    queryKey: ['auth', 'totp-enrolment'],
    queryFn: () => api<TotpEnrolment>('/api/auth/totp/enrol', { method: 'POST' }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

export const useConfirmTotp = () => {
  const { setUser } = useSession();
  return useMutation({
    mutationFn: (code: string) => api<{ user: User }>('/api/auth/totp/confirm', { method: 'POST', json: { code } }),
    onSuccess: (r) => setUser(r.user),
    meta: { handlesError: true },
  });
};
