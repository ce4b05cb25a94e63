import { randomUUID } from 'node:crypto';
import { ConflictError, RuleError, ValidationError } from '../errors/domain-errors.ts';
import type { Clock } from '../platform/clock.ts';
import { commandActor, type CommandCaller } from '../platform/command-caller.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { oneTimePassword } from './one-time-password.ts';
import { hashPassword } from './password.ts';
import { createUserBody } from './schemas.ts';
import type { OfficeRecord, StaffUser } from './types.ts';
import { fieldIssues } from '../errors/field-issues.ts';
import type { FirstAdminMark, FirstAdminStore } from './ports.ts';

/**
 * Day one of a county: nobody can sign in until a county admin exists, and only a county admin
 * can create accounts. `npm run admin:create` breaks the circle from outside the API, with the
 * operator's cloud credentials: it writes the county's offices from its config, then one county
 * admin with a one-time password (the first sign-in must change it and enrol TOTP, because the
 * account has neither). The command marks the admin it made: a second run is refused — further
 * accounts are made in 人员管理 — unless `force`, for when that admin is locked out or gone.
 */
export interface FirstAdminPorts {
  directory: FirstAdminStore;
  clock: Clock;
}

export interface FirstAdminInput {
  username: string;
  displayName: string;
  /** The county's office tree from its config, flattened; the root is the county center. */
  offices: readonly OfficeRecord[];
  force: boolean;
}

export interface FirstAdminResult {
  user: { id: string; username: string; officeId: string; officeName: string };
  temporaryPassword: string;
  officesWritten: number;
  /** The admin the command made before (only with force). */
  replaced?: FirstAdminMark;
}

const sameOffice = (a: OfficeRecord, b: OfficeRecord): boolean =>
  a.name === b.name && a.kind === b.kind && a.parentId === b.parentId && Boolean(a.demo) === Boolean(b.demo);

export const createFirstAdmin = async (ports: FirstAdminPorts, caller: CommandCaller, input: FirstAdminInput, meta: RequestMeta): Promise<FirstAdminResult> => {
  const username = createUserBody.shape.username.safeParse(input.username);
  if (!username.success) {
    const fields = fieldIssues(username.error, ['username']);
    throw new ValidationError(fields[0]!.message, fields);
  }
  const root = input.offices.find((o) => o.parentId === null && o.kind === 'county_center');
  if (!root) throw new ValidationError('县区配置缺少县政务服务中心 (county_center) 作为机构树的根', [{ path: 'offices', message: '缺少根机构' }]);

  // the config is the source of the offices it lists; offices added in the web stay as they are
  const stored = new Map((await ports.directory.offices()).map((o) => [o.id, o]));
  const changed = input.offices.filter((o) => !stored.has(o.id) || !sameOffice(stored.get(o.id)!, o));
  if (changed.length) {
    await ports.directory.putOffices(changed, [
      {
        actor: commandActor(caller, root.id),
        action: 'office.sync',
        target: { type: 'office', id: root.id },
        result: 'success',
        detail: `${changed.length} offices from the county config, by ${caller.operator}`,
        ...meta,
      },
    ]);
  }
  for (const o of changed) stored.set(o.id, o);

  const previous = await ports.directory.firstAdmin();
  if (previous && !input.force) throw adminExists(previous);
  if (await ports.directory.userByUsername(username.data)) throw new ConflictError('USERNAME_TAKEN', `用户名 ${username.data} 已被使用`);

  const temporaryPassword = oneTimePassword();
  const now = ports.clock().toISOString();
  const user: StaffUser = {
    id: randomUUID(),
    username: username.data,
    displayName: input.displayName,
    officeId: root.id,
    roles: ['county_admin'],
    passwordHash: await hashPassword(temporaryPassword),
    // no TOTP secret: county admins must enrol at the first sign-in, after changing the password
    mustChangePassword: true,
    disabled: false,
    failedLogins: 0,
    createdAt: now,
    updatedAt: now,
  };
  const mark: FirstAdminMark = { userId: user.id, username: user.username, createdAt: now };
  await ports.directory.createFirstAdmin(user, mark, previous, [
    {
      actor: commandActor(caller, root.id),
      action: 'user.create',
      target: { type: 'user', id: user.id },
      result: 'success',
      detail: `${user.username} county_admin${previous ? ` --force (replaces ${previous.username})` : ''}, by ${caller.operator}`,
      ...meta,
    },
  ]);
  return {
    user: { id: user.id, username: user.username, officeId: root.id, officeName: root.name },
    temporaryPassword,
    officesWritten: changed.length,
    ...(previous ? { replaced: previous } : {}),
  };
};

export const adminExists = (m: FirstAdminMark): RuleError =>
  new RuleError(
    'ADMIN_EXISTS',
    `本县的首个县级管理员已由此命令于 ${m.createdAt.slice(0, 10)} 创建（${m.username}）：其他账号请由县级管理员在“人员管理”中创建；如该管理员已无法登录，可加 --force 再建一个`,
    [{ path: 'username', message: '已有县级管理员' }],
  );
