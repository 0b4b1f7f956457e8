import { get, isNull, pairOf, str } from '../../template/ast';
import type { Range } from '../../template/ast';
import type { Template } from '../../template/model';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samEvents, withEvents } from './events';
import type { SamEvent } from './events';
import { anIntrinsic, truthy } from './pythonValues';

/** Event types whose SchemaRegistryConfig SAM reads, and the fields it requires there. */
const SCHEMA_REGISTRY_EVENTS: ReadonlySet<string> = new Set(['MSK', 'SelfManagedKafka']);
const SCHEMA_REGISTRY_FIELDS = ['SchemaRegistryURI', 'EventRecordFormat', 'SchemaValidationConfigs'];
const RECORD_FORMATS = ['JSON', 'SOURCE'];
/** Event types whose SecretsManagerKmsKeyId SAM writes into a policy ARN itself. */
const KMS_KEY_EVENTS: ReadonlySet<string> = new Set(['MQ', 'SelfManagedKafka', 'DocumentDB']);
/** The event sources SAM turns into an event source mapping (its pull events): FilterCriteria and DestinationConfig are theirs. */
const PULL_EVENTS: ReadonlySet<string> = new Set(['DocumentDB', 'DynamoDB', 'Kinesis', 'MQ', 'MSK', 'SelfManagedKafka', 'SQS']);
/** The OnFailure destination types SAM writes a policy for (or passes on, Kafka). */
const ON_FAILURE_TYPES = ['SQS', 'SNS', 'S3', 'Kafka'];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Events:\n        Orders:\n          Type: MSK\n          Properties:\n            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc\n            StartingPosition: LATEST\n            Topics: [orders]\n            SchemaRegistryConfig:\n              SchemaRegistryURI: arn:aws:glue:us-east-1:123456789012:registry/orders\n              EventRecordFormat: JSON\n              SchemaValidationConfigs:\n                - Attribute: VALUE\n`);

/** sam/event-properties: event source settings SAM reads itself, as it reads them. */
export const eventProperties: Rule = {
  meta: {
    id: 'sam/event-properties',
    severity: 'error',
    description: "A Kafka event's SchemaRegistryConfig has SchemaRegistryURI, EventRecordFormat (JSON or SOURCE) and a SchemaValidationConfigs list; SecretsManagerKmsKeyId is a key id written out; FilterCriteria holds only Filters; a DestinationConfig has an OnFailure map whose Type is SQS, SNS, S3 or Kafka; an SNS event's SqsSubscription is true, false or a queue with QueueArn and QueueUrl; a Cognito event's UserPool is a !Ref to a user pool of the template that gets each trigger once.",
    docs: {
      bad: changed(EXAMPLE, ['              EventRecordFormat: JSON\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-msk.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/eventsources/pull.py'],
    },
    // A Cognito event names its pool by logical id and reads the pool's LambdaConfig.
    reads: { types: { '*': ['LambdaConfig'], ...withEvents(['Events', 'LambdaConfig']) } },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    const triggers = new Map<string, string>();
    for (const e of samEvents(t)) {
      if (!e.props || !e.type) continue;
      const report = (range: Range, message: string) => ctx.report({ range, message: `Event ${e.id} (${e.type}): ${message}`, resource: e.resource.id });
      if (SCHEMA_REGISTRY_EVENTS.has(e.type)) checkSchemaRegistry(e, report);
      const kms = get(e.props, 'SecretsManagerKmsKeyId');
      if (KMS_KEY_EVENTS.has(e.type) && kms && truthy(kms) && str(kms) === undefined) {
        report(kms.range, 'SecretsManagerKmsKeyId must be the key id written out: SAM builds the key ARN for the policy from it and resolves no intrinsic function here.');
      }
      const filter = get(e.props, 'FilterCriteria');
      if (filter?.kind === 'map' && PULL_EVENTS.has(e.type) && !filter.pairs.every((p) => p.key === 'Filters')) {
        report(filter.range, 'FilterCriteria takes only Filters (a list of { Pattern: ... }).');
      }
      if (PULL_EVENTS.has(e.type)) checkDestination(e, report);
      if (e.type === 'SNS') checkSqsSubscription(e, report);
      if (e.type === 'Cognito' && e.resource.type === 'AWS::Serverless::Function') checkCognito(t, e, triggers, report);
    }
  },
};

type Report = (range: Range, message: string) => void;

function checkSchemaRegistry(e: SamEvent, report: Report): void {
  const config = get(e.props, 'SchemaRegistryConfig');
  if (!config || !truthy(config) || config.kind === 'intrinsic') return;
  if (config.kind !== 'map') return report(config.range, 'SchemaRegistryConfig must be a map.');
  const key = pairOf(e.props!, 'SchemaRegistryConfig')!.keyRange;
  const missing = SCHEMA_REGISTRY_FIELDS.filter((f) => !pairOf(config, f));
  if (missing.length > 0) report(key, `SchemaRegistryConfig is missing ${missing.join(', ')}; SAM needs all of ${SCHEMA_REGISTRY_FIELDS.join(', ')}.`);
  const format = get(config, 'EventRecordFormat');
  if (format && !(format.kind === 'scalar' && RECORD_FORMATS.includes(String(format.value)))) report(format.range, `EventRecordFormat must be ${RECORD_FORMATS.join(' or ')}.`);
  const validation = get(config, 'SchemaValidationConfigs');
  if (validation && validation.kind !== 'seq') report(validation.range, 'SchemaValidationConfigs must be a list (of { Attribute: KEY or VALUE }).');
  const access = get(config, 'AccessConfigs');
  if (!access || !truthy(access)) return;
  if (access.kind !== 'seq') return report(access.range, 'AccessConfigs must be a list.');
  for (const item of access.items) {
    if (item.kind !== 'map' || !pairOf(item, 'Type') || !pairOf(item, 'URI')) report(item.range, 'each AccessConfigs entry is a map with Type and URI.');
  }
}

/** SAM reads DestinationConfig.OnFailure as a map and its Type, written out, to choose the policy it adds. */
function checkDestination(e: SamEvent, report: Report): void {
  const config = get(e.props, 'DestinationConfig');
  if (config?.kind !== 'map' || !truthy(config)) return;
  const onFailure = get(config, 'OnFailure');
  if (onFailure?.kind === 'intrinsic') return;
  if (onFailure?.kind !== 'map') {
    return report(onFailure?.range ?? pairOf(e.props!, 'DestinationConfig')!.keyRange, 'DestinationConfig needs OnFailure, a map with the Destination (and its Type for SAM to add the permission).');
  }
  const type = get(onFailure, 'Type');
  if (type && truthy(type) && !(type.kind === 'scalar' && ON_FAILURE_TYPES.includes(String(type.value)))) {
    report(type.range, `OnFailure Type must be ${ON_FAILURE_TYPES.join(', ')} written out; SAM chooses the permission it adds from it.`);
  }
}

/** SqsSubscription true creates a queue; a map names an existing one; anything else SAM reads as a map without a queue. */
function checkSqsSubscription(e: SamEvent, report: Report): void {
  const sub = get(e.props, 'SqsSubscription');
  if (!sub || !truthy(sub) || (sub.kind === 'scalar' && typeof sub.value === 'boolean')) return;
  if (sub.kind === 'intrinsic') return report(sub.range, `SqsSubscription is ${anIntrinsic(sub.fn)}, which SAM does not resolve: write true, false or a map with QueueArn and QueueUrl.`);
  if (sub.kind !== 'map') return report(sub.range, 'SqsSubscription must be true, false or a map with QueueArn and QueueUrl.');
  const missing = ['QueueArn', 'QueueUrl'].filter((k) => {
    const v = get(sub, k);
    return v === undefined || !truthy(v);
  });
  if (missing.length > 0) report(pairOf(e.props!, 'SqsSubscription')!.keyRange, `SqsSubscription names an existing queue but has no ${missing.join(' or ')}; give both, or true for SAM to create a queue.`);
}

/** A Cognito event adds its triggers to the user pool's LambdaConfig: the pool must be in the template, and each trigger set once. */
function checkCognito(t: Template, e: SamEvent, triggers: Map<string, string>, report: Report): void {
  const pool = get(e.props, 'UserPool');
  if (!pool || isNull(pool)) return;
  const id = pool.kind === 'intrinsic' && pool.fn === 'Ref' ? pool.arg : undefined;
  if (!id || str(id) === undefined) {
    return report(pool.range, id ? 'UserPool must be a !Ref to a logical id (a string).' : 'UserPool must be a !Ref to an AWS::Cognito::UserPool of this template: SAM adds the trigger to that pool\'s LambdaConfig.');
  }
  const poolResource = t.resources.get(str(id)!);
  if (!poolResource) return report(pool.range, `UserPool names ${str(id)}, which is not a resource of this template; SAM adds the trigger to a pool it defines.`);
  const config = get(poolResource.properties, 'LambdaConfig');
  const trigger = get(e.props, 'Trigger');
  const names = trigger?.kind === 'seq' ? trigger.items : trigger ? [trigger] : [];
  for (const n of names) {
    const name = str(n);
    if (name === undefined) continue;
    const key = `${poolResource.id}\u0000${name}`;
    const first = triggers.get(key) ?? (config?.kind === 'map' && pairOf(config, name) ? `the LambdaConfig of ${poolResource.id}` : undefined);
    if (first) report(n.range, `trigger ${name} of ${poolResource.id} is already set by ${first}; a user pool takes one function per trigger.`);
    else triggers.set(key, `event ${e.id} of ${e.resource.id}`);
  }
}
