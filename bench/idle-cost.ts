/**
 * What one county pays a month with no traffic: synthesizes the demo county (bundling skipped: the
 * template is the same) and prices every resource billed per month whatever the traffic (KMS keys,
 * alarm metrics, secrets), plus the invocations that run anyway (keep-warm pings, schedules).
 * Storage (tables, logs, buckets) of an idle county is a few MB: cents, left out.
 * Run alone: `npx tsx bench/idle-cost.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { buildCounty } from '../infra/county.ts';
import { loadCountyConfig } from '../infra/config/county-config.ts';
import { ROOT } from '../local/modules.ts';
import { KEEP_WARM_SCHEDULE } from '../shared/platform/keep-warm.ts';

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export const prices = () =>
  JSON.parse(readFileSync(join(ROOT, 'bench', 'prices.json'), 'utf8')) as {
    checked: string;
    usEast1: Record<string, number>;
    china: Record<string, number | string>;
  };

/** Invocations a month of a schedule expression (rate(...) or a cron of minute/hour fields). */
const perMonth = (expression: string): number => {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate)
    return (30 * 24 * 60) / (Number(rate[1]) * ({ minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 } as Record<string, number>)[rate[2]!]!);
  const cron = /^cron\((\S+) (\S+) /.exec(expression);
  if (!cron) return 30;
  const count = (field: string, span: number): number => {
    if (field === '*') return span;
    const step = /^(\d+|\*)\/(\d+)$/.exec(field);
    if (step) return Math.ceil(span / Number(step[2]));
    const range = /^(\d+)-(\d+)$/.exec(field);
    if (range) return Number(range[2]) - Number(range[1]) + 1;
    return field.split(',').length;
  };
  return count(cron[1]!, 60) * count(cron[2]!, 24) * 30;
};

export const idleCost = (code = '411521'): { usdPerMonth: number; lines: Array<{ what: string; count: number; usd: number }> } => {
  const app = new App({
    context: { ...(JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: object }).context, 'aws:cdk:bundling-stacks': [] },
  });
  const { data, appStack } = buildCounty(app, loadCountyConfig(code));
  const assembly = app.synth();
  const resources = [data, appStack].flatMap((s) =>
    Object.values((assembly.getStackByName(s.stackName).template as { Resources: Record<string, Resource> }).Resources),
  );
  const of = (type: string) => resources.filter((r) => r.Type === type);
  const p = prices().usEast1;
  const alarmMetrics = of('AWS::CloudWatch::Alarm').reduce(
    (n, a) => n + ((a.Properties?.Metrics as unknown[] | undefined)?.filter((m) => (m as { MetricStat?: unknown }).MetricStat).length ?? 1),
    0,
  );
  const rules = of('AWS::Events::Rule');
  const invocations = rules.reduce(
    (n, r) => n + perMonth(String(r.Properties?.ScheduleExpression)) * ((r.Properties?.Targets as unknown[] | undefined)?.length ?? 1),
    0,
  );
  // a ping or an idle schedule run: ~10 ms at 1 GB
  const invocationUsd = (invocations / 1e6) * p.lambdaRequestsPerMillion! + invocations * 0.01 * 1 * p.lambdaArmGbSecond!;
  const lines = [
    // one line per key, with what it guards (its description): each is a separate security property
    ...of('AWS::KMS::Key').map((k) => ({
      what: `KMS key: ${String(k.Properties?.Description ?? '').replace(/^便民 [^:]+: /, '')}`,
      count: 1,
      usd: p.kmsKeyPerMonth!,
    })),
    { what: 'alarm metrics (standard resolution)', count: alarmMetrics, usd: alarmMetrics * p.alarmMetricPerMonth! },
    { what: 'secrets', count: of('AWS::SecretsManager::Secret').length, usd: of('AWS::SecretsManager::Secret').length * p.secretPerMonth! },
    { what: `scheduled invocations a month (incl. keep-warm ${KEEP_WARM_SCHEDULE})`, count: Math.round(invocations), usd: invocationUsd },
    { what: 'log groups (billed by volume only)', count: of('AWS::Logs::LogGroup').length, usd: 0 },
    {
      what: 'tables on demand, queues, topic, API, functions (billed by use only)',
      count: of('AWS::DynamoDB::Table').length + of('AWS::SQS::Queue').length + of('AWS::Lambda::Function').length,
      usd: 0,
    },
  ].map((l) => ({ ...l, usd: Math.round(l.usd * 100) / 100 }));
  return { usdPerMonth: Math.round(lines.reduce((s, l) => s + l.usd, 0) * 100) / 100, lines };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = idleCost();
  console.table(r.lines);
  console.log('USD a month:', r.usdPerMonth);
}
