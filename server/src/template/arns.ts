/**
 * The ARNs a template resource will have, as far as the template tells: its name when written
 * (BucketName, QueueName, ...), pseudo-parameter markers for partition / region / account, and a
 * HOLE where CloudFormation generates the value. Used to decide whether a policy's ARN glob covers
 * a resource of the same template.
 */
import { get } from './ast';
import type { Template } from './model';
import { HOLE, patternOf } from './policies';
import { hasWildcard } from './wildcard';

const P = '\u0001p';
const R = '\u0001r';
const A = '\u0001a';
const DB_USER = `arn:${P}:rds-db:${R}:${A}:dbuser:${HOLE}/${HOLE}`;

interface Shape {
  /** The property holding the physical name, when the type has one. */
  readonly nameProp?: string;
  /** ARN forms, `{}` standing for the name. */
  readonly arns: readonly string[];
}

const SHAPES: Readonly<Record<string, Shape>> = {
  'AWS::S3::Bucket': { nameProp: 'BucketName', arns: [`arn:${P}:s3:::{}`, `arn:${P}:s3:::{}/${HOLE}`] },
  'AWS::SQS::Queue': { nameProp: 'QueueName', arns: [`arn:${P}:sqs:${R}:${A}:{}`] },
  'AWS::SNS::Topic': { nameProp: 'TopicName', arns: [`arn:${P}:sns:${R}:${A}:{}`] },
  'AWS::DynamoDB::Table': { nameProp: 'TableName', arns: [`arn:${P}:dynamodb:${R}:${A}:table/{}`] },
  'AWS::Serverless::SimpleTable': { nameProp: 'TableName', arns: [`arn:${P}:dynamodb:${R}:${A}:table/{}`] },
  'AWS::SecretsManager::Secret': { nameProp: 'Name', arns: [`arn:${P}:secretsmanager:${R}:${A}:secret:{}-${HOLE}`] },
  'AWS::KMS::Key': { arns: [`arn:${P}:kms:${R}:${A}:key/${HOLE}`] },
  'AWS::Lambda::Function': { nameProp: 'FunctionName', arns: [`arn:${P}:lambda:${R}:${A}:function:{}`] },
  'AWS::Serverless::Function': { nameProp: 'FunctionName', arns: [`arn:${P}:lambda:${R}:${A}:function:{}`] },
  'AWS::Kinesis::Stream': { nameProp: 'Name', arns: [`arn:${P}:kinesis:${R}:${A}:stream/{}`] },
  'AWS::Events::EventBus': { nameProp: 'Name', arns: [`arn:${P}:events:${R}:${A}:event-bus/{}`] },
  'AWS::StepFunctions::StateMachine': { nameProp: 'StateMachineName', arns: [`arn:${P}:states:${R}:${A}:stateMachine:{}`] },
  'AWS::RDS::DBProxy': { arns: [`arn:${P}:rds:${R}:${A}:db-proxy:${HOLE}`, DB_USER] },
  'AWS::RDS::DBProxyEndpoint': { arns: [`arn:${P}:rds:${R}:${A}:db-proxy-endpoint:${HOLE}`, DB_USER] },
  'AWS::RDS::DBCluster': { nameProp: 'DBClusterIdentifier', arns: [`arn:${P}:rds:${R}:${A}:cluster:{}`, DB_USER] },
  'AWS::RDS::DBInstance': { nameProp: 'DBInstanceIdentifier', arns: [`arn:${P}:rds:${R}:${A}:db:{}`, DB_USER] },
};

/** ARN shapes of a template resource; empty when its type is not modelled. */
export function arnShapes(t: Template, id: string): readonly string[] {
  return t.memo('arnShapes', () => new Map<string, readonly string[]>()).get(id) ?? computeShapes(t, id);
}

function computeShapes(t: Template, id: string): readonly string[] {
  const r = t.resources.get(id);
  const shape = r ? SHAPES[r.type] : undefined;
  let out: readonly string[] = [];
  if (r && shape) {
    const node = shape.nameProp ? get(r.properties, shape.nameProp) : undefined;
    const pattern = node ? patternOf(t, node) : undefined;
    // A name built with !Sub keeps its pseudo-parameter markers, which policies built the same way share.
    const name = pattern?.kind === 'glob' && !hasWildcard(pattern.glob) ? pattern.glob : HOLE;
    out = shape.arns.map((a) => a.replace('{}', name));
  }
  t.memo('arnShapes', () => new Map<string, readonly string[]>()).set(id, out);
  return out;
}
