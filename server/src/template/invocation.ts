/**
 * How each trigger of a function invokes it: synchronously (the caller waits: API Gateway, function
 * URLs, Cognito, Alexa), asynchronously (S3, SNS, EventBridge, schedules, CloudWatch Logs, IoT), or
 * through an event source mapping (queues and streams). Lambda Managed Instances allow longer
 * timeouts only for some of these, and tenancy-isolated functions accept only some triggers.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-invocation.html and the "Invoking Lambda
 * with events from other AWS services" table of https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html.
 */
import { get, str } from './ast';
import type { Node, Range } from './ast';
import { eventSourcesOf } from './eventSources';
import type { EventSource, EventSourceKind } from './eventSources';
import { functionRefOf } from './functionRefs';
import type { FunctionView } from './functions';
import type { Template } from './model';
import { getAll, resolveStrings } from './resolve';

export type InvocationMode = 'synchronous' | 'asynchronous' | 'event-source-mapping';

/** Invocation mode of each trigger kind; `Unknown` triggers are left out. */
export const INVOCATION_MODE: Readonly<Record<Exclude<EventSourceKind, 'Unknown'>, InvocationMode>> = {
  Api: 'synchronous', HttpApi: 'synchronous', WebSocket: 'synchronous', Cognito: 'synchronous', AlexaSkill: 'synchronous',
  S3: 'asynchronous', SNS: 'asynchronous', Schedule: 'asynchronous', ScheduleV2: 'asynchronous', EventBridgeRule: 'asynchronous',
  CloudWatchEvent: 'asynchronous', CloudWatchLogs: 'asynchronous', IoTRule: 'asynchronous',
  SQS: 'event-source-mapping', Kinesis: 'event-source-mapping', DynamoDB: 'event-source-mapping', MSK: 'event-source-mapping',
  SelfManagedKafka: 'event-source-mapping', MQ: 'event-source-mapping', DocumentDB: 'event-source-mapping',
};

/**
 * REST API integrations that change how API Gateway invokes the function, from the API Gateway
 * developer guide:
 * - asynchronous: the integration request header `X-Amz-Invocation-Type` with the static value
 *   `'Event'` (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integration-async.html);
 *   mapped from a method request header instead, each client chooses;
 * - streaming: `ResponseTransferMode: STREAM` on the integration (`RESPONSE_STREAM` on a SAM Api
 *   event), which invokes `.../2021-11-15/functions/<arn>/response-streaming-invocations`
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html and
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html).
 */
const INVOCATION_TYPE_HEADER = 'integration.request.header.X-Amz-Invocation-Type';
const SYNCHRONOUS_INVOCATION = "'RequestResponse'";
const ASYNCHRONOUS_INVOCATION = "'Event'";
const STREAMING_MODES: ReadonlySet<string> = new Set(['STREAM', 'RESPONSE_STREAM']);
const STREAMING_URI = '/response-streaming-invocations';

/**
 * How an API Gateway trigger invokes its function: `synchronous` (the caller waits for the whole
 * response), `streaming` (synchronous, but the response streams as it is produced), `asynchronous`
 * (API Gateway answers at once), or `unknown` when the template leaves it to the client or to a
 * value it does not know. Triggers other than REST APIs are `synchronous`.
 */
export function apiInvocation(t: Template, s: EventSource): 'synchronous' | 'streaming' | 'asynchronous' | 'unknown' {
  if (s.kind !== 'Api' || !s.props) return 'synchronous';
  const header = get(get(s.props, 'RequestParameters'), INVOCATION_TYPE_HEADER);
  if (header) {
    const values = resolveStrings(t, header).map((c) => c.value);
    if (values.length > 0 && values.every((v) => v === ASYNCHRONOUS_INVOCATION)) return 'asynchronous';
    if (values.length === 0 || values.some((v) => v !== SYNCHRONOUS_INVOCATION)) return 'unknown';
  }
  const mode = get(s.props, 'ResponseTransferMode');
  const modes = mode ? resolveStrings(t, mode).map((c) => c.value) : [];
  if (mode && modes.length === 0) return 'unknown';
  if (modes.some((m) => STREAMING_MODES.has(m)) || uriText(get(s.props, 'Uri')).includes(STREAMING_URI)) return 'streaming';
  return 'synchronous';
}

/** The text of an integration URI as written: a string, a `!Sub` template, or the literal parts of a `!Join`. */
function uriText(node: Node | undefined): string {
  if (node?.kind === 'scalar') return String(node.value ?? '');
  if (node?.kind !== 'intrinsic') return '';
  if (node.fn === 'Fn::Sub') return str(node.arg.kind === 'seq' ? node.arg.items[0] : node.arg) ?? '';
  if (node.fn === 'Fn::Join' && node.arg.kind === 'seq') {
    const list = node.arg.items[1];
    return list?.kind === 'seq' ? list.items.map(uriText).join('') : '';
  }
  return '';
}

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
    const api = apiInvocation(t, s);
    if (api === 'unknown') continue;
    const label = s.eventName ? `${s.kind} event ${s.eventName}` : `${s.kind} trigger ${s.declaredIn}`;
    out.push({ kind: s.kind, mode: api === 'asynchronous' ? 'asynchronous' : INVOCATION_MODE[s.kind], range: s.range, label });
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
