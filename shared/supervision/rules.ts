import * as z from 'zod';
import { configSection, runtimeConfig } from '../platform/runtime-config.ts';

/**
 * A county's 电子监察 rules. No national figures exist (Chengdu, Guangdong and Zhanjiang each set
 * their own), so every number is the county's, with these defaults:
 *
 * | rule | default | meaning |
 * |---|---|---|
 * | `yellowLeadWorkdays` | 2 | yellow card this many working days before the due day (start of that day, Beijing) |
 * | `yellowShare` | off | also yellow once this share of the promised working days is used (e.g. 0.8); the earlier warning wins |
 * | red | always | red card once the promised limit has passed |
 * | `phaseCard` | yellow | a single phase (hand-over, 签收) over its own limit |
 * | `immediateCard` | red | a 即办件 not decided on the day of acceptance |
 * | `suspensionCard` | yellow | a case in 特别程序 past the days it announced |
 * | `orderDeadlineWorkdays` | 3 | the deadline a 督办单 proposes; the supervisor may change it |
 *
 * A yellow card never comes before the first working day after acceptance (a 1-day promise is
 * warned at the start of its due day, not at the window).
 */
export const CARD_CHOICES = ['yellow', 'red', 'off'] as const;
export type CardChoice = (typeof CARD_CHOICES)[number];

export interface SupervisionRules {
  yellowLeadWorkdays: number;
  yellowShare?: number;
  phaseCard: CardChoice;
  immediateCard: CardChoice;
  suspensionCard: CardChoice;
  orderDeadlineWorkdays: number;
}

export const DEFAULT_RULES: SupervisionRules = {
  yellowLeadWorkdays: 2,
  phaseCard: 'yellow',
  immediateCard: 'red',
  suspensionCard: 'yellow',
  orderDeadlineWorkdays: 3,
};

const choice = z.enum(CARD_CHOICES, { error: '须为 yellow（黄牌）、red（红牌）或 off（不发牌）' });

/** The rules as the county config writes them (every field optional: defaults above). */
export const rulesSchema = z.object({
  yellowLeadWorkdays: z.number().int().min(0, '不能为负').max(10, '最多 10 个工作日').optional(),
  yellowShare: z.number().min(0.5, '不低于 0.5（用去一半时限）').max(0.95, '不高于 0.95').optional(),
  phaseCard: choice.optional(),
  immediateCard: choice.optional(),
  suspensionCard: choice.optional(),
  orderDeadlineWorkdays: z.number().int().min(1, '至少 1 个工作日').max(30, '最多 30 个工作日').optional(),
});
export type RulesInput = z.input<typeof rulesSchema>;

/** Fills the defaults; the legacy `thresholds.yellowCardWorkdays` counts when the rules omit the lead. */
export const rulesFrom = (input: RulesInput | undefined, legacyYellowLead?: number): SupervisionRules => {
  const r = rulesSchema.parse(input ?? {});
  return {
    ...DEFAULT_RULES,
    ...(legacyYellowLead !== undefined ? { yellowLeadWorkdays: legacyYellowLead } : {}),
    ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)),
  };
};

const rulesSection = configSection('SUPERVISION_RULES_JSON', rulesSchema.optional(), undefined);

/** The county's rules as the functions read them (SUPERVISION_RULES_JSON, set by the stack from the county file). */
export const configuredRules = (): SupervisionRules => {
  const r = rulesSection.get();
  return rulesFrom(r, r?.yellowLeadWorkdays ?? runtimeConfig().yellowCardWorkdays);
};
