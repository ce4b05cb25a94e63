import { SNSClient } from '@aws-sdk/client-sns';
import { endpoint } from './endpoint.ts';

let sns: SNSClient | undefined;

export const snsClient = (): SNSClient => (sns ??= new SNSClient({ ...endpoint('SNS') }));

export const resetSns = (): void => {
  sns = undefined;
};
