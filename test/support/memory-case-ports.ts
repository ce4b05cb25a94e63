import { caseReactions } from '../../shared/app/reactions.ts';
import { memoryCaseStore, type MemoryCaseStore } from '../../shared/cases/memory-cases.ts';
import { memorySealer } from '../../shared/cases/memory-sealer.ts';
import type { Sealer } from '../../shared/cases/ports.ts';
import type { CasePorts } from '../../shared/cases/ports.ts';
import type { NoticesConfig } from '../../shared/notices/config.ts';
import type { MemoryOutbox } from '../../shared/platform/outbox.ts';
import { watchSink } from '../../shared/supervision/memory-watches.ts';
import type { Watch } from '../../shared/supervision/watch.ts';

export type MemoryCasePorts = CasePorts & { cases: MemoryCaseStore; sealer: Sealer };

/**
 * The case ports of a county in memory, composed as production composes them (shared/app): the
 * memory case store and sealer with every reaction of the contexts around a case. Supervision's
 * watches land in `watches` (pass the map a memory supervision store reads), the outbox entries in
 * the store's outbox (or the one given). No texts are planned unless `notices` settings are given.
 */
export const memoryCasePorts = (
  given: Omit<CasePorts, 'cases' | 'sealer' | 'reactions'> & { watches?: Map<string, Watch>; outbox?: MemoryOutbox; notices?: () => NoticesConfig },
): { ports: MemoryCasePorts; watches: Map<string, Watch> } => {
  const { watches = new Map<string, Watch>(), outbox, notices, ...rest } = given;
  const cases = memoryCaseStore({ watch: watchSink(watches), ...(outbox ? { outbox } : {}) });
  return { ports: { ...rest, cases, sealer: memorySealer(), reactions: caseReactions(notices ? { notices } : {}) }, watches };
};
