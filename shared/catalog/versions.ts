import type { LexiconEntry, LexiconPinyin } from './lexicon.ts';
import type { Item } from './item.ts';
import type { SearchFields } from './search-index.ts';

/**
 * Versions: every edit writes a new version (草稿 draft). Publishing makes it the one shown and
 * the one new cases pin; the version it replaces becomes superseded. Withdrawing takes the item
 * out of the public catalog (no new cases) while its history stays readable.
 */
export const VERSION_STATUSES = ['draft', 'published', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被新版本替代',
  withdrawn: '已撤回',
};

export interface Actor {
  userId: string;
  username: string;
  officeId: string;
  /** The name people know (lists show it; entries saved before it was kept show the login name). */
  displayName?: string;
}

export interface ItemVersion {
  code: string;
  version: number;
  status: VersionStatus;
  item: Item;
  search: SearchFields;
  createdAt: string;
  createdBy: Actor;
  /** Why this version was written: editor, import file name, seed. */
  source?: string;
  publishedAt?: string;
  publishedBy?: Actor;
  supersededAt?: string;
  withdrawnAt?: string;
  withdrawnBy?: Actor;
  withdrawReason?: string;
}

/** The state of an item as a whole, as the admin list shows it. */
export type ItemState = 'draft' | 'published' | 'withdrawn';
export const ITEM_STATE_LABELS: Record<ItemState, string> = { draft: '未发布', published: '已发布', withdrawn: '已撤回' };

export interface CatalogEntry {
  code: string;
  name: string;
  category: string;
  office: string;
  state: ItemState;
  latestVersion: number;
  latestStatus: VersionStatus;
  publishedVersion?: number;
  updatedAt: string;
  updatedBy: Actor;
  demo?: boolean;
}

/** The published copy of an item (C1), what the public guide and new cases read. */
export interface PublishedCopy {
  code: string;
  version: number;
  status: 'published' | 'withdrawn';
  item: Item;
  search: SearchFields;
  publishedAt: string;
  withdrawnAt?: string;
}

/** The county's own lexicon entries as saved by the county admin, with their pinyin (made at save time). */
export interface StoredLexicon {
  entries: LexiconEntry[];
  pinyin: LexiconPinyin;
  revision: number;
  updatedAt: string;
  updatedBy: Actor;
}

/** DynamoDB's limit of items in one TransactWrite. */
export const MAX_TRANSACTION_ITEMS = 100;
