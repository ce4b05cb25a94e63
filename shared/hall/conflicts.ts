/** Why a store write was refused (the use cases turn these into the citizen's or clerk's message). */
export const HALL_CONFLICT = {
  SLOT_FULL: 'SLOT_FULL',
  PHONE_DAY_FULL: 'PHONE_DAY_FULL',
  CODE_TAKEN: 'CODE_TAKEN',
  NOT_BOOKED: 'NOT_BOOKED',
  TICKET_TAKEN: 'TICKET_TAKEN',
  NOT_AT_WINDOW: 'NOT_AT_WINDOW',
  BUSY: 'HALL_BUSY',
  VISIT_CLOSED: 'VISIT_CLOSED',
} as const;
export type HallConflict = (typeof HALL_CONFLICT)[keyof typeof HALL_CONFLICT];
export class HallStoreConflict extends Error {
  constructor(readonly code: HallConflict) {
    super(code);
  }
}
