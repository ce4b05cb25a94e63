import { describe, expect, it } from 'vitest';
import { aliyunEncode, aliyunSignature, tc3Authorization } from '../../../shared/notices/signing.ts';

/** The providers' own published examples: a signature that differs from theirs would be refused. */
describe('provider signatures match the providers’ documented examples', () => {
  it('Alibaba Cloud SendSms (RPC, HMAC-SHA1): the SMS documentation’s example request', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    // a changed parameter, or another secret, gives another signature
    expect(aliyunSignature('GET', { ...params, PhoneNumbers: '15300000002' }, 'testSecret')).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(aliyunSignature('GET', params, 'testsecret')).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('Alibaba Cloud RPC signature mechanism: the DescribeRegions example', () => {
    const params = {
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Version: '2014-05-26',
      Timestamp: '2016-02-23T12:46:24Z',
    };
    expect(aliyunSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('Alibaba percent-encoding: space %20, * %2A, ~ kept, UTF-8 bytes', () => {
    expect([aliyunEncode('a b'), aliyunEncode('*'), aliyunEncode('~-_.'), aliyunEncode('/=&+'), aliyunEncode('派')]).toEqual([
      'a%20b',
      '%2A',
      '~-_.',
      '%2F%3D%26%2B',
      '%E6%B4%BE',
    ]);
  });

  it('Tencent Cloud API 3.0 (TC3-HMAC-SHA256): the signature documentation’s DescribeInstances example', () => {
    const auth = tc3Authorization({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      contentType: 'application/json; charset=utf-8',
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      timestamp: 1551113065,
    });
    expect(auth).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });
});
