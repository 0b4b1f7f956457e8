/**
 * How each trigger of a function invokes it: synchronously (the caller waits: API Gateway, function
 * URLs, Cognito, Alexa), asynchronously (S3, SNS, EventBridge, schedules, CloudWatch Logs, IoT), or
 * through an event source mapping (queues and streams). Lambda Managed Instances allow longer
 * timeouts only for some of these, and tenancy-isolated functions accept only some triggers.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-invocation.html and the "Invoking Lambda
 * with events from other AWS services" table of https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html.
 */
import { get } from './ast';
import type { Range } from './ast';
import { eventSourcesOf } from './eventSources';
import type { EventSourceKind } from './eventSources';
import { functionRefOf } from './functionRefs';
import type { FunctionView } from './functions';
import type { Template } from './model';
import { getAll } from './resolve';

export type InvocationMode = 'synchronous' | 'asynchronous' | 'event-source-mapping';

/** Invocation mode of each trigger kind; `Unknown` triggers are left out. */
export const INVOCATION_MODE: Readonly<Record<Exclude<EventSourceKind, 'Unknown'>, InvocationMode>> = {
  Api: 'synchronous', HttpApi: 'synchronous', WebSocket: 'synchronous', Cognito: 'synchronous', AlexaSkill: 'synchronous',
  S3: 'asynchronous', SNS: 'asynchronous', Schedule: 'asynchronous', ScheduleV2: 'asynchronous', EventBridgeRule: 'asynchronous',
  CloudWatchEvent: 'asynchronous', CloudWatchLogs: 'asynchronous', IoTRule: 'asynchronous',
  SQS: 'event-source-mapping', Kinesis: 'event-source-mapping', DynamoDB: 'event-source-mapping', MSK: 'event-source-mapping',
  SelfManagedKafka: 'event-source-mapping', MQ: 'event-source-mapping', DocumentDB: 'event-source-mapping',
};

/** One way a function gets invoked: a trigger kind (or a function URL) and where it is declared. */
export interface Invoker {
  /** The event source kind, or `FunctionUrl` for SAM FunctionUrlConfig / AWS::Lambda::Url. */
  readonly kind: EventSourceKind | 'FunctionUrl';
  readonly mode: InvocationMode;
  /** The SAM event name, the declaring resource id, or the FunctionUrlConfig key. */
  readonly range: Range;
  /** How to name it in a message: `Api event GetOrders`, `function URL FnUrl`. */
  readonly label: string;
}

/** Every known invoker of a function: its triggers and its function URLs. */
export function invokersOf(t: Template, f: FunctionView): Invoker[] {
  const out: Invoker[] = [];
  for (const s of eventSourcesOf(t, f.id)) {
    if (s.kind === 'Unknown' || (s.origin === 'permission' && !s.target)) continue;
    const label = s.eventName ? `${s.kind} event ${s.eventName}` : `${s.kind} trigger ${s.declaredIn}`;
    out.push({ kind: s.kind, mode: INVOCATION_MODE[s.kind], range: s.range, label });
  }
  const url = f.props.pairs.find((p) => p.key === 'FunctionUrlConfig');
  if (f.sam && url && getAll(f.props, 'FunctionUrlConfig').length > 0) {
    out.push({ kind: 'FunctionUrl', mode: 'synchronous', range: url.keyRange, label: 'its FunctionUrlConfig' });
  }
  for (const r of t.ofType('AWS::Lambda::Url')) {
    if (functionRefOf(t, get(r.properties, 'TargetFunctionArn'))?.id !== f.id) continue;
    out.push({ kind: 'FunctionUrl', mode: 'synchronous', range: r.idRange, label: `function URL ${r.id}` });
  }
  return out;
}
