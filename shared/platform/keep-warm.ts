/**
 * Keep-warm: at a county's few requests a minute even functions grouped by context go cold between
 * uses (`npm run bench` simulates a working day: ~10 % of requests cold at 5 a minute). A schedule
 * sends this event to every HTTP function and the authorizer every few minutes during opening
 * hours; they answer it at once, touching no data. A few cents a month per county.
 */
export const WARM_UP_EVENT = { 'bianmin-warm-up': true } as const;

/** Every 4 minutes, 08:00–17:56 Beijing time (UTC+8), every day (调休 Saturdays and Sundays too). */
export const KEEP_WARM_SCHEDULE = 'cron(0/4 0-9 * * ? *)';

export const isWarmUp = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as Record<string, unknown>)['bianmin-warm-up'] === true;
