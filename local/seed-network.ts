import { randomUUID } from 'node:crypto';
import { dynamoCatalogStore } from '../shared/catalog/dynamo-catalog.ts';
import { commitVersions } from '../shared/catalog/import.ts';
import { parseItem, type Item } from '../shared/catalog/item.ts';
import type { CatalogStore } from '../shared/catalog/ports.ts';
import { ConflictError } from '../shared/errors/domain-errors.ts';
import { dynamoDirectory } from '../shared/identity/dynamo-directory.ts';
import { hashPassword } from '../shared/identity/password.ts';
import { DEMO_PASSWORD } from './seed-demo-directory.ts';
import { ROLE_LABELS, type Role } from '../shared/platform/scopes.ts';
import type { StaffUser } from '../shared/identity/types.ts';

/**
 * The network's part of the demo county: a window clerk at 县民政局 (to sign for what townships
 * forward), and 低保 routed as the seeds describe it — taken in at the townships and by the
 * village stations' agents, decided by 县民政局. The routing is a catalog change like any other:
 * a new, published, audited version of the item. Idempotent.
 */
export const NETWORK_DEMO_ACCOUNTS = (code: string): Array<{ username: string; displayName: string; role: Role; officeId: string }> => [
  { username: 'clerk.mzj', displayName: '演示民政局窗口', role: 'window_clerk', officeId: `${code}-mzj` },
];

/** 城乡最低生活保障对象认定: the item the demo routes through the network. */
export const DIBAO_NAME = '城乡最低生活保障对象认定';

export const dibaoRouting = (code: string): Pick<Item, 'intakeAt' | 'decider'> => ({
  intakeAt: ['village', 'township'],
  decider: { by: 'office', officeId: `${code}-mzj` },
});

const SEED_CTX = { actor: { userId: 'system', username: 'system', officeId: '' }, sourceIp: '127.0.0.1', userAgent: 'seed-demo' };

/** Routes 低保 (a new published version) unless its current version already says where it goes. */
export const routeDibao = async (store: CatalogStore, countyCode: string): Promise<boolean> => {
  const entry = (await store.listEntries()).find((e) => e.name === DIBAO_NAME);
  if (!entry) return false;
  const current = await store.getCurrent(entry.code);
  if (!current || current.status !== 'published' || current.item.decider) return false;
  const r = parseItem({ ...current.item, ...dibaoRouting(countyCode) });
  if (!r.ok) throw new Error(`低保 routing is invalid: ${r.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  await commitVersions(store, [{ item: r.item, version: entry.latestVersion + 1, entry }], {
    publish: true,
    ctx: SEED_CTX,
    source: '演示数据：低保由乡镇、村代办受理，县民政局承办',
  });
  return true;
};

const alreadyThere = (e: unknown): boolean => e instanceof ConflictError && e.code === 'USERNAME_TAKEN';

export const seedNetworkDemo = async (
  countyCode: string,
  officeName: (id: string) => string,
  demoPasswordHash?: string,
): Promise<Array<{ username: string; role: string; office: string }>> => {
  const passwordHash = demoPasswordHash ?? (await hashPassword(DEMO_PASSWORD));
  const logins: Array<{ username: string; role: string; office: string }> = [];
  for (const a of NETWORK_DEMO_ACCOUNTS(countyCode)) {
    const now = new Date().toISOString();
    const user: StaffUser = {
      id: randomUUID(),
      username: a.username,
      displayName: a.displayName,
      officeId: a.officeId,
      roles: [a.role],
      passwordHash,
      mustChangePassword: false,
      disabled: false,
      failedLogins: 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await dynamoDirectory().commit([{ op: 'create-user', user }], []);
    } catch (e) {
      if (!alreadyThere(e)) throw e;
    }
    logins.push({ username: a.username, role: `${a.role} ${ROLE_LABELS[a.role]}`, office: officeName(a.officeId) });
  }
  await routeDibao(dynamoCatalogStore(), countyCode);
  return logins;
};
