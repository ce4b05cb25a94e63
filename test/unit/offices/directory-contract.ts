import { expect, it } from 'vitest';
import type { NetworkOffice } from '../../../shared/offices/offices.ts';
import type { OfficeDirectory } from '../../../shared/offices/ports.ts';

/**
 * The OfficeDirectory contract: run on the memory fake (unit) and on DynamoDB Local (integration).
 * `make` stores the offices (the directory table may hold others: the contract looks at its own ids).
 */
export const officeDirectoryContract = (make: (offices: readonly NetworkOffice[]) => Promise<OfficeDirectory>): void => {
  const tag = `c${Math.random().toString(36).slice(2, 8)}`;
  const tree: NetworkOffice[] = [
    { id: `${tag}-center`, name: '测试县政务服务中心', kind: 'county_center', parentId: null },
    { id: `${tag}-dept`, name: '测试县民政局', kind: 'department', parentId: `${tag}-center` },
    { id: `${tag}-town`, name: '测试镇便民服务中心', kind: 'township', parentId: `${tag}-center` },
    { id: `${tag}-town2`, name: '测试乡便民服务中心', kind: 'township', parentId: `${tag}-center` },
    { id: `${tag}-village`, name: '测试村便民服务站', kind: 'village', parentId: `${tag}-town` },
  ];
  const ours = async (d: OfficeDirectory) => (await d.all()).filter((o) => o.id.startsWith(tag)).sort((a, b) => a.id.localeCompare(b.id));

  it('lists every office once with its name, kind and parent, nothing else; the root has a null parent', async () => {
    const d = await make(tree);
    expect(await ours(d)).toEqual([...tree].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('an office moved to another township is listed once, under its new parent', async () => {
    await make(tree);
    const moved = { ...tree[4]!, parentId: `${tag}-town2` };
    const d = await make([...tree.slice(0, 4), moved]);
    expect((await ours(d)).filter((o) => o.id === moved.id)).toEqual([moved]);
  });

  it('what it answers is not its own copy: a caller changing an office changes no later answer', async () => {
    const d = await make(structuredClone(tree));
    const first = await ours(d);
    const name = first[0]!.name;
    try {
      (first[0] as { name: string }).name = '改掉的名字';
    } catch {
      // frozen: refusing the change is keeping the tree as well
    }
    expect((await ours(d))[0]!.name).toBe(name);
  });
};
