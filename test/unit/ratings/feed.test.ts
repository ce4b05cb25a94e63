import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../shared/sheets/xlsx.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { downloadFeed, exportFeedDay, listFeed } from '../../../shared/ratings/feed.ts';
import { memoryFeedStore } from '../../../shared/ratings/memory-feed.ts';
import { publicRatingBody } from '../../../shared/ratings/model.ts';
import { staticOfficeNames } from '../../../shared/offices/memory-names.ts';
import { ratePublic } from '../../../shared/ratings/rate.ts';
import { COUNTY_ACTOR, HEAD, META, OFFICE, at, ratingWorld } from './fixtures.ts';

const ADMIN = { ...COUNTY_ACTOR, scopes: [...COUNTY_ACTOR.scopes, 'rating.feed' as const] };

describe('provincial feed', () => {
  const world = async () => {
    const w = ratingWorld(at('2026-11-09', '10:00'));
    const yesterday = w.decided({ decision: { result: 'approved', at: at('2026-11-09', '11:00').toISOString(), onTime: true, by: 'clerk.lingshan' } });
    const other = w.decided({
      decision: { result: 'refused', reason: '不符合条件', at: at('2026-11-08', '11:00').toISOString(), onTime: false, by: 'clerk.lingshan' },
    });
    await ratePublic(
      w.ports,
      { ...publicRatingBody.parse({ phone4: '5678', level: 2, reason: '办理时间长、等待久', channel: 'qr' }), number: yesterday.number },
      META,
    );
    w.setNow(at('2026-11-10', '09:00'));
    await ratePublic(w.ports, { ...publicRatingBody.parse({ phone4: '5678', level: 5 }), number: other.number }, META);
    const feed = memoryFeedStore();
    const ports = {
      cases: w.ports.cases,
      ratings: w.ports.ratings,
      offices: staticOfficeNames({ [OFFICE]: '灵山镇' }),
      feed,
      clock: () => at('2026-11-10', '01:30'),
    };
    return { w, ports, feed, yesterday };
  };

  it("exports yesterday's ratings and decided cases with the reported fields, as JSON lines and Excel", async () => {
    const { ports, feed, yesterday } = await world();
    expect(await exportFeedDay(ports)).toEqual({ day: '2026-11-09', ratings: 1, cases: 1 });
    const lines = new TextDecoder()
      .decode(feed.files.get('feed/2026-11-09/ratings.jsonl')!.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        caseNumber: yesterday.number,
        itemName: yesterday.itemName,
        itemCode: yesterday.itemCode,
        officeName: '灵山镇',
        officeCode: OFFICE,
        applicantType: '自然人',
        rating: 2,
        ratingLabel: '不满意',
        channel: 'qr',
        channelLabel: '受理凭证二维码',
        ratedAt: '2026-11-09 10:00:00',
        evaluatedStaff: 'clerk.lingshan',
        reason: '办理时间长、等待久',
        rectification: '待整改',
        valid: true,
      },
    ]);
    const cases = new TextDecoder()
      .decode(feed.files.get('feed/2026-11-09/cases.jsonl')!.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(cases).toEqual([
      expect.objectContaining({ caseNumber: yesterday.number, decidedAt: '2026-11-09 11:00:00', result: '准予', onTime: true, applicantType: '自然人' }),
    ]);
    const all = [...feed.files.values()].map((f) => new TextDecoder().decode(f.body)).join();
    expect(all).not.toMatch(/张三丰|张\*丰|5678|1101\*/);
    const sheets = await readXlsx(feed.files.get('feed/2026-11-09/feed.xlsx')!.body);
    expect(sheets.map((s) => s.name)).toEqual(['好差评', '办件']);
    expect(sheets[0]!.rows[0]!.cells.slice(0, 4)).toEqual(['办件编号', '事项名称', '事项编码', '办理单位']);
    expect(sheets[0]!.rows[1]!.cells[0]).toBe(yesterday.number);
  });

  it('lists and downloads for the county admin only, audited; a missing day is 404', async () => {
    const { w, ports } = await world();
    await exportFeedDay(ports, { day: '2026-11-09' });
    await exportFeedDay(ports, { day: '2026-11-08' });
    const list = await listFeed(ports, ADMIN);
    expect(list.days.map((d) => d.day)).toEqual(['2026-11-09', '2026-11-08']);
    expect(list.days[0]!.files.map((f) => f.file).sort()).toEqual(['cases.jsonl', 'feed.xlsx', 'ratings.jsonl']);
    const f = await downloadFeed(ports, ADMIN, { day: '2026-11-09', file: 'ratings.jsonl' }, META);
    expect(new TextDecoder().decode(f.body)).toContain('"rating":2');
    expect(w.ports.ratings.audits.at(-1)).toMatchObject({ action: 'rating.feed.download', target: { type: 'feed', id: 'feed/2026-11-09/ratings.jsonl' } });
    await expect(downloadFeed(ports, ADMIN, { day: '2026-10-01', file: 'feed.xlsx' }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listFeed(ports, HEAD)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
