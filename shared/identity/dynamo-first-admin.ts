import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { directoryStore } from './directory-store.ts';
import type { FirstAdminStore } from './first-admin.ts';

/** FirstAdminStore on the directory table, through the directory adapter's own item builders. */
const TRANSACTION_LIMIT = 100;

export const dynamoFirstAdminStore = (): FirstAdminStore => ({
  offices: () => directoryStore.offices(),
  putOffices: async (offices, audit) => {
    // offices are idempotent puts: a long tree goes in several transactions, the audit with the last
    const puts = offices.map((o) => directoryStore.officePutItem(o));
    const room = TRANSACTION_LIMIT - audit.length;
    for (let i = 0; i < puts.length; i += room) {
      const last = i + room >= puts.length;
      await directoryStore.transact([...puts.slice(i, i + room), ...(last ? audit.map((a) => auditPut(a)) : [])]);
    }
  },
  usersOfOffice: (officeId) => directoryStore.usersOfOffice(officeId),
  userByUsername: (username) => directoryStore.userByUsername(username),
  createUser: async (user, audit) => {
    try {
      await directoryStore.transact([...directoryStore.createUserItems(user), ...audit.map((a) => auditPut(a))]);
    } catch (e) {
      if (e instanceof TransactionCanceledException || (e as Error).name === 'TransactionCanceledException')
        throw new ConflictError('USERNAME_TAKEN', `用户名 ${user.username} 已被使用`);
      throw e;
    }
  },
});
