import { createHash, randomUUID } from 'node:crypto';
import type { CountyConfig } from '../infra/config/county-config.ts';
import { flattenOffices } from '../infra/config/county-config.ts';
import { ConflictError } from '../shared/errors/domain-errors.ts';
import { dynamoDirectory } from '../shared/identity/dynamo-directory.ts';
import { hashPassword } from '../shared/identity/password.ts';
import { totpUri } from '../shared/identity/totp.ts';
import { ROLE_LABELS, type Role } from '../shared/platform/scopes.ts';
import { totpRequired } from '../shared/identity/policy.ts';
import type { StaffUser } from '../shared/identity/types.ts';

/** Local demo only: never deployed. Password of every demo account. */
export const DEMO_PASSWORD = 'Bianmin@2026';

const b32 = (buf: Buffer): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of buf) bits += byte.toString(2).padStart(8, '0');
  return (bits.match(/.{1,5}/g) ?? []).map((c) => alphabet[parseInt(c.padEnd(5, '0'), 2)]).join('');
};
/** Fixed per username, so the printed otpauth URIs stay valid across `npm start -- --reset`. */
export const demoTotpSecret = (username: string): string => b32(createHash('sha1').update(`bianmin-demo-totp:${username}`).digest());

/**
 * Where the demo staff sit, found in the county's own office tree (any county, not only 罗山县):
 * its county center, the first township with demo village stations (else the first township), and
 * that township's first demo station.
 */
export const demoPlaces = (config: Pick<CountyConfig, 'offices'>) => {
  const offices = flattenOffices(config.offices);
  const center = offices.find((o) => o.kind === 'county_center') ?? offices[0]!;
  const townships = offices.filter((o) => o.kind === 'township');
  const villagesOf = (id: string) => offices.filter((o) => o.parentId === id && o.kind === 'village');
  const township = townships.find((t) => villagesOf(t.id).some((v) => v.demo)) ?? townships[0] ?? center;
  const villages = villagesOf(township.id);
  const station = villages.find((v) => v.demo) ?? villages[0] ?? township;
  return {
    center,
    township,
    station,
    /** 灵山镇 → lingshan (its id after the county code): the township clerk logs in as clerk.lingshan. */
    slug: township.id.slice(township.id.indexOf('-') + 1),
    /** 灵山镇 → 灵山, for display names. */
    short: township.name.replace(/(街道|镇|乡)$/, ''),
  };
};

export const demoAccounts = (config: Pick<CountyConfig, 'offices'>): Array<{ username: string; displayName: string; role: Role; officeId: string }> => {
  const { center, township, station, slug, short } = demoPlaces(config);
  return [
    { username: 'admin', displayName: '演示管理员', role: 'county_admin', officeId: center.id },
    { username: 'clerk.county', displayName: '演示县窗口', role: 'window_clerk', officeId: center.id },
    { username: `clerk.${slug}`, displayName: `演示${short}窗口`, role: 'window_clerk', officeId: township.id },
    { username: `head.${slug}`, displayName: `演示${short}负责人`, role: 'center_head', officeId: township.id },
    { username: 'agent.demo', displayName: '演示代办员', role: 'village_agent', officeId: station.id },
    // a second agent of the same station: one phone shared by two agents (the outbox is per user)
    { username: 'agent2.demo', displayName: '演示代办员（二）', role: 'village_agent', officeId: station.id },
    { username: 'supervisor', displayName: '演示督查员', role: 'supervisor', officeId: center.id },
  ];
};

const alreadyThere = (e: unknown): boolean => e instanceof ConflictError && e.code === 'USERNAME_TAKEN';

/**
 * Offices from the county config and the demo staff. Idempotent: existing users are kept.
 * `passwordHash`: the test stacks pass a cheap hash of the demo password (seeding and each login
 * then skip a full-cost scrypt); npm start hashes at the real cost.
 */
export const seedDemoDirectory = async (config: CountyConfig, passwordHash?: string) => {
  const directory = dynamoDirectory();
  const offices = flattenOffices(config.offices);
  for (let i = 0; i < offices.length; i += 25) {
    await directory.commit(
      offices.slice(i, i + 25).map((o) => ({
        op: 'put-office' as const,
        office: { id: o.id, name: o.name, kind: o.kind, parentId: o.parentId, ...(o.demo ? { demo: true } : {}) },
        mode: 'upsert' as const,
      })),
      [],
    );
  }
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const hash = passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const logins: Array<{ username: string; role: string; office: string; totpUri?: string }> = [];
  for (const a of demoAccounts(config)) {
    const withTotp = totpRequired([a.role]);
    const secret = demoTotpSecret(a.username);
    const now = new Date().toISOString();
    const user: StaffUser = {
      id: randomUUID(),
      username: a.username,
      displayName: a.displayName,
      officeId: a.officeId,
      roles: [a.role],
      passwordHash: hash,
      mustChangePassword: false, // demo accounts are usable at once
      ...(withTotp ? { totpSecret: secret } : {}),
      disabled: false,
      failedLogins: 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await directory.commit([{ op: 'create-user', user }], []);
    } catch (e) {
      if (!alreadyThere(e)) throw e;
    }
    logins.push({
      username: a.username,
      role: `${a.role} ${ROLE_LABELS[a.role]}`,
      office: officeName.get(a.officeId) ?? a.officeId,
      ...(withTotp ? { totpUri: totpUri(secret, a.username) } : {}),
    });
  }
  return { logins };
};
