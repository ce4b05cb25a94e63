import { describe, expect, it } from 'vitest';
import { publicView } from '../../../shared/cases/views.ts';
import { caseIn } from '../cases/fixtures.ts';

describe('the citizen’s timeline', () => {
  it('shows no 电子监察 line (cards, 督办, 反馈)', () => {
    const at = (h: number) => `2026-11-0${h}T02:00:00.000Z`;
    const events = ['accepted', 'yellow_card', 'red_card', 'supervision_order', 'order_response', 'second_red_card', 'approved'].map((type, i) => ({
      type,
      at: at(i + 2),
      by: 'x',
    }));
    expect(publicView(caseIn('decided'), events as never).timeline.map((e) => e.label)).toEqual(['窗口已收件并受理', '办结：准予']);
  });
});
