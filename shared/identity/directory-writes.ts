import { ConflictError } from '../errors/domain-errors.ts';
import type { DirectoryWrite } from './ports.ts';

/** What both directory adapters share about a commit's writes. */
/** The answer when a write's condition fails: the same words from every adapter. */
export const conflictOf = (w: DirectoryWrite): ConflictError => {
  switch (w.op) {
    case 'create-user':
      return new ConflictError('USERNAME_TAKEN', `用户名 ${w.user.username} 已被使用`);
    case 'update-user':
      return new ConflictError('USER_CHANGED', '该用户刚被他人修改，请刷新后重试');
    case 'put-office':
      return new ConflictError('OFFICE_EXISTS', `机构编号 ${w.office.id} 已存在`);
    case 'put-session':
    case 'update-session':
      return new ConflictError('SESSION_GONE', '会话已不存在，请重新登录');
  }
};

/** The record a write touches, to refuse a commit that names one twice. */
export const recordOf = (w: DirectoryWrite): string => {
  switch (w.op) {
    case 'create-user':
      return `user:${w.user.id}`;
    case 'update-user':
      return `user:${w.user.id}`;
    case 'put-office':
      return `office:${w.office.id}`;
    case 'put-session':
      return `session:${w.session.id}`;
    case 'update-session':
      return `session:${w.id}`;
  }
};

/** Fields of a user the store keeps with atomic updates, never with the record. */
export const USER_COUNTERS = ['failedLogins', 'lockedUntil', 'attemptGen', 'totpLastStep'] as const;
