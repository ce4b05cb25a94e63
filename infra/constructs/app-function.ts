import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { existsSync } from 'node:fs';
import { Construct } from 'constructs';
import { BUNDLING, pdfBundleCommands, pinyinBundleCommands } from './bundling.ts';

export interface AppFunctionProps {
  /** Absolute path of the handler module (exports `handler`). */
  entry: string;
  environment: Record<string, string>;
  role: IRole;
  /**
   * Where failed asynchronous invocations go. Absent for a function only ever invoked synchronously
   * (API Gateway): its destination config would be a resource that never fires, and a stack holds 500.
   */
  failureQueue?: IQueue;
  /** Lambda X-Ray tracing is not offered in the China partition. */
  tracing: boolean;
  timeout?: Duration;
  memorySize?: number;
  /** Draws PDFs: the PDF drawer, its font and wasm beside the bundle (infra/constructs/bundling.ts pdfBundleCommands). */
  pdf?: boolean;
  /** Its group's reservation (infra/config/concurrency.ts): a floor and a ceiling; absent, the shared pool. */
  reservedConcurrency?: number | undefined;
}

/**
 * A Lambda function with locked defaults: nodejs22.x on arm64, ESM bundle with the SDK bundled
 * (the version we test is the version that runs), minified (infra/constructs/bundling.ts), its own log group
 * kept 365 days, a failure destination for async invokes (when it is invoked asynchronously at all).
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    if (!existsSync(props.entry)) throw new Error(`handler file missing: ${props.entry}`);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      role: props.role,
      logGroup,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      ...(props.failureQueue ? { onFailure: new SqsDestination(props.failureQueue) } : {}),
      environment: props.environment,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      // one options object with the bench (infra/constructs/bundling.ts)
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLING.target,
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        mainFields: [...BUNDLING.mainFields],
        externalModules: [...BUNDLING.externalModules],
        banner: BUNDLING.banner,
        define: { ...BUNDLING.define },
        // files loaded on first use beside the bundle: pinyin-pro where the bundle names it, the PDF drawer where it draws
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...pinyinBundleCommands(inputDir, outputDir),
            ...(props.pdf ? pdfBundleCommands(inputDir, outputDir) : []),
          ],
        },
      },
    });
  }
}
