import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { s3Client } from '../../../shared/aws/s3-client.ts';
import { materialKey } from '../../../shared/cases/materials-model.ts';

const ID_CARD = demoItems().find((i) => i.name === '居民身份证核发')!;
const person = { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };
/** A real PNG's first bytes (signature + IHDR), and a Word file's (a ZIP) declared as PDF. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);

/** Materials as files against fauxqs S3: presigned PUT → the bucket; the byte check; the audited download. */
describe('material files (POST /api/cases/{id}/materials/uploads)', () => {
  let stack: TestStack;
  let clerk: string;
  let caseId: string;
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, token = clerk) => stack.fetch(path, { method: 'POST', json: body, token });
  const objectOf = async (key: string) =>
    s3Client()
      .send(new GetObjectCommand({ Bucket: stack.env.BUCKET_MATERIALS, Key: key }))
      .then(async (r) => r.Body!.transformToByteArray())
      .catch(() => undefined);
  const upload = async (name: string, contentType: string, bytes: Uint8Array) => {
    const r = await post(`/api/cases/${caseId}/materials/uploads`, { name, contentType, size: bytes.length, fileName: `${name}.png` });
    expect(r.status, await r.clone().text()).toBe(201);
    const { upload: u } = await json(r);
    expect(u.method).toBe('PUT');
    const put = await fetch(u.url, { method: 'PUT', headers: u.headers, body: Buffer.from(bytes) });
    expect(put.status).toBe(200);
    return u.materialId as string;
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    clerk = await stack.login('clerk.lingshan');
    const r = await stack.fetch('/api/cases', {
      method: 'POST',
      token: clerk,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: { itemCode: ID_CARD.code, applicant: person, materialsReceived: ['居民户口簿'] },
    });
    caseId = (await json(r)).case.id;
  });
  afterAll(() => stack.stop());

  it('upload → the file in the bucket, confirmed with its SHA-256, listed; opening it is audited', async () => {
    const id = await upload('居民户口簿', 'image/png', PNG);
    expect(await objectOf(materialKey(caseId, id))).toEqual(PNG);
    const c = await post(`/api/cases/${caseId}/materials/${id}/confirm`, {});
    expect(c.status, await c.clone().text()).toBe(200);
    const { material } = await json(c);
    expect(material).toMatchObject({ status: 'stored', name: '居民户口簿', size: PNG.length });
    expect(material.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = await json(await stack.fetch(`/api/cases/${caseId}/materials`, { token: clerk }));
    expect(list.materials.map((m: { materialId: string }) => m.materialId)).toContain(id);
    const view = await post(`/api/cases/${caseId}/materials/${id}/view`, {});
    const { url } = await json(view);
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(PNG);
    const admin = await stack.login('supervisor');
    const audit = await json(await stack.fetch(`/api/audit?action=case.material-view`, { token: admin }));
    expect(JSON.stringify(audit)).toContain('case.material-view');
  });

  it('wrong magic bytes: refused (422, Chinese message, field) and the object removed', async () => {
    const id = await upload('申请表', 'application/pdf', DOCX);
    const c = await post(`/api/cases/${caseId}/materials/${id}/confirm`, {});
    expect(c.status).toBe(422);
    const body = await json(c);
    expect(JSON.stringify(body)).toContain('只接受 PDF、JPEG、PNG');
    expect(JSON.stringify(body)).toContain('contentType');
    expect(await objectOf(materialKey(caseId, id))).toBeUndefined();
    const list = await json(await stack.fetch(`/api/cases/${caseId}/materials`, { token: clerk }));
    expect(list.materials.map((m: { materialId: string }) => m.materialId)).not.toContain(id);
  });

  it('type or size outside the limits: 400 with the field; a resent queued request gets the same material', async () => {
    const exe = await post(`/api/cases/${caseId}/materials/uploads`, { name: '申请表', contentType: 'application/x-msdownload', size: 100 });
    expect(exe.status).toBe(400);
    expect(JSON.stringify(await json(exe))).toContain('只接受 PDF、JPEG 或 PNG 文件');
    const big = await post(`/api/cases/${caseId}/materials/uploads`, { name: '申请表', contentType: 'application/pdf', size: 11 * 1024 * 1024 });
    expect(big.status).toBe(400);
    expect(JSON.stringify(await json(big))).toContain('size');
    const materialId = crypto.randomUUID();
    const a = await json(await post(`/api/cases/${caseId}/materials/uploads`, { name: '照片', contentType: 'image/png', size: 20, materialId }));
    const b = await json(await post(`/api/cases/${caseId}/materials/uploads`, { name: '照片', contentType: 'image/png', size: 20, materialId }));
    expect(a.upload.materialId).toBe(materialId);
    expect(b.upload.materialId).toBe(materialId);
  });
});
