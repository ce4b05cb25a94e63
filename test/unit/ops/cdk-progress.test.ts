import { describe, expect, it } from 'vitest';
import { newProgress, readCdkLine } from '../../../scripts/lib/cdk-progress.ts';

describe('reading cdk deploy output', () => {
  it('follows the stage, keeps the last status of each stack, and finds the API endpoint', () => {
    const p = newProgress();
    const lines = [
      'Bundling asset Bianmin-411521-App/Authorizer/Fn/Code/Stage...',
      '\x1b[32mBianmin-411521-Data | 0/5 | 10:01:02 AM | UPDATE_IN_PROGRESS   | AWS::CloudFormation::Stack | Bianmin-411521-Data User Initiated\x1b[39m',
      'Bianmin-411521-Data | 5/5 | 10:01:40 AM | UPDATE_COMPLETE      | AWS::CloudFormation::Stack | Bianmin-411521-Data',
      ' ✅  Bianmin-411521-Data',
      ' ✅  Bianmin-411521-App (no changes)',
      'Bianmin-411521-App.ApiEndpoint4F160690 = https://a1b2c3.execute-api.cn-north-1.amazonaws.com.cn/prod/',
    ];
    const stages: string[] = [];
    for (const l of lines) {
      readCdkLine(p, l);
      stages.push(p.stage);
    }
    expect(stages.slice(0, 3)).toEqual(['合成', 'Bianmin-411521-Data UPDATE_IN_PROGRESS', 'Bianmin-411521-Data UPDATE_COMPLETE']);
    expect([...p.stacks]).toEqual([
      ['Bianmin-411521-Data', 'UPDATE_COMPLETE'],
      ['Bianmin-411521-App', 'NO_CHANGES'],
    ]);
    expect(p.apiUrl).toBe('https://a1b2c3.execute-api.cn-north-1.amazonaws.com.cn/prod');
    expect(p.error).toBeUndefined();
  });

  it('keeps the first failure reason', () => {
    const p = newProgress();
    readCdkLine(p, ' ❌  Bianmin-640502-App failed: Error: The stack named Bianmin-640502-App failed to deploy: UPDATE_ROLLBACK_COMPLETE');
    readCdkLine(p, ' ❌  Bianmin-640502-App failed: later noise');
    expect(p.error).toMatch(/UPDATE_ROLLBACK_COMPLETE$/);
    expect(p.stacks.get('Bianmin-640502-App')).toBe('FAILED');
  });
});
