/**
 * What the SAM translator adds to a template, as it names it: the resources it generates next to the
 * SAM resources (`FnRole`, `Fn<Event>`, `FnUrl`, `ServerlessRestApi`, `Api<Stage>Stage`...) and the
 * `Owner.Property` names it resolves (`Fn.Alias`, `Fn.Version`, `Api.Stage`...). The names follow the
 * translator's own code (samtranslator/model/sam_resources.py, eventsources/, api/): where it spells a
 * name from the template, the name is known exactly with its CloudFormation type; where it adds a hash
 * or the name depends on a value only known at deployment, a pattern says which names it may take.
 * The resource kinds whose output is many small resources named after their parts (GraphQL APIs,
 * WebSocket APIs, connectors) are described by patterns only.
 */
import { get, isNull, str } from './ast';
import type { MapNode, Node, Range } from './ast';
import { functionsOf } from './functions';
import type { Resource, Template } from './model';
import { isNoValue, resolveOne } from './resolve';

/** A resource the translator generates, named exactly. */
export interface GeneratedResource {
  readonly id: string;
  /** Its CloudFormation type. */
  readonly type: string;
  /** The SAM resource that makes the translator generate it (`Serverless` for the implicit APIs). */
  readonly owner: string;
  /** What makes it: the owner's logical id, the event or the property that adds it. */
  readonly at: Range;
}

export interface SamGenerated {
  /** The generated resource named `id`, when the translator spells that name. */
  resource(id: string): GeneratedResource | undefined;
  /** The SAM resource that may generate a resource named `id` whose name cannot be told exactly. */
  mayGenerate(id: string): string | undefined;
  /** What `Owner.Property` (`Fn.Alias`, `Api.Stage`) stands for, when the translator resolves it here. */
  property(owner: string, property: string): GeneratedResource | undefined;
  /** Why a name that looks generated is not (`FnRole` of a function that sets Role), for messages. */
  explain(name: string): string | undefined;
  /** Every resource named exactly, in document order of what makes them. */
  readonly resources: readonly GeneratedResource[];
}

/** The SAM types whose `Owner.Property` names the translator resolves (`referable_properties`), with their properties. */
export const SAM_REFERABLE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Function': ['Alias', 'Version', 'DestinationTopic', 'DestinationQueue'],
  'AWS::Serverless::Api': ['Stage', 'Deployment', 'DomainName', 'DomainNameV2', 'UsagePlan', 'UsagePlanKey', 'ApiKey'],
  'AWS::Serverless::HttpApi': ['Stage', 'DomainName'],
  'AWS::Serverless::WebSocketApi': ['Stage', 'DomainName'],
};

/**
 * What the names of this module (and the dependencies SAM adds, dependencies.ts) read of each resource
 * type besides logical ids and types: the properties (and top-level keys) a translator output depends
 * on; `'*'` for the whole entry, and `'*'` as a type for every type not listed. Rules that resolve
 * names declare it as what they read of the other resources (RuleReads.types).
 */
export const SAM_NAME_PROPERTIES: Readonly<Record<string, readonly string[] | '*'>> = {
  'AWS::Serverless::Function': ['Role', 'AutoPublishAlias', 'DeploymentPreference', 'FunctionUrlConfig', 'EventInvokeConfig', 'Events', 'Connectors'],
  'AWS::Serverless::StateMachine': ['Role', 'AutoPublishAlias', 'Events', 'Connectors'],
  'AWS::Serverless::Api': '*',
  'AWS::Serverless::HttpApi': '*',
  'AWS::Serverless::WebSocketApi': '*',
  'AWS::Serverless::GraphQLApi': '*',
  'AWS::Serverless::Connector': '*',
  'AWS::Serverless::CapacityProvider': '*',
  'AWS::Serverless::LayerVersion': '*',
  'AWS::Serverless::SimpleTable': '*',
  'AWS::Serverless::Application': '*',
  '*': ['Connectors'],
};

/** The resource each event type adds under `<Function><Event>`. */
const EVENT_RESOURCE: Readonly<Record<string, string>> = {
  SQS: 'AWS::Lambda::EventSourceMapping',
  Kinesis: 'AWS::Lambda::EventSourceMapping',
  DynamoDB: 'AWS::Lambda::EventSourceMapping',
  MQ: 'AWS::Lambda::EventSourceMapping',
  MSK: 'AWS::Lambda::EventSourceMapping',
  SelfManagedKafka: 'AWS::Lambda::EventSourceMapping',
  DocumentDB: 'AWS::Lambda::EventSourceMapping',
  Schedule: 'AWS::Events::Rule',
  CloudWatchEvent: 'AWS::Events::Rule',
  EventBridgeRule: 'AWS::Events::Rule',
  ScheduleV2: 'AWS::Scheduler::Schedule',
  SNS: 'AWS::SNS::Subscription',
  CloudWatchLogs: 'AWS::Logs::SubscriptionFilter',
  IoTRule: 'AWS::IoT::TopicRule',
};

/** Event types whose rule or schedule can have a dead-letter queue the translator creates (`Type: SQS`). */
const DLQ_EVENTS: ReadonlySet<string> = new Set(['Schedule', 'CloudWatchEvent', 'EventBridgeRule', 'ScheduleV2']);

/** A hash suffix of the translator's LogicalIdGenerator. */
const HASH = '[0-9a-f]{10}';

/** What a custom domain adds, named by hashes of the domain (shared by the APIs that use it). */
const DOMAIN_PATTERN = `(?:ApiGatewayDomainName(?:V2)?|DomainNameAccessAssociation|RecordSetGroup)${HASH}`;

/** What the translator generates for this template, computed once per model (empty without SAM resource types). */
export function samGenerated(t: Template): SamGenerated {
  return t.memo('samGenerated', build);
}

function build(t: Template): SamGenerated {
  const b = new Builder(t);
  // Without the transform, SAM types are still read as SAM (template/transform-missing reports the transform).
  if (t.isSam || [...t.resources.values()].some((r) => r.type.startsWith('AWS::Serverless::'))) {
    for (const f of functionsOf(t)) if (f.sam) b.function(f.resource, f.props);
    for (const r of t.ofType('AWS::Serverless::StateMachine')) b.stateMachine(r, withGlobals(t, r, 'StateMachine'));
    for (const r of t.ofType('AWS::Serverless::Api')) b.api(r.id, r.idRange, withGlobals(t, r, 'Api'), 'rest');
    for (const r of t.ofType('AWS::Serverless::HttpApi')) b.api(r.id, r.idRange, withGlobals(t, r, 'HttpApi'), 'http');
    for (const r of t.ofType('AWS::Serverless::WebSocketApi')) {
      b.pattern(`${escape(r.id)}\\w*`, r.id);
      if (present(get(withGlobals(t, r, 'WebSocketApi'), 'Domain'))) b.pattern(DOMAIN_PATTERN, r.id);
    }
    for (const r of t.ofType('AWS::Serverless::GraphQLApi')) b.pattern(`${escape(r.id)}\\w+`, r.id);
    for (const r of t.ofType('AWS::Serverless::Connector')) b.pattern(`${escape(r.id)}\\w+`, r.id);
    for (const r of t.ofType('AWS::Serverless::CapacityProvider')) {
      if (!present(get(withGlobals(t, r, 'CapacityProvider'), 'OperatorRole'))) b.exact(`${r.id}OperatorRole`, 'AWS::IAM::Role', r.id, r.idRange);
    }
    // A layer version's logical id gets a hash of its content; `!Ref Layer` is rewritten to it.
    for (const r of t.ofType('AWS::Serverless::LayerVersion')) b.pattern(`${escape(r.id)}${HASH}`, r.id);
    for (const r of t.resources.values()) {
      const connectors = get(r.node, 'Connectors');
      if (connectors?.kind === 'map') for (const c of connectors.pairs) b.pattern(`${escape(r.id + c.key)}\\w*`, r.id);
    }
    b.implicitApis();
  }
  return b.result();
}

/** A SAM resource's properties over its Globals section (the resource's own keys win). */
function withGlobals(t: Template, r: Resource, section: string): MapNode {
  const own = r.properties?.pairs ?? [];
  const globals = get(t.globals, section);
  const inherited = globals?.kind === 'map' ? globals.pairs.filter((g) => !own.some((p) => p.key === g.key)) : [];
  return { kind: 'map', pairs: [...inherited, ...own], range: r.properties?.range ?? r.idRange };
}

class Builder {
  private readonly exacts = new Map<string, GeneratedResource>();
  /** Compiled on the first name that is not known exactly: most templates never ask. */
  private readonly patterns: Array<{ source: string; owner: string; regex?: RegExp }> = [];
  private readonly properties = new Map<string, GeneratedResource>();
  private readonly reasons = new Map<string, string>();
  /** The events that put a route on the implicit REST and HTTP APIs. */
  private readonly implicit = { rest: [] as Range[], http: [] as Range[] };

  constructor(private readonly t: Template) {}

  exact(id: string, type: string, owner: string, at: Range): void {
    if (!this.exacts.has(id) && !this.t.resources.has(id)) this.exacts.set(id, { id, type, owner, at });
  }

  pattern(source: string, owner: string): void {
    this.patterns.push({ source, owner });
  }

  private property(owner: string, property: string, type: string, at: Range): void {
    this.properties.set(`${owner}.${property}`, { id: `${owner}.${property}`, type, owner, at });
  }

  function(r: Resource, props: MapNode): void {
    const id = r.id;
    const role = get(props, 'Role');
    if (generatesRole(role)) this.exact(`${id}Role`, 'AWS::IAM::Role', id, r.idRange);
    else this.reasons.set(`${id}Role`, `${id} sets Role, so SAM generates no ${id}Role`);
    this.publishing(r, props, 'AWS::Lambda::Version', 'AWS::Lambda::Alias');
    this.deploymentPreference(id, get(props, 'DeploymentPreference'));
    const url = get(props, 'FunctionUrlConfig');
    if (present(url)) {
      this.exact(`${id}Url`, 'AWS::Lambda::Url', id, url!.range);
      // Public permissions come with a literal AuthType NONE; behind an intrinsic (even a parameter's Default), the translator adds none.
      if (str(get(url, 'AuthType')) === 'NONE') {
        this.exact(`${id}UrlPublicPermissions`, 'AWS::Lambda::Permission', id, url!.range);
        this.exact(`${id}URLInvokeAllowPublicAccess`, 'AWS::Lambda::Permission', id, url!.range);
      }
    }
    this.eventInvokeConfig(id, get(props, 'EventInvokeConfig'));
    for (const e of events(r)) {
      const eventId = `${id}${e.id}`;
      const main = e.type ? EVENT_RESOURCE[e.type] : undefined;
      if (main) this.exact(eventId, main, id, e.at);
      if (e.type === 'ScheduleV2' && !present(get(e.props, 'RoleArn'))) this.exact(`${eventId}Role`, 'AWS::IAM::Role', id, e.at);
      if (e.type && DLQ_EVENTS.has(e.type)) this.deadLetterQueue(eventId, id, e);
      if (e.type === 'SNS') this.snsToSqs(eventId, id, e);
      if (e.type === 'Cognito') this.exact(`${id}CognitoPermission`, 'AWS::Lambda::Permission', id, e.at);
      this.apiEvent(e);
      // Permissions (with an API stage suffix), SNS-to-SQS queues, policies and mappings.
      this.pattern(`${escape(eventId)}(?:Permission\\w*|Queue|QueuePolicy|EventSourceMapping|Role)`, id);
    }
  }

  stateMachine(r: Resource, props: MapNode): void {
    const id = r.id;
    if (generatesRole(get(props, 'Role'))) this.exact(`${id}Role`, 'AWS::IAM::Role', id, r.idRange);
    else this.reasons.set(`${id}Role`, `${id} sets Role, so SAM generates no ${id}Role`);
    const alias = this.known(get(props, 'AutoPublishAlias'));
    if (present(get(props, 'AutoPublishAlias'))) {
      this.exact(`${id}Version`, 'AWS::StepFunctions::StateMachineVersion', id, r.idRange);
      if (alias !== undefined) this.exact(`${id}Alias${alias}`, 'AWS::StepFunctions::StateMachineAlias', id, r.idRange);
      else this.pattern(`${escape(id)}Alias\\w+`, id);
    }
    for (const e of events(r)) {
      const eventId = `${id}${e.id}`;
      const main = e.type ? EVENT_RESOURCE[e.type] : undefined;
      if (main) this.exact(eventId, main, id, e.at);
      if (e.type && DLQ_EVENTS.has(e.type)) this.deadLetterQueue(eventId, id, e);
      this.apiEvent(e);
      this.pattern(`${escape(eventId)}(?:Role|Queue|QueuePolicy)`, id);
    }
  }

  /** AutoPublishAlias: a version (named with a hash) and an alias, `Fn.Version` and `Fn.Alias`. */
  private publishing(r: Resource, props: MapNode, versionType: string, aliasType: string): void {
    const id = r.id;
    const node = get(props, 'AutoPublishAlias');
    if (!present(node)) {
      const why = `SAM creates ${id}.Version and ${id}.Alias only for a function with AutoPublishAlias, which ${id} does not set`;
      this.reasons.set(`${id}.Version`, why);
      this.reasons.set(`${id}.Alias`, why);
      return;
    }
    const at = node!.range;
    this.pattern(`${escape(id)}Version${HASH}|${escape(id)}Version\\w+`, id);
    this.property(id, 'Version', versionType, at);
    this.property(id, 'Alias', aliasType, at);
    const name = this.known(node);
    if (name !== undefined) this.exact(`${id}Alias${name.replace(/-/g, 'D').replace(/_/g, 'U')}`, aliasType, id, at);
    else this.pattern(`${escape(id)}Alias\\w+`, id);
  }

  /**
   * DeploymentPreference: a deployment group per function and one CodeDeploy application; the
   * service role only for a preference without Role. `Enabled: false` makes none of them.
   */
  private deploymentPreference(id: string, pref: Node | undefined): void {
    if (!present(pref)) return;
    const enabled = get(pref, 'Enabled');
    if (present(enabled) && this.known(enabled) === undefined) {
      this.pattern(`${escape(id)}DeploymentGroup|ServerlessDeploymentApplication|CodeDeployServiceRole`, id);
      return;
    }
    if (present(enabled) && String(this.known(enabled)).toLowerCase() === 'false') return;
    this.exact(`${id}DeploymentGroup`, 'AWS::CodeDeploy::DeploymentGroup', id, pref!.range);
    this.exact('ServerlessDeploymentApplication', 'AWS::CodeDeploy::Application', id, pref!.range);
    if (!present(get(pref, 'Role'))) this.exact('CodeDeployServiceRole', 'AWS::IAM::Role', id, pref!.range);
  }

  /** EventInvokeConfig: the config, and the queue or topic SAM creates for a destination of Type SQS or SNS without Destination. */
  private eventInvokeConfig(id: string, config: Node | undefined): void {
    if (!present(config)) return;
    const configId = `${id}EventInvokeConfig`;
    this.exact(configId, 'AWS::Lambda::EventInvokeConfig', id, config!.range);
    for (const when of ['OnSuccess', 'OnFailure']) {
      const dest = get(get(config, 'DestinationConfig'), when);
      const type = this.known(get(dest, 'Type'));
      const given = get(dest, 'Destination');
      // A Destination behind !If gets a conditional queue or topic as well.
      if (!dest || (present(given) && !(given!.kind === 'intrinsic' && given!.fn === 'Fn::If'))) continue;
      if (type === 'SQS') {
        this.exact(`${configId}${when}Queue`, 'AWS::SQS::Queue', id, dest.range);
        this.property(id, 'DestinationQueue', 'AWS::SQS::Queue', dest.range);
      } else if (type === 'SNS') {
        this.exact(`${configId}${when}Topic`, 'AWS::SNS::Topic', id, dest.range);
        this.property(id, 'DestinationTopic', 'AWS::SNS::Topic', dest.range);
      }
    }
  }

  /** A rule's or schedule's DeadLetterConfig of Type SQS: a queue named `<event>Queue` or its QueueLogicalId. */
  private deadLetterQueue(eventId: string, owner: string, e: SamEventEntry): void {
    const dlq = get(e.props, 'DeadLetterConfig');
    if (!present(dlq) || present(get(dlq, 'Arn'))) return;
    const named = str(get(dlq, 'QueueLogicalId'));
    this.exact(named ?? `${eventId}Queue`, 'AWS::SQS::Queue', owner, e.at);
    if (e.type !== 'ScheduleV2') this.exact(`${eventId}QueuePolicy`, 'AWS::SQS::QueuePolicy', owner, e.at);
  }

  /** An SNS event with SqsSubscription: a queue (unless QueueArn names one), a policy (or QueuePolicyLogicalId) and a mapping. */
  private snsToSqs(eventId: string, owner: string, e: SamEventEntry): void {
    const sub = get(e.props, 'SqsSubscription');
    if (!present(sub) || this.known(sub) === 'false') return;
    if (!present(get(sub, 'QueueArn'))) this.exact(`${eventId}Queue`, 'AWS::SQS::Queue', owner, e.at);
    this.exact(str(get(sub, 'QueuePolicyLogicalId')) ?? `${eventId}QueuePolicy`, 'AWS::SQS::QueuePolicy', owner, e.at);
    this.exact(`${eventId}EventSourceMapping`, 'AWS::Lambda::EventSourceMapping', owner, e.at);
  }

  /** Api / HttpApi events without RestApiId / ApiId put a route on the implicit API. */
  private apiEvent(e: SamEventEntry): void {
    if (e.type === 'Api' && !present(get(e.props, 'RestApiId'))) this.implicit.rest.push(e.at);
    if (e.type === 'HttpApi' && !present(get(e.props, 'ApiId'))) this.implicit.http.push(e.at);
  }

  /** An explicit (or the implicit) REST or HTTP API: its stage, deployment, domain, usage plan and authorizer permissions. */
  api(id: string, at: Range, props: MapNode, kind: 'rest' | 'http'): void {
    const e = escape(id);
    const stageType = kind === 'rest' ? 'AWS::ApiGateway::Stage' : 'AWS::ApiGatewayV2::Stage';
    const stageNode = get(props, 'StageName');
    // The stage's logical id takes the literal name only: a `!Ref` to a parameter is not resolved for it.
    const stage = stageNode?.kind === 'scalar' ? str(stageNode) : undefined;
    const stageId =
      !present(stageNode) ? (kind === 'rest' ? `${id}ProdStage` : `${id}ApiGatewayDefaultStage`)
      : stage === undefined ? `${id}Stage`
      : /^[A-Za-z0-9]+$/.test(stage) ? `${id}${stage}Stage`
      : kind === 'http' && stage === '$default' ? `${id}ApiGatewayDefaultStage` : undefined;
    if (stageId) this.exact(stageId, stageType, id, stageNode?.range ?? at);
    this.property(id, 'Stage', stageType, stageNode?.range ?? at);
    if (kind === 'rest') this.property(id, 'Deployment', 'AWS::ApiGateway::Deployment', at);
    const domain = get(props, 'Domain');
    if (present(domain)) {
      const v2 = kind === 'rest' && this.known(get(domain, 'EndpointConfiguration')) === 'PRIVATE';
      this.property(id, v2 ? 'DomainNameV2' : 'DomainName', kind === 'http' ? 'AWS::ApiGatewayV2::DomainName' : v2 ? 'AWS::ApiGateway::DomainNameV2' : 'AWS::ApiGateway::DomainName', domain!.range);
      this.pattern(DOMAIN_PATTERN, id);
    }
    const plan = get(get(props, 'Auth'), 'UsagePlan');
    if (kind === 'rest' && present(plan)) {
      this.property(id, 'UsagePlan', 'AWS::ApiGateway::UsagePlan', plan!.range);
      this.property(id, 'UsagePlanKey', 'AWS::ApiGateway::UsagePlanKey', plan!.range);
      this.property(id, 'ApiKey', 'AWS::ApiGateway::ApiKey', plan!.range);
      this.pattern('Serverless(?:UsagePlan|ApiKey|UsagePlanKey)', id);
    }
    this.pattern(`${e}(?:\\w*Stage|Stage${HASH}|Deployment${HASH}|\\w*(?:BasePathMapping|ApiMapping)|\\w+AuthorizerPermission|UsagePlan|ApiKey|UsagePlanKey)`, id);
  }

  /** `ServerlessRestApi` / `ServerlessHttpApi`: made when an event has no API of its own; Globals.Api / HttpApi apply to them. */
  implicitApis(): void {
    const apis = [['ServerlessRestApi', 'AWS::ApiGateway::RestApi', 'rest', 'Api'], ['ServerlessHttpApi', 'AWS::ApiGatewayV2::Api', 'http', 'HttpApi']] as const;
    for (const [id, type, kind, section] of apis) {
      const at = this.implicit[kind][0];
      if (!at) {
        if (!this.t.resources.has(id)) this.reasons.set(id, `SAM creates ${id} only for ${section} events without ${kind === 'rest' ? 'RestApiId' : 'ApiId'}, and this template has none`);
        continue;
      }
      this.exact(id, type, 'Serverless', at);
      const globals = get(this.t.globals, section);
      this.api(id, at, globals?.kind === 'map' ? globals : { kind: 'map', pairs: [], range: at }, kind);
    }
  }

  /** A literal, or a `!Ref` to a parameter's literal Default (the translator resolves nothing else), or undefined. */
  private known(node: Node | undefined): string | undefined {
    if (node?.kind === 'intrinsic' && node.fn !== 'Ref') return undefined;
    const c = resolveOne(this.t, node);
    return c === undefined ? undefined : String(c.value);
  }

  result(): SamGenerated {
    const { exacts, patterns, properties, reasons } = this;
    return {
      resource: (id) => exacts.get(id),
      mayGenerate: (id) => patterns.find((p) => (p.regex ??= new RegExp(`^(?:${p.source})$`)).test(id))?.owner,
      property: (owner, property) => properties.get(`${owner}.${property}`),
      explain: (name) => reasons.get(name),
      resources: [...exacts.values()],
    };
  }
}

interface SamEventEntry {
  readonly id: string;
  readonly type: string | undefined;
  readonly props: Node | undefined;
  /** The event's key. */
  readonly at: Range;
}

/** The `Events` entries of a SAM function or state machine. */
function events(r: Resource): SamEventEntry[] {
  const events = get(r.properties, 'Events');
  if (events?.kind !== 'map') return [];
  return events.pairs.filter((p) => p.value.kind === 'map').map((p) => ({ id: p.key, type: str(get(p.value, 'Type')), props: get(p.value, 'Properties'), at: p.keyRange }));
}

/** True when SAM generates the execution role: no Role, or a Role behind `!If` with an `AWS::NoValue` branch. */
function generatesRole(role: Node | undefined): boolean {
  if (!present(role)) return true;
  if (role!.kind !== 'intrinsic' || role!.fn !== 'Fn::If' || role!.arg.kind !== 'seq') return false;
  return role!.arg.items.slice(1).some((b) => isNoValue(b));
}

/** Set, and not null or `!Ref AWS::NoValue`. */
function present(node: Node | undefined): boolean {
  return node !== undefined && !isNull(node) && !isNoValue(node);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
