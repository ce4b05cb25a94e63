import { randomUUID } from 'node:crypto';
import { cheapHash } from '../../support/cheap-hash.ts';
import { memoryAuditLog } from '../../../shared/audit/memory-audit.ts';
import { memoryDirectory } from '../../../shared/identity/memory-directory.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { grantedScopes } from '../../../shared/identity/policy.ts';
import type { Role } from '../../../shared/platform/scopes.ts';
import { ephemeralTokenSigner } from '../../../shared/identity/memory-token-signer.ts';
import { newTotpSecret, totpCode } from '../../../shared/identity/totp.ts';
import type { OfficeRecord, StaffUser } from '../../../shared/identity/types.ts';

/** A small county in memory: offices, demo-like staff, a fake clock. No emulator, no wall clock. */
export const PASSWORD = 'Bianmin@2026';
export const START = new Date('2026-11-22T01:00:00.000Z'); // 09:00 in Beijing
export const META = { sourceIp: '10.0.0.1', userAgent: 'vitest' };

export const OFFICES: OfficeRecord[] = [
  { id: '411521-center', name: '罗山县政务服务中心', kind: 'county_center', parentId: null },
  { id: '411521-gaj', name: '县公安局', kind: 'department', parentId: '411521-center' },
  { id: '411521-lingshan', name: '灵山镇', kind: 'township', parentId: '411521-center' },
  { id: '411521-lingshan-demo1', name: '示例村一', kind: 'village', parentId: '411521-lingshan' },
  { id: '411521-zhugan', name: '竹竿镇', kind: 'township', parentId: '411521-center' },
];

const ACCOUNTS: Array<[string, Role, string]> = [
  ['admin', 'county_admin', '411521-center'],
  ['supervisor', 'supervisor', '411521-center'],
  ['clerk.county', 'window_clerk', '411521-center'],
  ['head.county', 'center_head', '411521-center'],
  ['head.lingshan', 'center_head', '411521-lingshan'],
  ['clerk.lingshan', 'window_clerk', '411521-lingshan'],
  ['agent.demo', 'village_agent', '411521-lingshan-demo1'],
  ['clerk.zhugan', 'window_clerk', '411521-zhugan'],
];
const PRIVILEGED: readonly Role[] = ['county_admin', 'supervisor', 'center_head'];

export { cheapHash };
let hash: string | undefined;

export const world = async () => {
  const passwordHash = (hash ??= cheapHash(PASSWORD));
  const users: StaffUser[] = ACCOUNTS.map(([username, role, officeId]) => ({
    id: randomUUID(),
    username,
    displayName: username,
    officeId,
    roles: [role],
    passwordHash,
    mustChangePassword: false,
    ...(PRIVILEGED.includes(role) ? { totpSecret: newTotpSecret() } : {}),
    disabled: false,
    failedLogins: 0,
    createdAt: START.toISOString(),
    updatedAt: START.toISOString(),
  }));
  const directory = memoryDirectory({ offices: OFFICES, users });
  const audit = memoryAuditLog();
  let now = START.getTime();
  const clock = () => new Date(now);
  const signer = ephemeralTokenSigner();
  const byName = (username: string) => [...directory.users.values()].find((u) => u.username === username)!;
  return {
    directory,
    audit,
    clock,
    signer,
    // unknown usernames are checked against a hash of the same (cheap) cost as the seeded users
    ports: { directory, audit, clock, signer, dummyHash: cheapHash('nobody-has-this') },
    /** Moves the fake clock on. */
    advance: (ms: number) => void (now += ms),
    user: byName,
    /** The TOTP code of a seeded privileged user at the fake clock's time. */
    code: (username: string, offsetSteps = 0) => totpCode(byName(username).totpSecret!, new Date(now + offsetSteps * 30_000)),
    /** The caller as the authorizer would build it after a full login. */
    principal: (username: string): Principal => {
      const u = byName(username);
      return {
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        officeId: u.officeId,
        roles: u.roles,
        scopes: grantedScopes(u.roles),
        sessionId: `s-${u.username}`,
      };
    },
  };
};
export type World = Awaited<ReturnType<typeof world>>;
