import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffUserView, UserWithTemporaryPassword } from '@shared/identity/staff.ts';
import type { Role } from '@shared/platform/scopes.ts';
import { api } from '../../shell/api.ts';

export const staffKeys = {
  users: ['users'] as const,
  usersOf: (officeId: string) => ['users', { officeId }] as const,
};

export { useOffices } from '../../shell/offices.ts';

export const useUsers = (officeId: string) =>
  useQuery({
    queryKey: staffKeys.usersOf(officeId),
    queryFn: ({ signal }) => api<{ users: StaffUserView[] }>(`/api/users?officeId=${encodeURIComponent(officeId)}`, { signal }),
    enabled: Boolean(officeId),
  });

export type UserChange =
  { kind: 'update'; id: string; patch: { roles?: Role[]; disabled?: boolean } } | { kind: 'reset-password'; id: string } | { kind: 'reset-totp'; id: string };

/** 停用/启用, roles, 重置密码, 重置动态口令: one mutation; a reset password comes back to be handed over. */
export const useChangeUser = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: UserChange): Promise<{ user?: StaffUserView; temporaryPassword?: string }> =>
      c.kind === 'update'
        ? api(`/api/users/${encodeURIComponent(c.id)}`, { method: 'PATCH', json: c.patch })
        : api(`/api/users/${encodeURIComponent(c.id)}/${c.kind}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.users }),
  });
};

export const useCreateUser = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string; roles: Role[]; officeId: string }) =>
      api<UserWithTemporaryPassword>('/api/users', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.users }),
    // the dialog's form shows field errors
    meta: { handlesError: true },
  });
};
