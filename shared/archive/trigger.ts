import type { CaseReactions } from '../cases/ports.ts';
import { ARCHIVABLE } from './model.ts';

/**
 * The archive's reaction to a case change (the `CaseReactions` port of shared/cases, composed in
 * shared/app beside the notices' and the others'): once a case is
 * 办结 (or ends without a decision), every change of it — 办结, 送达, a correction — records one
 * outbox entry (topic `archive`, id `v<version>`: a change is recorded once). The consumer builds
 * the package from the case as stored then; the same inputs are archived once, changed ones
 * (dates, result, files) give a new package version with its dates computed again.
 */
export const archiveWrites: CaseReactions = (prev, next, at) =>
  ARCHIVABLE.has(next.status) && prev?.version !== next.version
    ? [
        {
          op: 'outbox',
          entry: { topic: 'archive', subject: next.id, id: `v${next.version}`, at: at.toISOString(), payload: { status: next.status, number: next.number } },
        },
      ]
    : [];
