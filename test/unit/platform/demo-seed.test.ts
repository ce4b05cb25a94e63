import { describe, expect, it } from 'vitest';
import { flattenOffices, loadCountyConfig } from '../../../infra/config/county-config.ts';
import { demoAccounts, demoPlaces } from '../../../local/seed-demo-directory.ts';
import { shownDir } from '../../../local/shown-dir.ts';

describe('npm start -- --county <code>: the demo staff sit at offices of that county', () => {
  it.each(['411521', '640502'])('%s: every demo account’s office is in its office tree', (code) => {
    const config = loadCountyConfig(code);
    const ids = new Set(flattenOffices(config.offices).map((o) => o.id));
    for (const a of demoAccounts(config)) expect(ids, `${a.username} at ${a.officeId}`).toContain(a.officeId);
  });

  it('罗山县 keeps the documented logins; 沙坡头区 gets its own township’s, named after it', () => {
    expect(demoAccounts(loadCountyConfig('411521')).map((a) => `${a.username}@${a.officeId}`)).toEqual(
      expect.arrayContaining(['clerk.lingshan@411521-lingshan', 'head.lingshan@411521-lingshan', 'agent.demo@411521-lingshan-demo1']),
    );
    const sp = loadCountyConfig('640502');
    expect(demoPlaces(sp)).toMatchObject({ township: { id: '640502-binhe' }, station: { id: '640502-binhe-demo1' }, slug: 'binhe', short: '滨河' });
    expect(demoAccounts(sp).find((a) => a.role === 'window_clerk' && a.officeId === '640502-binhe')).toMatchObject({
      username: 'clerk.binhe',
      displayName: '演示滨河窗口',
    });
  });

  it('the 数据目录 line names the directory in use, not always .data/', () => {
    expect(shownDir('/work/bianmin/.data', '/work/bianmin')).toBe('.data/');
    expect(shownDir('/tmp/county-b', '/work/bianmin')).toBe('/tmp/county-b/');
    expect(shownDir('demo/a', '/work/bianmin')).toBe('demo/a/');
  });
});
