/**
 * Scheduled functions, as data shared by the CDK stack (EventBridge rules) and the local
 * scheduler. The handler is `functions/schedules/<id>.ts`. Expressions use EventBridge syntax
 * and are evaluated in UTC (Beijing time is UTC+8).
 */
export interface ScheduleDef {
  readonly id: string;
  readonly description: string;
  /** `rate(N minutes|hours)` or `cron(min hour dom month dow year)` */
  readonly expression: string;
}

export const SCHEDULES: readonly ScheduleDef[] = [
  { id: 'overdue-scan', description: '电子监察: yellow and red cards for promised cases near or past due', expression: 'rate(15 minutes)' },
  { id: 'daily-digest', description: 'Morning digest of due and overdue cases for supervisors (08:30 Beijing)', expression: 'cron(30 0 * * ? *)' },
  { id: 'disclosure-publish', description: '六公开: publish recent results and monthly ratings per office (no personal data)', expression: 'rate(30 minutes)' },
  {
    id: 'provincial-feed',
    description: "Provincial feed: yesterday's cases and ratings as JSON lines and Excel in the feed bucket (01:30 Beijing)",
    expression: 'cron(30 17 * * ? *)',
  },
  {
    id: 'rectification-overdue',
    description: '差评整改: alerts for callbacks and rectifications past their working-day deadlines',
    expression: 'rate(1 hour)',
  },
];
