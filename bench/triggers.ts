/**
 * Trigger-heavy template: 500 functions with SQS, DynamoDB stream, schedule, S3 and HTTP API events,
 * event source mappings, EventBridge rules, log subscriptions and CloudFront Lambda@Edge associations.
 * Measures building the model against the events/ and edge/ rules alone; `ratio` (rules / build)
 * stays at or under 2 only when no trigger rule is quadratic in resources.
 */
import { buildTemplate } from '../server/src/template/model';
import { validate } from '../server/src/rules/engine';
import { RULES } from '../server/src/rules/index';
import { time } from './stats';

const FUNCTIONS = 500;
const QUEUES = 100;
const TABLES = 50;
const BUCKETS = 50;
const DISTRIBUTIONS = 10;
const LOG_GROUPS = 50;

/** The generated template text (YAML). */
export function triggersTemplate(): string {
  const out: string[] = ["AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31', 'Resources:'];
  for (let q = 0; q < QUEUES; q++) out.push(`  Queue${q}:`, '    Type: AWS::SQS::Queue', `    Properties: { VisibilityTimeout: ${q % 10 === 0 ? 60 : 180} }`);
  for (let d = 0; d < TABLES; d++) out.push(`  Table${d}:`, '    Type: AWS::DynamoDB::Table', '    Properties: { StreamSpecification: { StreamViewType: NEW_IMAGE } }');
  for (let b = 0; b < BUCKETS; b++) out.push(`  Bucket${b}:`, '    Type: AWS::S3::Bucket');
  for (let l = 0; l < LOG_GROUPS; l++) out.push(`  Logs${l}:`, '    Type: AWS::Logs::LogGroup');
  out.push('  EdgeRole:', '    Type: AWS::IAM::Role', '    Properties:');
  out.push('      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Action: sts:AssumeRole, Principal: { Service: [lambda.amazonaws.com, edgelambda.amazonaws.com] } }] }');
  for (let f = 0; f < FUNCTIONS; f++) {
    const edge = f < DISTRIBUTIONS * 2;
    out.push(`  Fn${f}:`, '    Type: AWS::Serverless::Function', '    Properties:', '      Runtime: nodejs22.x', '      Handler: index.handler', `      CodeUri: s3://bucket/fn${f}.zip`);
    if (edge) {
      out.push('      AutoPublishAlias: live', '      Role: !GetAtt EdgeRole.Arn', `      Timeout: ${f % 2 === 0 ? 5 : 10}`);
      continue;
    }
    out.push(`      Timeout: ${f % 7 === 0 ? 60 : 30}`);
    out.push('      Policies:', `        - S3CrudPolicy: { BucketName: !Ref Bucket${(f + 1) % BUCKETS} }`, `        - S3ReadPolicy: { BucketName: !Ref Bucket${f % BUCKETS} }`);
    out.push('      Events:');
    out.push('        Jobs:', '          Type: SQS', `          Properties: { Queue: !GetAtt Queue${f % QUEUES}.Arn, BatchSize: ${f % 13 === 0 ? 100 : 10} }`);
    out.push('        Changes:', '          Type: DynamoDB', `          Properties: { Stream: !GetAtt Table${f % TABLES}.StreamArn, StartingPosition: LATEST, ParallelizationFactor: 2 }`);
    out.push('        Nightly:', '          Type: Schedule', `          Properties: { Schedule: '${f % 11 === 0 ? 'rate(1 hours)' : 'cron(0 3 * * ? *)'}' }`);
    out.push('        Upload:', '          Type: S3', `          Properties: { Bucket: !Ref Bucket${f % BUCKETS}, Events: 's3:ObjectCreated:*', Filter: { S3Key: { Rules: [{ Name: prefix, Value: in/ }] } } }`);
    out.push('        Get:', '          Type: HttpApi', `          Properties: { Path: /items/${f}, Method: get }`);
    out.push(`  Mapping${f}:`, '    Type: AWS::Lambda::EventSourceMapping', `    Properties: { FunctionName: !Ref Fn${f}, EventSourceArn: !GetAtt Queue${(f + 3) % QUEUES}.Arn, BatchSize: 5 }`);
    out.push(`  Rule${f}:`, '    Type: AWS::Events::Rule', `    Properties: { ScheduleExpression: 'rate(${1 + (f % 5)} minutes)', Targets: [{ Id: t, Arn: !GetAtt Fn${f}.Arn }] }`);
    out.push(`  Sub${f}:`, '    Type: AWS::Logs::SubscriptionFilter', `    Properties: { LogGroupName: !Ref Logs${f % LOG_GROUPS}, FilterPattern: '', DestinationArn: !GetAtt Fn${f}.Arn }`);
  }
  for (let d = 0; d < DISTRIBUTIONS; d++) {
    out.push(`  Cdn${d}:`, '    Type: AWS::CloudFront::Distribution', '    Properties:', '      DistributionConfig:', '        DefaultCacheBehavior:', '          LambdaFunctionAssociations:');
    out.push(`            - { EventType: viewer-request, LambdaFunctionARN: !Ref Fn${2 * d}.Version }`, `            - { EventType: origin-request, LambdaFunctionARN: !GetAtt Fn${2 * d + 1}.Arn }`);
  }
  return `${out.join('\n')}\n`;
}

/** The fastest of `runs` calls, in milliseconds. */
function best(runs: number, fn: () => void): number {
  return Math.min(...Array.from({ length: runs }, () => time(fn)));
}

/** Build vs trigger and edge rules time (best of 5) on the generated template. */
export async function benchTriggers(): Promise<Record<string, unknown>> {
  const text = triggersTemplate();
  const rules = RULES.filter((r) => /^(events|edge)\//.test(r.meta.id));
  const options = { accountConcurrencyLimit: 1000, today: new Date(), ruleLevels: {}, reportSyntax: false };
  best(2, () => validate(buildTemplate(text), options, undefined, rules));
  const buildMs = best(5, () => buildTemplate(text));
  const models = Array.from({ length: 5 }, () => buildTemplate(text));
  let i = 0;
  let diagnostics = 0;
  const rulesMs = best(5, () => {
    diagnostics = validate(models[i++]!, options, undefined, rules).length;
  });
  return {
    template: `${FUNCTIONS} functions with 5 events each, ${QUEUES} queues, ${TABLES} streams, ${BUCKETS} buckets, ${LOG_GROUPS} log groups, ${DISTRIBUTIONS} distributions`,
    bytes: text.length,
    rules: rules.length,
    buildMs: Math.round(buildMs * 10) / 10,
    rulesMs: Math.round(rulesMs * 10) / 10,
    ratio: Math.round((rulesMs / buildMs) * 100) / 100,
    diagnostics,
  };
}
