import { Aspects, type App, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions, ServerlessChecks } from 'cdk-nag';

/**
 * cdk-nag AwsSolutions + Serverless packs on every stack. Their findings are error annotations,
 * and the CDK CLI fails synth on any unsuppressed error.
 */
export const applyNag = (app: App): void => {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  Aspects.of(app).add(new ServerlessChecks({ verbose: true }));
};

/** Suppressions that hold for every county stack, each with its reason. */
export const suppressStackWide = (stack: Stack, china: boolean): void => {
  NagSuppressions.addStackSuppressions(
    stack,
    [
      { id: 'AwsSolutions-L1', reason: 'nodejs22.x is pinned on purpose: local tests run Node 22 (node@22), so what is tested is what runs.' },
      { id: 'AwsSolutions-IAM4', reason: 'Only CDK-managed singleton functions (BucketDeployment, API Gateway CloudWatch role) use AWS managed policies.' },
      { id: 'Serverless-LambdaDefaultMemorySize', reason: 'CDK-managed singleton functions keep their defaults.' },
      { id: 'Serverless-LambdaLatestVersion', reason: 'nodejs22.x is pinned to match the local test runtime.' },
      { id: 'Serverless-LambdaDLQ', reason: 'Functions use an on-failure destination (SQS) instead of a DLQ; CDK-managed singletons are synchronous.' },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason: 'CDK-managed singleton functions are invoked synchronously by CloudFormation.' },
      ...(china
        ? [
            { id: 'Serverless-LambdaTracing', reason: 'AWS X-Ray for Lambda is not available in the China partition.' },
            { id: 'Serverless-APIGWXrayEnabled', reason: 'AWS X-Ray is not available for API Gateway in the China partition.' },
          ]
        : [{ id: 'Serverless-LambdaTracing', reason: 'CDK-managed singleton functions do not trace.' }]),
      { id: 'Serverless-APIGWStructuredLogging', reason: 'Access logs use jsonWithStandardFields (structured JSON).' },
      // the API's nested stack (infra/stacks/app-stack.ts) holds the same kinds of resource
    ],
    true,
  );
};
