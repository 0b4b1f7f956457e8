/**
 * The event sources of each function, computed once per model: SAM `Events` (after Globals merge)
 * and the plain resources that wire the same triggers (event source mappings, EventBridge rules and
 * schedules, S3 notifications, log subscription filters, API Gateway integrations, permissions).
 * Used by the trigger rules and to fill sample events from a template.
 */
import { parseArn } from '../arn';
import { get, getPath, str } from './ast';
import type { MapNode, Node, Range } from './ast';
import { functionsOf } from './functions';
import { functionRefOf } from './functionRefs';
import type { Resource, Template } from './model';
import { branches } from './resolve';
import { apiSources } from './apiSources';
import { known, targetOf } from './targets';
import type { SourceTarget } from './targets';

export type { SourceTarget } from './targets';

/** The kind of trigger, named after SAM's event `Type`. */
export type EventSourceKind =
  | 'S3' | 'SQS' | 'SNS' | 'Kinesis' | 'DynamoDB' | 'MSK' | 'MQ' | 'SelfManagedKafka' | 'DocumentDB'
  | 'Schedule' | 'ScheduleV2' | 'EventBridgeRule' | 'CloudWatchEvent' | 'CloudWatchLogs'
  | 'Api' | 'HttpApi' | 'WebSocket' | 'Cognito' | 'IoTRule' | 'AlexaSkill'
  /** An event source mapping or permission whose source could not be told from the template. */
  | 'Unknown';

export interface ScheduleInfo {
  /** The ScheduleExpression / Schedule value node. */
  readonly expression: Node;
  /** ScheduleExpressionTimezone, when set (EventBridge Scheduler). */
  readonly timezone: Node | undefined;
  /** EventBridge Scheduler (`at(...)` and time zones allowed) or EventBridge rules. */
  readonly scheduler: boolean;
}

export interface EventSource {
  readonly kind: EventSourceKind;
  readonly functionId: string;
  /** Logical id of the resource that declares the trigger: the function for SAM events. */
  readonly declaredIn: string;
  /** SAM event name; undefined for plain resources. */
  readonly eventName: string | undefined;
  /** Where to point at the whole trigger: the SAM event name, the declaring resource's id or list entry. */
  readonly range: Range;
  /** Settings of the trigger: SAM event Properties, mapping Properties, notification or target entry. */
  readonly props: MapNode | undefined;
  /** The node naming the source (Queue, Stream, Bucket, EventSourceArn, ...), template-defined or not. */
  readonly targetNode: Node | undefined;
  /** The source when it is defined in this template. */
  readonly target: SourceTarget | undefined;
  /** A literal source ARN (`arn:aws:sqs:...`), when written as one. */
  readonly targetArn: string | undefined;
  /** S3 key filter of an S3 trigger (undefined parts are not filtered; '' when filtered by an unknown value). */
  readonly s3Filter?: { readonly prefix?: string; readonly suffix?: string };
  /** S3 event names (`s3:ObjectCreated:*`). */
  readonly s3Events?: readonly string[];
  /** API path and method of an Api / HttpApi / integration (`ANY` when any). */
  readonly http?: { readonly path: string | undefined; readonly method: string | undefined };
  readonly schedule?: ScheduleInfo;
  /** How the trigger was declared: a SAM event, a dedicated resource, or only a Lambda::Permission. */
  readonly origin: 'sam' | 'resource' | 'permission';
}

/** Every event source of every function, by function id; computed once per model. */
export function allEventSources(t: Template): ReadonlyMap<string, readonly EventSource[]> {
  return t.memo('eventSources', build);
}

/** The event sources of one function (empty when it has none or is not a function). */
export function eventSourcesOf(t: Template, functionId: string): readonly EventSource[] {
  return allEventSources(t).get(functionId) ?? [];
}

/** Every event source of the template, in function order. */
export function eventSourceList(t: Template): readonly EventSource[] {
  return t.memo('eventSourceList', () => [...allEventSources(t).values()].flat());
}

/** SAM event property naming each kind's source. */
const SAM_TARGET_KEY: Partial<Record<EventSourceKind, string>> = {
  S3: 'Bucket', SQS: 'Queue', SNS: 'Topic', Kinesis: 'Stream', DynamoDB: 'Stream', MSK: 'Stream', MQ: 'Broker',
  DocumentDB: 'Cluster', Api: 'RestApiId', HttpApi: 'ApiId', Cognito: 'UserPool', CloudWatchLogs: 'LogGroupName',
  EventBridgeRule: 'EventBusName', CloudWatchEvent: 'EventBusName',
};

const SAM_KINDS: ReadonlySet<string> = new Set<EventSourceKind>([
  'S3', 'SQS', 'SNS', 'Kinesis', 'DynamoDB', 'MSK', 'MQ', 'SelfManagedKafka', 'DocumentDB', 'Schedule', 'ScheduleV2',
  'EventBridgeRule', 'CloudWatchEvent', 'CloudWatchLogs', 'Api', 'HttpApi', 'Cognito', 'IoTRule', 'AlexaSkill',
]);

function build(t: Template): Map<string, EventSource[]> {
  const out = new Map<string, EventSource[]>();
  // The sources of the functions the template lists: in a scope (template/scope.ts), of the checked one only.
  const listed = new Set(functionsOf(t).map((f) => f.id));
  const add = (s: EventSource) => {
    if (!listed.has(s.functionId)) return;
    const list = out.get(s.functionId);
    if (list) list.push(s);
    else out.set(s.functionId, [s]);
  };
  for (const f of functionsOf(t)) if (f.sam) samEvents(t, f.id, f.props, add);
  for (const r of t.ofType('AWS::Lambda::EventSourceMapping')) mapping(t, r, add);
  for (const r of t.ofType('AWS::Events::Rule')) eventRule(t, r, add);
  for (const r of t.ofType('AWS::Scheduler::Schedule')) scheduler(t, r, add);
  for (const r of t.ofType('AWS::S3::Bucket')) bucketNotifications(t, r, add);
  for (const r of t.ofType('AWS::Logs::SubscriptionFilter')) subscription(t, r, add);
  for (const s of apiSources(t)) add(s);
  // A permission alone (no other declaration of the same trigger) still tells who invokes the function.
  for (const r of t.ofType('AWS::Lambda::Permission')) {
    const s = permission(t, r);
    if (s && !(out.get(s.functionId) ?? []).some((o) => o.kind === s.kind && o.target?.id === s.target?.id)) add(s);
  }
  return out;
}

function samEvents(t: Template, functionId: string, props: MapNode, add: (s: EventSource) => void): void {
  const events = get(props, 'Events');
  if (events?.kind !== 'map') return;
  for (const e of events.pairs) {
    const type = str(get(e.value, 'Type'));
    if (!type || !SAM_KINDS.has(type)) continue;
    const kind = type as EventSourceKind;
    const p = get(e.value, 'Properties');
    const eventProps = p?.kind === 'map' ? p : undefined;
    const key = SAM_TARGET_KEY[kind];
    const targetNode = key ? get(eventProps, key) : undefined;
    const base = { kind, functionId, declaredIn: functionId, eventName: e.key, range: e.keyRange, props: eventProps, origin: 'sam' as const };
    add({ ...base, ...targetOf(t, targetNode), ...details(t, kind, eventProps) });
  }
}

function details(t: Template, kind: EventSourceKind, p: MapNode | undefined): Partial<EventSource> {
  switch (kind) {
    case 'S3':
      return { s3Filter: s3Filter(t, getPath(p, ['Filter', 'S3Key', 'Rules'])), s3Events: strings(t, get(p, 'Events')) };
    case 'Api':
    case 'HttpApi':
      return { http: { path: known(t, get(p, 'Path')), method: known(t, get(p, 'Method'))?.toUpperCase() } };
    case 'Schedule': {
      const expression = get(p, 'Schedule');
      return expression ? { schedule: { expression, timezone: undefined, scheduler: false } } : {};
    }
    case 'ScheduleV2': {
      const expression = get(p, 'ScheduleExpression');
      return expression ? { schedule: { expression, timezone: get(p, 'ScheduleExpressionTimezone'), scheduler: true } } : {};
    }
    default:
      return {};
  }
}

/** Kind of an event source mapping from its source's resource type or ARN service. */
function mappingKind(target: SourceTarget | undefined, arn: string | undefined): EventSourceKind {
  switch (target?.type) {
    case 'AWS::SQS::Queue': return 'SQS';
    case 'AWS::Kinesis::Stream': case 'AWS::Kinesis::StreamConsumer': return 'Kinesis';
    case 'AWS::DynamoDB::Table': case 'AWS::DynamoDB::GlobalTable': return target.attr === 'StreamArn' ? 'DynamoDB' : 'Unknown';
    case 'AWS::MSK::Cluster': case 'AWS::MSK::ServerlessCluster': return 'MSK';
    case 'AWS::AmazonMQ::Broker': return 'MQ';
    case 'AWS::DocDB::DBCluster': return 'DocumentDB';
    default: break;
  }
  const service = arn ? parseArn(arn)?.service : undefined;
  if (service === 'sqs') return 'SQS';
  if (service === 'kinesis') return 'Kinesis';
  if (service === 'dynamodb') return 'DynamoDB';
  if (service === 'kafka') return 'MSK';
  if (service === 'mq') return 'MQ';
  if (service === 'rds') return 'DocumentDB';
  return 'Unknown';
}

function mapping(t: Template, r: Resource, add: (s: EventSource) => void): void {
  const fn = functionRefOf(t, get(r.properties, 'FunctionName'));
  if (!fn) return;
  const tgt = targetOf(t, get(r.properties, 'EventSourceArn'));
  add({ kind: mappingKind(tgt.target, tgt.targetArn), functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange, props: r.properties, origin: 'resource', ...tgt });
}

function eventRule(t: Template, r: Resource, add: (s: EventSource) => void): void {
  const expression = get(r.properties, 'ScheduleExpression');
  const targets = get(r.properties, 'Targets');
  if (targets?.kind !== 'seq') return;
  for (const entry of targets.items) {
    const fn = functionRefOf(t, get(entry, 'Arn'));
    if (!fn) continue;
    add({
      kind: expression ? 'Schedule' : 'EventBridgeRule',
      functionId: fn.id, declaredIn: r.id, eventName: undefined, range: entry.range,
      props: entry.kind === 'map' ? entry : undefined, origin: 'resource',
      ...targetOf(t, get(r.properties, 'EventBusName')),
      ...(expression ? { schedule: { expression, timezone: undefined, scheduler: false } } : {}),
    });
  }
}

function scheduler(t: Template, r: Resource, add: (s: EventSource) => void): void {
  const target = get(r.properties, 'Target');
  const fn = functionRefOf(t, get(target, 'Arn'));
  const expression = get(r.properties, 'ScheduleExpression');
  if (!fn) return;
  add({
    kind: 'ScheduleV2', functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange,
    props: r.properties, origin: 'resource', targetNode: undefined, target: undefined, targetArn: undefined,
    ...(expression ? { schedule: { expression, timezone: get(r.properties, 'ScheduleExpressionTimezone'), scheduler: true } } : {}),
  });
}

function bucketNotifications(t: Template, r: Resource, add: (s: EventSource) => void): void {
  const configs = getPath(r.properties, ['NotificationConfiguration', 'LambdaConfigurations']);
  if (configs?.kind !== 'seq') return;
  for (const entry of configs.items) {
    const fn = functionRefOf(t, get(entry, 'Function'));
    if (!fn) continue;
    add({
      kind: 'S3', functionId: fn.id, declaredIn: r.id, eventName: undefined, range: entry.range,
      props: entry.kind === 'map' ? entry : undefined, origin: 'resource',
      targetNode: undefined, target: { id: r.id, type: r.type, range: r.idRange }, targetArn: undefined,
      s3Filter: s3Filter(t, getPath(entry, ['Filter', 'S3Key', 'Rules'])),
      s3Events: strings(t, get(entry, 'Event')),
    });
  }
}

function subscription(t: Template, r: Resource, add: (s: EventSource) => void): void {
  const fn = functionRefOf(t, get(r.properties, 'DestinationArn'));
  if (!fn) return;
  add({ kind: 'CloudWatchLogs', functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange, props: r.properties, origin: 'resource', ...targetOf(t, get(r.properties, 'LogGroupName')) });
}

/** Service principal -> the trigger kind it stands for. */
const PRINCIPAL_KIND: Readonly<Record<string, EventSourceKind>> = {
  's3.amazonaws.com': 'S3', 'sns.amazonaws.com': 'SNS', 'events.amazonaws.com': 'EventBridgeRule',
  'scheduler.amazonaws.com': 'ScheduleV2', 'apigateway.amazonaws.com': 'Api', 'logs.amazonaws.com': 'CloudWatchLogs',
  'cognito-idp.amazonaws.com': 'Cognito', 'iot.amazonaws.com': 'IoTRule', 'alexa-appkit.amazon.com': 'AlexaSkill',
};

function permission(t: Template, r: Resource): EventSource | undefined {
  const fn = functionRefOf(t, get(r.properties, 'FunctionName'));
  if (!fn) return undefined;
  const principal = known(t, get(r.properties, 'Principal'));
  let kind: EventSourceKind = (principal && PRINCIPAL_KIND[principal]) || 'Unknown';
  const tgt = targetOf(t, get(r.properties, 'SourceArn'));
  if (kind === 'Api' && tgt.target?.type === 'AWS::ApiGatewayV2::Api') kind = 'HttpApi';
  return { kind, functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange, props: r.properties, origin: 'permission', ...tgt };
}

function s3Filter(t: Template, rules: Node | undefined): { prefix?: string; suffix?: string } | undefined {
  if (rules?.kind !== 'seq') return undefined;
  const out: { prefix?: string; suffix?: string } = {};
  for (const rule of rules.items) {
    const name = known(t, get(rule, 'Name'))?.toLowerCase();
    // An unknown rule still filters: an unknown value is kept as '', an unknown name as a prefix.
    const value = known(t, get(rule, 'Value')) ?? '';
    if (name === 'suffix') out.suffix = value;
    else out.prefix = value;
  }
  return out.prefix === undefined && out.suffix === undefined ? undefined : out;
}

function strings(t: Template, node: Node | undefined): string[] {
  const items = branches(node).flatMap((n) => (n.kind === 'seq' ? n.items : [n]));
  return items.map((n) => known(t, n)).filter((s): s is string => s !== undefined);
}
