import type { CaseRecord, CaseStatus } from '../cases/model.ts';
import type { CaseReactions, CaseWrite } from '../cases/ports.ts';
import { bjDateLong } from '../platform/beijing-time.ts';
import type { NoticesConfig } from './config.ts';
import type { NoticeChannel, NoticeEvent, NoticePayload } from './model.ts';
import { render } from './templates.ts';

/**
 * The notices' reaction to a case change (the `CaseReactions` port of shared/cases, composed in
 * shared/app with the county's notices settings; in the same commit as the change): one outbox entry per fact the
 * applicant is told of, keyed `<event>#<channel>#applicant` so a fact is recorded once per case.
 * The text is rendered and checked here: a text the template's limits refuse is recorded as
 * failed with its reason (告知 evidence that it was NOT sent), never handed to the provider.
 */
export const noticeEventsOf = (prev: CaseRecord | undefined, next: CaseRecord): NoticeEvent[] => {
  if (next.noticesDeclined || prev?.status === next.status) return [];
  const was: CaseStatus | undefined = prev?.status;
  switch (next.status) {
    case 'accepted':
      return was === undefined || was === 'awaiting_supplement' ? ['accepted'] : [];
    case 'awaiting_supplement':
      return was === undefined ? ['supplement_required'] : [];
    case 'not_accepted':
      return ['refused'];
    case 'decided':
      return ['decided', 'rating_invite'];
    case 'delivered':
      return ['delivered'];
    default:
      return [];
  }
};

export const channelOf = (config: NoticesConfig): NoticeChannel | undefined =>
  config.provider === 'off' ? undefined : config.provider === 'webhook' ? 'webhook' : 'sms';

export const noticeId = (event: NoticeEvent, channel: NoticeChannel): string => `${event}#${channel}#applicant`;

/** The status page with its 查询码: the citizen who taps it types nothing. */
export const statusLink = (site: string, c: Pick<CaseRecord, 'number' | 'queryCode'>): string =>
  `${site.replace(/\/$/, '')}/status/${encodeURIComponent(c.number)}${c.queryCode ? `?code=${c.queryCode}` : ''}`;

/** The reaction, on the county's notices settings as they stand at each change. */
export const noticesReaction =
  (config: () => NoticesConfig): CaseReactions =>
  (prev, next, at) =>
    caseNotices(config(), prev, next, at);

export const caseNotices = (config: NoticesConfig, prev: CaseRecord | undefined, next: CaseRecord, at: Date): CaseWrite[] => {
  const channel = channelOf(config);
  if (!channel) return [];
  return noticeEventsOf(prev, next).map((event) => {
    const r = render(config, event, {
      item: next.itemName,
      number: next.number,
      due: next.dueDate ? bjDateLong(next.dueDate) : '当日',
      link: statusLink(config.siteUrl ?? '', next),
      missing: next.missingMaterials,
      reason: next.notAccepted?.reason ?? next.decision?.reason ?? '',
    });
    const payload: NoticePayload = {
      event,
      channel,
      recipient: 'applicant',
      caseNumber: next.number,
      officeId: next.officeId,
      templateCode: r.code ?? '',
      // a refused text has no values to send (and no empty map: DynamoDB Local's stream cannot carry one)
      ...(r.ok ? { vars: r.vars } : {}),
      text: r.text,
      phoneMasked: next.applicant.phoneMasked,
      sealed: next.applicant.sealed,
    };
    const iso = at.toISOString();
    return {
      op: 'outbox',
      entry: {
        topic: 'notices',
        subject: next.id,
        id: noticeId(event, channel),
        at: iso,
        payload: payload as unknown as Record<string, unknown>,
        // the consumer's progress starts here: refused texts are settled at once, with the reason
        progress: r.ok ? { status: 'queued', statusAt: iso } : { status: 'failed', statusAt: iso, reason: r.reason },
      },
    };
  });
};
