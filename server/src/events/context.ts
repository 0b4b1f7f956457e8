/**
 * Fills sample-event parameters from a template: the function's triggers (SAM `Events`, event source
 * mappings, EventBridge rules, Scheduler schedules, S3 notifications, log subscriptions, API
 * integrations) name the bucket, queue, stream, API route, schedule or user pool the function really
 * receives events from, so a generated event carries the user's own names instead of `my-queue`.
 * Anything unknown stays the catalogue's example value.
 */
import { arnResourceName } from '../arn';
import { get } from '../template/ast';
import type { Node } from '../template/ast';
import { functionById, functionsOf } from '../template/functions';
import type { FunctionView } from '../template/functions';
import type { Template } from '../template/model';
import { eventSourcesOf } from '../template/eventSources';
import type { EventSource } from '../template/eventSources';
import { refTarget, resolveOne, subString } from '../template/resolve';
import type { ParamValue } from './catalogue';

/** An event type the function is wired to, and the template event that says so. */
export interface SuggestedEvent {
  eventId: string;
  /** The SAM event name (`Upload`) or the mapping's logical id. */
  source: string;
}

/** What a template tells about one function's events. */
export interface EventContext {
  /** Parameter values for the catalogue (each event keeps the names it takes). */
  values: Record<string, ParamValue>;
  /** Event types to offer first, in template order, without duplicates. */
  suggested: SuggestedEvent[];
}

/** Where the values not found in a template come from: the active profile. */
export interface ContextOptions {
  region: string;
  account: string;
}

const COGNITO_TRIGGERS: Readonly<Record<string, string>> = {
  PreSignUp: 'cognito-pre-signup',
  PostConfirmation: 'cognito-post-confirmation',
  PreAuthentication: 'cognito-pre-authentication',
  PostAuthentication: 'cognito-post-authentication',
  PreTokenGeneration: 'cognito-pre-token-generation',
  CustomMessage: 'cognito-custom-message',
  DefineAuthChallenge: 'cognito-define-auth-challenge',
  CreateAuthChallenge: 'cognito-create-auth-challenge',
  VerifyAuthChallengeResponse: 'cognito-verify-auth-challenge-response',
  UserMigration: 'cognito-user-migration',
};

/**
 * The function of `t` a deployed function is: by logical id, by a resolvable `FunctionName`, or by a
 * generated name (`<stack>-<LogicalId>-<suffix>`) containing the logical id.
 */
export function findFunction(t: Template, deployedName: string): FunctionView | undefined {
  const all = functionsOf(t);
  return (
    all.find((f) => f.id === deployedName) ??
    all.find((f) => resolveOne(t, get(f.props, 'FunctionName'))?.value === deployedName) ??
    all.find((f) => new RegExp(`(^|-)${escapeRe(f.id)}-[A-Za-z0-9]+$`).test(deployedName))
  );
}

/**
 * Parameter values and suggested events for function `functionId` of `t`: one per trigger of the
 * template's trigger model (`eventSourcesOf`), so a plain AWS::Events::Rule, a Scheduler schedule or
 * an S3 bucket notification fills its event as a SAM event does.
 */
export function eventContext(t: Template, functionId: string, opts: ContextOptions): EventContext {
  const ctx = new Builder(t, opts);
  const fn = functionById(t, functionId);
  if (!fn) return ctx.result();
  for (const s of eventSourcesOf(t, functionId)) ctx.source(s);
  if (get(fn.props, 'FunctionUrlConfig')) ctx.suggest('lambda-function-url', 'FunctionUrlConfig');
  return ctx.result();
}

class Builder {
  private readonly values: Record<string, ParamValue>;
  private readonly suggested: SuggestedEvent[] = [];

  constructor(
    private readonly t: Template,
    opts: ContextOptions,
  ) {
    this.values = { region: opts.region, account: opts.account };
  }

  result(): EventContext {
    return { values: this.values, suggested: this.suggested };
  }

  suggest(eventId: string, source: string): void {
    if (!this.suggested.some((s) => s.eventId === eventId)) this.suggested.push({ eventId, source });
  }

  /** Sets a value unless an earlier event already did (the first event of a kind wins). */
  private set(name: string, value: ParamValue | undefined): void {
    if (value !== undefined && value !== '' && !(name in this.values)) this.values[name] = value;
  }

  /** A known value; `!Sub 'photos-${Stage}-${AWS::Region}'` with the profile's Region and account filled in. */
  private text(node: Node | undefined): string | undefined {
    const c = resolveOne(this.t, node);
    if (c !== undefined) return String(c.value);
    return subString(this.t, node, (name) => this.pseudo(name))?.value;
  }

  private pseudo(name: string): string | undefined {
    if (name === 'AWS::Region') return String(this.values.region);
    if (name === 'AWS::AccountId') return String(this.values.account);
    return undefined;
  }

  private list(node: Node | undefined): string[] {
    if (node?.kind === 'seq') return node.items.map((n) => this.text(n)).filter((s): s is string => s !== undefined);
    const one = this.text(node);
    return one === undefined ? [] : [one];
  }

  /** The name of a trigger's source: its name property, the logical id when CloudFormation names it, or a literal name or ARN. */
  private sourceName(s: EventSource, nameProp: string, lower = false): string | undefined {
    if (s.target) {
      const explicit = this.text(get(this.t.resources.get(s.target.id)?.properties, nameProp));
      return explicit ?? (lower ? s.target.id.toLowerCase() : s.target.id);
    }
    const literal = s.targetArn ?? this.text(s.targetNode);
    return literal === undefined ? undefined : arnResourceName(literal) ?? literal;
  }

  /** One trigger. Settings come from the SAM event's Properties, or from the resource that declares the trigger. */
  source(s: EventSource): void {
    const name = s.eventName ?? s.declaredIn;
    const own = s.origin === 'sam' ? s.props : this.t.resources.get(s.declaredIn)?.properties;
    switch (s.kind) {
      case 'S3':
        return this.s3(name, s);
      case 'SQS':
        return this.sqs(name, s);
      case 'SNS':
        this.set('topicName', this.sourceName(s, 'TopicName'));
        return this.suggest('sns-notification', name);
      case 'Kinesis':
        this.set('streamName', this.sourceName(s, 'Name'));
        return this.suggest('kinesis-get-records', name);
      case 'DynamoDB':
        this.set('tableName', this.sourceName(s, 'TableName'));
        for (const k of ['insert', 'modify', 'remove']) this.suggest(`dynamodb-stream-${k}`, name);
        return;
      case 'Api':
        return this.api(name, s, 'apigateway-aws-proxy');
      case 'HttpApi':
        return this.api(name, s, 'apigateway-http-api-proxy');
      case 'Schedule':
        this.set('ruleName', this.text(get(own, 'Name')) ?? (s.origin === 'sam' ? undefined : s.declaredIn));
        return this.suggest('eventbridge-scheduled-event', name);
      case 'CloudWatchEvent':
      case 'EventBridgeRule': {
        const pattern = get(own, s.origin === 'sam' ? 'Pattern' : 'EventPattern');
        this.set('source', this.list(get(pattern, 'source'))[0]);
        this.set('detailType', this.list(get(pattern, 'detail-type'))[0]);
        return this.suggest('eventbridge-custom-event', name);
      }
      case 'ScheduleV2':
        this.set('scheduleName', this.text(get(own, 'Name')) ?? (s.origin === 'sam' ? undefined : s.declaredIn));
        this.set('scheduleGroup', this.text(get(own, 'GroupName')));
        return this.suggest('eventbridge-scheduler', name);
      case 'CloudWatchLogs':
        this.set('logGroup', this.sourceName(s, 'LogGroupName'));
        return this.suggest('cloudwatch-logs-subscription', name);
      case 'Cognito':
        return this.cognito(name, own);
      case 'MSK':
        this.set('topic', this.list(get(own, 'Topics'))[0]);
        this.set('clusterName', this.sourceName(s, 'ClusterName'));
        return this.suggest('msk-record', name);
      case 'SelfManagedKafka':
        this.set('topic', this.list(get(own, 'Topics'))[0]);
        this.set('bootstrapServers', this.list(get(own, 'KafkaBootstrapServers')).join(','));
        return this.suggest('self-managed-kafka-record', name);
      case 'MQ':
        return this.mq(name, s, own);
      case 'DocumentDB':
        this.set('cluster', this.sourceName(s, 'DBClusterIdentifier', true));
        this.set('database', this.text(get(own, 'DatabaseName')));
        this.set('collection', this.text(get(own, 'CollectionName')));
        return this.suggest('documentdb-change-stream', name);
      case 'IoTRule': {
        const topic = /\bFROM\s+'([^']+)'/i.exec(this.text(get(own, 'Sql')) ?? '')?.[1];
        this.set('topic', topic?.replace(/[#+]/g, 'device-1'));
        return this.suggest('iot-rule', name);
      }
      default:
        return;
    }
  }

  private s3(name: string, s: EventSource): void {
    this.set('bucket', this.sourceName(s, 'BucketName', true));
    const prefix = s.s3Filter?.prefix ?? '';
    const suffix = s.s3Filter?.suffix ?? '';
    if (prefix || suffix) this.set('key', `${prefix}example${suffix || '.json'}`);
    // A trigger known only from a permission names no events: an object upload is the usual one.
    const events = s.s3Events ?? (s.origin === 'permission' ? ['s3:ObjectCreated:*'] : []);
    for (const ev of events) {
      const m = /^s3:(ObjectCreated|ObjectRemoved):(.+)$/.exec(ev);
      if (!m) continue;
      const created = m[1] === 'ObjectCreated';
      if (m[2] !== '*') this.set('eventName', `${m[1]}:${m[2]}`);
      this.suggest(created ? 's3-put' : 's3-delete', name);
    }
  }

  private sqs(name: string, s: EventSource): void {
    const r = s.target ? this.t.resources.get(s.target.id) : undefined;
    const fifo = r ? resolveOne(this.t, get(r.properties, 'FifoQueue'))?.value : undefined;
    let queueName = this.sourceName(s, 'QueueName');
    const isFifo = fifo === true || fifo === 'true' || queueName?.endsWith('.fifo') === true;
    if (isFifo && queueName && !queueName.endsWith('.fifo')) queueName += '.fifo';
    this.set('queueName', queueName);
    this.suggest(isFifo ? 'sqs-receive-message-fifo' : 'sqs-receive-message', name);
  }

  private api(name: string, s: EventSource, eventId: string): void {
    const route = s.http?.path;
    const method = s.http?.method;
    if (method) this.set('method', method === 'ANY' || method === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'GET' : method);
    if (route) {
      const param = /\{([^}+]+)\+?\}/.exec(route)?.[1];
      this.set(eventId === 'apigateway-aws-proxy' ? 'resource' : 'route', route);
      this.set('path', route.replace(/\{[^}]+\}/g, (p) => (p.endsWith('+}') ? 'a/b' : '42')));
      if (param) this.set('pathParameterName', param);
    }
    const api = s.target ? this.t.resources.get(s.target.id) : undefined;
    const stage = api ? this.text(get(api.properties, 'StageName')) : undefined;
    // SAM's implicit REST API is deployed to a stage named Prod; the implicit HTTP API uses $default.
    this.set('stage', stage ?? (eventId === 'apigateway-aws-proxy' ? 'Prod' : undefined));
    this.suggest(eventId, name);
  }

  private cognito(name: string, props: Node | undefined): void {
    const pool = refTarget(get(props, 'UserPool'));
    // The pool id is assigned at deployment; `<region>_<name>` keeps it recognisable in the event.
    if (pool) this.set('userPoolId', `${String(this.values.region)}_${pool.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 9)}`);
    for (const trigger of this.list(get(props, 'Trigger'))) {
      const id = COGNITO_TRIGGERS[trigger];
      if (id) this.suggest(id, name);
    }
  }

  private mq(name: string, s: EventSource, props: Node | undefined): void {
    const broker = s.target ? this.t.resources.get(s.target.id) : undefined;
    this.set('brokerName', this.sourceName(s, 'BrokerName'));
    this.set('queue', this.list(get(props, 'Queues'))[0]);
    const engine = broker ? this.text(get(broker.properties, 'EngineType'))?.toLowerCase() : undefined;
    this.suggest(engine === 'rabbitmq' ? 'mq-rabbitmq' : 'mq-activemq', name);
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
