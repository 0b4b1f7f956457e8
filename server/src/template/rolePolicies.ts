/**
 * Gathers what a role is granted, once per role and model: for an AWS::IAM::Role its inline
 * Policies, ManagedPolicyArns (AWS managed policies expanded from policyData, template
 * ManagedPolicies read) and the standalone AWS::IAM::Policy / ManagedPolicy / RolePolicy resources
 * attached to it; for SAM's generated role the function's Policies (policy templates, managed
 * names, inline documents) plus what SAM itself adds. What cannot be read is recorded as unknown.
 */
import { awsManagedPolicyName, isArn } from '../arn';
import { get, str } from './ast';
import type { Node, Range } from './ast';
import type { Template } from './model';
import { branches, isNoValue, refTarget, resolveStrings } from './resolve';
import { patternFromTemplate, patternOf, statementsOf } from './policies';
import type { ResourcePattern, Statement } from './policies';
import { AWS_MANAGED_POLICIES, SAM_POLICY_TEMPLATES } from './policyData';

export const IAM_ROLE = 'AWS::IAM::Role';

export interface ManagedAttachment {
  /** The AWS managed policy's name, when the attachment names one (`AWSLambdaVPCAccessExecutionRole`). */
  readonly name: string | undefined;
  readonly at: Range;
}

/** Everything a role is granted, as far as the template tells. */
export interface PolicySet {
  readonly statements: readonly Statement[];
  readonly managed: readonly ManagedAttachment[];
  /** Places whose grants are not statically known (a customer managed ARN, an unknown policy template). */
  readonly unknown: readonly Range[];
}

/** The policy set of a template AWS::IAM::Role; undefined when `id` is not one. */
export function policiesOfRole(t: Template, id: string): PolicySet | undefined {
  const index = iamIndex(t);
  let set = index.sets.get(id);
  if (!set) {
    set = iamRolePolicies(t, id, index);
    if (set) index.sets.set(id, set);
  }
  return set;
}

/** The policy set of the role SAM generates for a function without `Role`. */
export function policiesOfSamFunction(t: Template, functionId: string): PolicySet | undefined {
  const index = iamIndex(t);
  const key = `sam:${functionId}`;
  let set = index.sets.get(key);
  if (!set) {
    set = samRolePolicies(t, functionId);
    if (set) index.sets.set(key, set);
  }
  return set;
}

interface IamIndex {
  /** Role id -> standalone policies attached to it. */
  readonly attached: Map<string, Array<{ statements: Statement[] | undefined; at: Range }>>;
  readonly sets: Map<string, PolicySet>;
}

function iamIndex(t: Template): IamIndex {
  return t.memo('iam', () => {
    const attached: IamIndex['attached'] = new Map();
    // Roles are named by !Ref (the role name) or by the literal RoleName of a template role.
    const byName = new Map<string, string>();
    for (const r of t.ofType(IAM_ROLE)) {
      const name = resolveStrings(t, get(r.properties, 'RoleName'));
      if (name.length === 1) byName.set(name[0]!.value, r.id);
    }
    const attach = (roles: Node | undefined, doc: Node | undefined, at: Range) => {
      const statements = statementsOf(t, doc);
      for (const item of roles?.kind === 'seq' ? roles.items : roles ? [roles] : []) {
        const ref = refTarget(item)?.id;
        const id = ref ?? byName.get(resolveStrings(t, item)[0]?.value ?? '');
        if (!id || t.resources.get(id)?.type !== IAM_ROLE) continue;
        let list = attached.get(id);
        if (!list) attached.set(id, (list = []));
        list.push({ statements, at });
      }
    };
    for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
      for (const r of t.ofType(type)) attach(get(r.properties, 'Roles'), get(r.properties, 'PolicyDocument'), r.idRange);
    }
    for (const r of t.ofType('AWS::IAM::RolePolicy')) attach(get(r.properties, 'RoleName'), get(r.properties, 'PolicyDocument'), r.idRange);
    return { attached, sets: new Map() };
  });
}

class Builder {
  readonly statements: Statement[] = [];
  readonly managed: ManagedAttachment[] = [];
  readonly unknown: Range[] = [];

  constructor(private readonly t: Template) {}

  document(doc: Node | undefined, at: Range): void {
    const s = statementsOf(this.t, doc);
    if (s) this.statements.push(...s);
    else this.unknown.push(at);
  }

  /** A ManagedPolicyArns entry, or a SAM Policies entry naming a managed policy. */
  managedPolicy(node: Node, samName: boolean): void {
    const target = refTarget(node);
    const tr = target && this.t.resources.get(target.id);
    if (tr?.type === 'AWS::IAM::ManagedPolicy') {
      this.managed.push({ name: undefined, at: node.range });
      this.document(get(tr.properties, 'PolicyDocument'), node.range);
      return;
    }
    const p = patternOf(this.t, node);
    const text = p.kind === 'glob' ? p.glob : undefined;
    const name = text === undefined ? undefined : samName && !isArn(text) ? text : awsManagedPolicyName(text);
    this.managedByName(name, node.range);
  }

  managedByName(name: string | undefined, at: Range): void {
    this.managed.push({ name, at });
    const known = name ? AWS_MANAGED_POLICIES[name] : undefined;
    if (!known) {
      this.unknown.push(at);
      return;
    }
    for (const row of known.statements) this.statements.push(rowStatement(row.actions, row.resources.map((g) => ({ kind: 'glob', glob: g })), at));
    if (!known.exhaustive) this.unknown.push(at);
  }

  samPolicyTemplate(name: string, params: Node | undefined, at: Range): void {
    const def = SAM_POLICY_TEMPLATES[name];
    if (!def) {
      this.unknown.push(at);
      return;
    }
    const vars = new Map<string, Node>();
    for (const p of def.params) {
      const v = get(params, p);
      if (v) vars.set(p, v);
    }
    for (const row of def.statements) {
      const resources = row.resources.map((r) => (r === '*' ? { kind: 'glob' as const, glob: '*' } : patternFromTemplate(this.t, r, vars)));
      this.statements.push(rowStatement(row.actions, resources, at));
    }
  }

  build(): PolicySet {
    return { statements: this.statements, managed: this.managed, unknown: this.unknown };
  }
}

function rowStatement(actions: readonly string[], resources: readonly ResourcePattern[], at: Range): Statement {
  return { allow: true, actions, notAction: false, resources, notResource: false, conditional: false, at };
}

function iamRolePolicies(t: Template, id: string, index: IamIndex): PolicySet | undefined {
  const r = t.resources.get(id);
  if (r?.type !== IAM_ROLE) return undefined;
  const b = new Builder(t);
  const props = r.properties;
  const policies = get(props, 'Policies');
  if (policies) {
    for (const alt of branches(policies)) {
      if (alt.kind !== 'seq') {
        b.unknown.push(alt.range);
        continue;
      }
      for (const p of alt.items.flatMap((n) => branches(n))) b.document(get(p, 'PolicyDocument'), p.range);
    }
  }
  const arns = get(props, 'ManagedPolicyArns');
  if (arns) {
    for (const alt of branches(arns)) {
      if (alt.kind !== 'seq') b.unknown.push(alt.range);
      else for (const item of alt.items.flatMap((n) => branches(n))) b.managedPolicy(item, false);
    }
  }
  for (const a of index.attached.get(id) ?? []) {
    if (a.statements) b.statements.push(...a.statements);
    else b.unknown.push(a.at);
  }
  return b.build();
}

const EVENT_POLICIES: Readonly<Record<string, string | null>> = {
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  MQ: null,
  MSK: null,
  SelfManagedKafka: null,
  DocumentDB: null,
};

function samRolePolicies(t: Template, functionId: string): PolicySet | undefined {
  const r = t.resources.get(functionId);
  if (!r) return undefined;
  const f = { props: r.properties, at: r.idRange };
  const b = new Builder(t);
  b.managedByName('AWSLambdaBasicExecutionRole', f.at);
  samImplicitPolicies(t, functionId, b);
  const policies = get(f.props, 'Policies');
  for (const alt of branches(policies)) {
    const items = alt.kind === 'seq' ? alt.items.flatMap((n) => branches(n)) : [alt];
    for (const item of items) samPolicyItem(b, item);
  }
  return b.build();
}

function samPolicyItem(b: Builder, item: Node): void {
  if (item.kind === 'map') {
    if (get(item, 'Statement')) b.document(item, item.range);
    else if (item.pairs.length === 1) b.samPolicyTemplate(item.pairs[0]!.key, item.pairs[0]!.value, item.range);
    else b.unknown.push(item.range);
  } else b.managedPolicy(item, true);
}

/** What SAM adds to the role it generates, besides `Policies`. */
function samImplicitPolicies(t: Template, functionId: string, b: Builder): void {
  const r = t.resources.get(functionId)!;
  const globals = get(t.globals, 'Function');
  const prop = (k: string) => get(r.properties, k) ?? get(globals, k);
  const vpc = prop('VpcConfig');
  if (vpc && !isNoValue(vpc)) b.managedByName('AWSLambdaVPCAccessExecutionRole', vpc.range);
  const tracing = prop('Tracing');
  if (tracing && str(tracing) !== 'PassThrough' && str(tracing) !== 'Disabled') b.managedByName('AWSXrayWriteOnlyAccess', tracing.range);
  const events = get(r.properties, 'Events');
  for (const e of events?.kind === 'map' ? events.pairs : []) {
    const type = str(get(e.value, 'Type'));
    if (!type || !(type in EVENT_POLICIES)) continue;
    const name = EVENT_POLICIES[type];
    if (name) b.managedByName(name, e.keyRange);
    else b.unknown.push(e.keyRange);
  }
  const dlq = prop('DeadLetterQueue');
  const target = get(dlq, 'TargetArn');
  if (target) {
    const action = str(get(dlq, 'Type')) === 'SNS' ? 'sns:Publish' : 'sqs:SendMessage';
    b.statements.push(rowStatement([action], [patternOf(t, target)], dlq!.range));
  }
  const destinations = getDestinations(prop('EventInvokeConfig'));
  for (const d of destinations) {
    b.statements.push(rowStatement(['sqs:SendMessage', 'sns:Publish', 'lambda:InvokeFunction', 'events:PutEvents'], [patternOf(t, d)], d.range));
  }
  // Connectors add policies SAM computes from both ends; the role is then not statically known.
  if (get(r.node, 'Connectors') || connectorSources(t).has(functionId)) b.unknown.push(r.idRange);
}

function getDestinations(config: Node | undefined): Node[] {
  const dc = get(config, 'DestinationConfig');
  return ['OnSuccess', 'OnFailure'].map((k) => get(get(dc, k), 'Destination')).filter((n): n is Node => n !== undefined);
}

function connectorSources(t: Template): ReadonlySet<string> {
  return t.memo('iam.connectorSources', () => {
    const out = new Set<string>();
    for (const c of t.ofType('AWS::Serverless::Connector')) {
      const source = get(c.properties, 'Source');
      const id = str(get(source, 'Id')) ?? refTarget(get(source, 'Arn'))?.id;
      if (id) out.add(id);
      else for (const f of t.ofType('AWS::Serverless::Function')) out.add(f.id);
    }
    return out;
  });
}
