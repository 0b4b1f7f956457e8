/**
 * Fills sample-event parameters from a template: the function's SAM `Events` (and the event source
 * mappings that point at a plain AWS::Lambda::Function) name the bucket, queue, stream, API route,
 * schedule or user pool the function really receives events from, so a generated event carries the
 * user's own names instead of `my-queue`. Anything unknown stays the catalogue's example value.
 */
import { get } from '../template/ast';
import type { Node } from '../template/ast';
import { functionById, functionsOf } from '../template/functions';
import type { FunctionView } from '../template/functions';
import type { Template } from '../template/model';
import { refGraph } from '../template/refs';
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

/** Parameter values and suggested events for function `functionId` of `t`. */
export function eventContext(t: Template, functionId: string, opts: ContextOptions): EventContext {
  const ctx = new Builder(t, opts);
  const fn = functionById(t, functionId);
  if (!fn) return ctx.result();
  const events = get(fn.props, 'Events');
  if (events?.kind === 'map') {
    for (const e of events.pairs) {
      const props = get(e.value, 'Properties');
      ctx.samEvent(e.key, ctx.text(get(e.value, 'Type')) ?? '', props);
    }
  }
  if (get(fn.props, 'FunctionUrlConfig')) ctx.suggest('lambda-function-url', 'FunctionUrlConfig');
  for (const edge of refGraph(t).to(functionId)) {
    const r = t.resources.get(edge.from);
    if (r?.type === 'AWS::Lambda::EventSourceMapping') ctx.sourceArn(r.id, get(r.properties, 'EventSourceArn'));
  }
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
  text(node: Node | undefined): string | undefined {
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

  /** The name of a referenced resource: its name property, or the logical id when CloudFormation names it. */
  private nameOf(node: Node | undefined, nameProp: string, lower = false): string | undefined {
    const target = refTarget(node);
    if (target) {
      const r = this.t.resources.get(target.id);
      if (!r) return undefined;
      const explicit = this.text(get(r.properties, nameProp));
      return explicit ?? (lower ? target.id.toLowerCase() : target.id);
    }
    const literal = this.text(node);
    return literal?.startsWith('arn:') ? literal.split(/[:/]/).pop() : literal;
  }

  samEvent(name: string, type: string, props: Node | undefined): void {
    switch (type) {
      case 'S3':
        return this.s3(name, props);
      case 'SQS':
        return this.sqs(name, get(props, 'Queue'));
      case 'SNS':
        this.set('topicName', this.nameOf(get(props, 'Topic'), 'TopicName'));
        return this.suggest('sns-notification', name);
      case 'Kinesis':
        this.set('streamName', this.nameOf(get(props, 'Stream'), 'Name'));
        return this.suggest('kinesis-get-records', name);
      case 'DynamoDB':
        this.set('tableName', this.nameOf(get(props, 'Stream'), 'TableName'));
        for (const k of ['insert', 'modify', 'remove']) this.suggest(`dynamodb-stream-${k}`, name);
        return;
      case 'Api':
        return this.api(name, props, 'apigateway-aws-proxy');
      case 'HttpApi':
        return this.api(name, props, 'apigateway-http-api-proxy');
      case 'Schedule':
      case 'CloudWatchEvent':
      case 'EventBridgeRule':
        return this.rule(name, type, props);
      case 'ScheduleV2':
        this.set('scheduleName', this.text(get(props, 'Name')));
        this.set('scheduleGroup', this.text(get(props, 'GroupName')));
        return this.suggest('eventbridge-scheduler', name);
      case 'CloudWatchLogs':
        this.set('logGroup', this.nameOf(get(props, 'LogGroupName'), 'LogGroupName'));
        return this.suggest('cloudwatch-logs-subscription', name);
      case 'Cognito':
        return this.cognito(name, props);
      case 'MSK':
        this.set('topic', this.list(get(props, 'Topics'))[0]);
        this.set('clusterName', this.nameOf(get(props, 'Stream'), 'ClusterName'));
        return this.suggest('msk-record', name);
      case 'SelfManagedKafka':
        this.set('topic', this.list(get(props, 'Topics'))[0]);
        this.set('bootstrapServers', this.list(get(props, 'KafkaBootstrapServers')).join(','));
        return this.suggest('self-managed-kafka-record', name);
      case 'MQ':
        return this.mq(name, props);
      case 'DocumentDB':
        this.set('cluster', this.nameOf(get(props, 'Cluster'), 'DBClusterIdentifier', true));
        this.set('database', this.text(get(props, 'DatabaseName')));
        this.set('collection', this.text(get(props, 'CollectionName')));
        return this.suggest('documentdb-change-stream', name);
      case 'IoTRule': {
        const topic = /\bFROM\s+'([^']+)'/i.exec(this.text(get(props, 'Sql')) ?? '')?.[1];
        this.set('topic', topic?.replace(/[#+]/g, 'device-1'));
        return this.suggest('iot-rule', name);
      }
      default:
        return;
    }
  }

  private s3(name: string, props: Node | undefined): void {
    this.set('bucket', this.nameOf(get(props, 'Bucket'), 'BucketName', true));
    const rules = get(get(get(props, 'Filter'), 'S3Key'), 'Rules');
    let prefix = '';
    let suffix = '';
    if (rules?.kind === 'seq') {
      for (const r of rules.items) {
        const which = this.text(get(r, 'Name'))?.toLowerCase();
        const value = this.text(get(r, 'Value')) ?? '';
        if (which === 'prefix') prefix = value;
        if (which === 'suffix') suffix = value;
      }
    }
    if (prefix || suffix) this.set('key', `${prefix}example${suffix || '.json'}`);
    for (const ev of this.list(get(props, 'Events'))) {
      const m = /^s3:(ObjectCreated|ObjectRemoved):(.+)$/.exec(ev);
      if (!m) continue;
      const created = m[1] === 'ObjectCreated';
      if (m[2] !== '*') this.set('eventName', `${m[1]}:${m[2]}`);
      this.suggest(created ? 's3-put' : 's3-delete', name);
    }
  }

  private sqs(name: string, queue: Node | undefined): void {
    const target = refTarget(queue);
    const r = target ? this.t.resources.get(target.id) : undefined;
    const fifo = r ? resolveOne(this.t, get(r.properties, 'FifoQueue'))?.value : undefined;
    let queueName = this.nameOf(queue, 'QueueName');
    const isFifo = fifo === true || fifo === 'true' || queueName?.endsWith('.fifo') === true;
    if (isFifo && queueName && !queueName.endsWith('.fifo')) queueName += '.fifo';
    this.set('queueName', queueName);
    this.suggest(isFifo ? 'sqs-receive-message-fifo' : 'sqs-receive-message', name);
  }

  private api(name: string, props: Node | undefined, eventId: string): void {
    const route = this.text(get(props, 'Path'));
    const method = this.text(get(props, 'Method'))?.toUpperCase();
    if (method) this.set('method', method === 'ANY' || method === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'GET' : method);
    if (route) {
      const param = /\{([^}+]+)\+?\}/.exec(route)?.[1];
      this.set(eventId === 'apigateway-aws-proxy' ? 'resource' : 'route', route);
      this.set('path', route.replace(/\{[^}]+\}/g, (p) => (p.endsWith('+}') ? 'a/b' : '42')));
      if (param) this.set('pathParameterName', param);
    }
    const apiRef = refTarget(get(props, eventId === 'apigateway-aws-proxy' ? 'RestApiId' : 'ApiId'));
    const api = apiRef ? this.t.resources.get(apiRef.id) : undefined;
    const stage = api ? this.text(get(api.properties, 'StageName')) : undefined;
    // SAM's implicit REST API is deployed to a stage named Prod; the implicit HTTP API uses $default.
    this.set('stage', stage ?? (eventId === 'apigateway-aws-proxy' ? 'Prod' : undefined));
    this.suggest(eventId, name);
  }

  private rule(name: string, type: string, props: Node | undefined): void {
    const ruleName = this.text(get(props, 'Name'));
    if (type === 'Schedule') {
      this.set('ruleName', ruleName);
      return this.suggest('eventbridge-scheduled-event', name);
    }
    const pattern = get(props, 'Pattern');
    this.set('source', this.list(get(pattern, 'source'))[0]);
    this.set('detailType', this.list(get(pattern, 'detail-type'))[0]);
    this.suggest('eventbridge-custom-event', name);
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

  private mq(name: string, props: Node | undefined): void {
    const target = refTarget(get(props, 'Broker'));
    const broker = target ? this.t.resources.get(target.id) : undefined;
    this.set('brokerName', this.nameOf(get(props, 'Broker'), 'BrokerName'));
    this.set('queue', this.list(get(props, 'Queues'))[0]);
    const engine = broker ? this.text(get(broker.properties, 'EngineType'))?.toLowerCase() : undefined;
    this.suggest(engine === 'rabbitmq' ? 'mq-rabbitmq' : 'mq-activemq', name);
  }

  /** An AWS::Lambda::EventSourceMapping: the source's resource type tells the event type. */
  sourceArn(mappingId: string, arn: Node | undefined): void {
    const target = refTarget(arn);
    const r = target ? this.t.resources.get(target.id) : undefined;
    if (!r) return;
    if (r.type === 'AWS::SQS::Queue') return this.sqs(mappingId, arn);
    if (r.type === 'AWS::Kinesis::Stream') {
      this.set('streamName', this.nameOf(arn, 'Name'));
      return this.suggest('kinesis-get-records', mappingId);
    }
    if (r.type === 'AWS::DynamoDB::Table') {
      this.set('tableName', this.nameOf(arn, 'TableName'));
      for (const k of ['insert', 'modify', 'remove']) this.suggest(`dynamodb-stream-${k}`, mappingId);
    }
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
