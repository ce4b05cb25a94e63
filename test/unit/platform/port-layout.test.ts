import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One port layout for every context (docs/ARCHITECTURE.md, "Contexts"): a context that talks to a
 * service keeps the interfaces its use cases take in `ports.ts` (types only), builds its adapters in
 * `wiring.ts`, has an in-memory fake for its ports, and runs each port's contract (a shared
 * `describe` body in `test/unit/<context>/*-contract.ts`) on the fake in a unit test and on the
 * adapter in an integration test against the local emulators.
 */
const ADAPTER = /^(dynamo|s3|sqs|sns|kms|http|secrets)-.+\.ts$/;
/** The foundation and platform toolkits: their adapters are the SDK clients, the DynamoDB kit and the health probes, not ports of a use case. */
const TOOLKITS = new Set(['aws', 'db', 'platform']);
/** Names a port file once had, before every context kept its ports in ports.ts: such a file may hold runtime helpers, never an interface. */
const OLD_PORT_FILE = /^(store|reader|notifier|sealer|feed-store|material-ports|.+-ports)\.ts$/;
/** Ports with no local emulator for their service: their contract runs in a unit test, on the fake and on the adapter's local dev-key path. */
const NO_EMULATOR: Record<string, string> = {
  'identity/token-signer-contract.ts': 'KMS',
};
/** In-memory helpers that are not the fake of a port, and so have no contract of their own. */
const NOT_FAKES: Record<string, string> = {
  'catalog/memory-catalog-reader.ts':
    'a fixed catalog for other contexts’ unit tests; the production reader is catalogReaderOn(store), and the store has the contract',
  'offices/memory-names.ts': 'fixed name lists for reports in tests; the production names are a view of the office tree, which has the contract',
  'supervision/memory-watches.ts':
    'the in-memory case store’s hook for its `watch` writes (supervision’s snapshot of a case); covered by the scan’s unit tests, with no store contract of its own yet',
  'cases/memory-sealer.ts':
    'the sealer’s contract is test/unit/cases/sealer.test.ts, on the fake and on the KMS sealer’s local dev-key path (no KMS emulator runs locally)',
};

const contexts = readdirSync('shared', { withFileTypes: true })
  .filter((d) => d.isDirectory() && !TOOLKITS.has(d.name))
  .map((d) => ({ name: d.name, files: readdirSync(join('shared', d.name)).filter((f) => f.endsWith('.ts')) }));
const withAdapters = contexts.filter((c) => c.files.some((f) => ADAPTER.test(f)));

const testFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => join(dir, f))
    : [];
const unitTests = testFiles('test/unit').map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const integrationTests = testFiles('test/integration').map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const runs = (tests: typeof unitTests, contract: string) => tests.filter((t) => t.text.includes(`/${contract}'`) || t.text.includes(`/${contract}"`));

describe('one port layout', () => {
  it('every context that talks to a service has ports.ts and wiring.ts', () => {
    const missing = withAdapters.flatMap((c) => ['ports.ts', 'wiring.ts'].filter((f) => !c.files.includes(f)).map((f) => `shared/${c.name}/${f}`));
    expect(missing).toEqual([]);
  });

  it('ports.ts declares types only: no runtime code, type-only imports', () => {
    const bad = contexts
      .filter((c) => c.files.includes('ports.ts'))
      .flatMap((c) => {
        const text = readFileSync(join('shared', c.name, 'ports.ts'), 'utf8');
        const lines = text.split('\n');
        return lines
          .filter((l) => /^(export\s+)?(const|let|var|function|async function|class|enum)\s/.test(l) || (/^import\s/.test(l) && !/^import\s+type\s/.test(l)))
          .map((l) => `shared/${c.name}/ports.ts: ${l.trim()}`);
      });
    expect(bad).toEqual([]);
  });

  it('no port lives in a file named otherwise', () => {
    const stray = contexts.flatMap((c) =>
      c.files
        .filter((f) => OLD_PORT_FILE.test(f) && /^export (interface|type \w+ = \{)/m.test(readFileSync(join('shared', c.name, f), 'utf8')))
        .map((f) => `shared/${c.name}/${f}`),
    );
    expect(stray).toEqual([]);
  });

  it('every context with adapters has an in-memory fake and a contract run on both fake and adapter', () => {
    const gaps = withAdapters.flatMap((c) => {
      const out: string[] = [];
      if (!c.files.some((f) => f.startsWith('memory-'))) out.push(`shared/${c.name}: no memory-*.ts fake`);
      const dir = join('test/unit', c.name);
      const contracts = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('-contract.ts')) : [];
      if (!contracts.length) out.push(`shared/${c.name}: no test/unit/${c.name}/*-contract.ts`);
      for (const k of contracts) {
        if (!runs(unitTests, k).length) out.push(`test/unit/${c.name}/${k}: run by no unit test (the fake)`);
        if (!runs(integrationTests, k).length && !NO_EMULATOR[`${c.name}/${k}`]) out.push(`test/unit/${c.name}/${k}: run by no integration test (the adapter)`);
      }
      return out;
    });
    expect(gaps).toEqual([]);
  });

  it('every fake passes a contract: each memory-*.ts is run by a contract runner, or is part of a fake that is', () => {
    const contractTexts = contexts.flatMap((c) => {
      const dir = join('test/unit', c.name);
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('-contract.ts'))
            .map((f) => readFileSync(join(dir, f), 'utf8'))
        : [];
    });
    const runners = [...unitTests.filter((t) => /-contract\.ts['"]/.test(t.text)).map((t) => t.text), ...contractTexts];
    const unused = contexts.flatMap((c) => {
      const fakes = c.files.filter((f) => f.startsWith('memory-') && !NOT_FAKES[`${c.name}/${f}`]);
      const ref = (f: string) => `/${c.name}/${f.replace(/\.ts$/, '')}`;
      const run = new Set(fakes.filter((f) => runners.some((t) => t.includes(ref(f)))));
      // a fake composed into another (the attempts into the directory) is run with it
      for (let grew = true; grew;) {
        grew = false;
        for (const f of fakes.filter((x) => !run.has(x)))
          if ([...run].some((r) => readFileSync(join('shared', c.name, r), 'utf8').includes(`./${f.replace(/\.ts$/, '')}`))) grew = run.add(f).size > 0;
      }
      return fakes.filter((f) => !run.has(f)).map((f) => `shared/${c.name}/${f}`);
    });
    expect(unused).toEqual([]);
  });
});
