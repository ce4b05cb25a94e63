/**
 * Reads `cdk deploy` output line by line: the stage a county is at, the last CloudFormation
 * status of each stack, the API endpoint output, and the failure reason.
 */
export interface CdkProgress {
  stage: string;
  stacks: Map<string, string>;
  apiUrl?: string;
  error?: string;
}

const STACK_EVENT = /\|\s*([A-Z_]+)\s*\|\s*AWS::CloudFormation::Stack\s*\|\s*(\S+)/;
const ANY_EVENT = /\|\s*([A-Z_]+)\s*\|\s*(AWS::[A-Za-z0-9:]+)\s*\|\s*(\S+)/;

export const newProgress = (): CdkProgress => ({ stage: '等待', stacks: new Map() });

export const readCdkLine = (p: CdkProgress, raw: string): void => {
  const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim(); // eslint-disable-line no-control-regex
  if (!line) return;
  let m: RegExpExecArray | null;
  if (/^Bundling asset|^\[\d+\/\d+\].*synth|Synthesis time/i.test(line)) p.stage = '合成';
  else if ((m = STACK_EVENT.exec(line))) {
    p.stacks.set(m[2]!, m[1]!);
    p.stage = `${m[2]} ${m[1]}`;
  } else if ((m = ANY_EVENT.exec(line))) p.stage = `${m[1]} ${m[2]}`;
  else if ((m = /^✅\s+(\S+)(\s+\(no changes\))?/.exec(line))) {
    if (m[2] || !p.stacks.has(m[1]!)) p.stacks.set(m[1]!, m[2] ? 'NO_CHANGES' : 'DEPLOYED');
    p.stage = `${m[1]} 完成`;
  } else if ((m = /^❌\s+(\S+)\s+failed:?\s*(.*)$/.exec(line))) {
    p.stacks.set(m[1]!, p.stacks.get(m[1]!) ?? 'FAILED');
    p.error ??= m[2]?.slice(0, 200) || '部署失败';
    p.stage = `${m[1]} 失败`;
  } else if ((m = /^\S+\.\S*Endpoint\S*\s*=\s*(https?:\/\/\S+)$/.exec(line))) p.apiUrl = m[1]!.replace(/\/$/, '');
  else if (/^(deploying|Deploying)\b|: deploying\.\.\./.test(line)) p.stage = '部署';
};
