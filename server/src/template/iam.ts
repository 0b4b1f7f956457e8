/**
 * Execution roles and what they allow. A function's role is a template-defined AWS::IAM::Role, the
 * role SAM generates from `Policies` (policy templates, managed policy names, inline documents, plus
 * the managed policies SAM adds for VpcConfig, tracing and stream/queue events), or external. A role's
 * policies are gathered once per model: inline Policies, ManagedPolicyArns, and standalone
 * AWS::IAM::Policy / ManagedPolicy / RolePolicy resources attached through Roles. Queries answer
 * allowed / denied / unknown; anything not statically known makes a "denied" answer unknown, so
 * rules built on it stay silent instead of guessing.
 */
import { get, str } from './ast';
import type { Node, Range } from './ast';
import type { Template } from './model';
import type { FunctionView } from './functions';
import { branches, isNoValue, refTarget } from './resolve';
import { actionMatches, globCoversArn, patternOf, statementsOf } from './policies';
import type { ResourcePattern, Statement } from './policies';
import { arnShapes } from './arns';
import { isMatchAll } from './wildcard';
import { IAM_ROLE, policiesOfRole, policiesOfSamFunction } from './rolePolicies';
import type { PolicySet } from './rolePolicies';

export type Access = 'allowed' | 'denied' | 'unknown';

/** Where a function's permissions come from. */
export type ExecutionRole =
  | { readonly kind: 'role'; readonly id: string; readonly at: Range }
  | { readonly kind: 'sam'; readonly functionId: string }
  | { readonly kind: 'external'; readonly at: Range | undefined };

/** A role to ask about: a function's execution role, or the logical id of an AWS::IAM::Role. */
export type RoleRef = ExecutionRole | string;

export type { ManagedAttachment, PolicySet } from './rolePolicies';

const SERVICE_ROLE_POLICIES: ReadonlySet<string> = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaENIManagementAccess',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaRole',
]);

/** The partition-safe ARN of an AWS managed policy, as a `!Sub` string. */
export function managedPolicyArn(name: string): string {
  return `arn:\${AWS::Partition}:iam::aws:policy/${SERVICE_ROLE_POLICIES.has(name) ? 'service-role/' : ''}${name}`;
}

/** The logical id of the template AWS::IAM::Role a value points at (`!GetAtt R.Arn`, `!Ref R`, `!Sub ...${R}`). */
export function roleIdOf(t: Template, node: Node | undefined): string | undefined {
  const target = refTarget(node);
  if (target) return t.resources.get(target.id)?.type === IAM_ROLE ? target.id : undefined;
  if (node?.kind === 'intrinsic' && node.fn === 'Fn::Sub') {
    const p = patternOf(t, node);
    const ids = p.kind === 'ref' ? p.ids.filter((id) => t.resources.get(id)?.type === IAM_ROLE) : [];
    return ids.length === 1 ? ids[0] : undefined;
  }
  return undefined;
}

/** The execution role of a function. */
export function executionRole(t: Template, f: FunctionView): ExecutionRole {
  const role = get(f.props, 'Role');
  if (!role || isNoValue(role)) return f.sam ? { kind: 'sam', functionId: f.id } : { kind: 'external', at: undefined };
  const id = roleIdOf(t, role);
  return id ? { kind: 'role', id, at: role.range } : { kind: 'external', at: role.range };
}

/** The policies of a role; undefined when the role is external. Computed once per role and model. */
export function rolePolicies(t: Template, role: RoleRef): PolicySet | undefined {
  if (typeof role === 'string') return policiesOfRole(t, role);
  if (role.kind === 'role') return policiesOfRole(t, role.id);
  return role.kind === 'sam' ? policiesOfSamFunction(t, role.functionId) : undefined;
}

/**
 * Whether the role allows `action` (wildcards in the policies count) on the template resource
 * `resourceId`, or on any resource when `resourceId` is omitted. "denied" means: every policy is
 * known and none allows it (or one explicitly denies it).
 */
export function roleAllows(t: Template, role: RoleRef, action: string, resourceId?: string): Access {
  const set = rolePolicies(t, role);
  if (!set) return 'unknown';
  let allowed = false;
  let unknown = set.unknown.length > 0;
  for (const s of set.statements) {
    const am = actionMatches(s, action);
    if (am === false) continue;
    const rm = resourceMatches(t, s, resourceId);
    if (am === undefined || rm === undefined) {
      unknown = true;
      continue;
    }
    if (!rm) continue;
    if (s.allow) allowed = true;
    else if (!s.conditional) return 'denied';
    else unknown = true;
  }
  return allowed ? 'allowed' : unknown ? 'unknown' : 'denied';
}

/** `roleAllows` for several actions: allowed when all are, denied when any is. */
export function roleAllowsAll(t: Template, role: RoleRef, actions: readonly string[], resourceId?: string): Access {
  let result: Access = 'allowed';
  for (const a of actions) {
    const r = roleAllows(t, role, a, resourceId);
    if (r === 'denied') return 'denied';
    if (r === 'unknown') result = 'unknown';
  }
  return result;
}

/** Whether one of the AWS managed policies `names` is attached to the role. */
export function hasManagedPolicy(t: Template, role: RoleRef, names: readonly string[]): Access {
  const set = rolePolicies(t, role);
  if (!set) return 'unknown';
  if (set.managed.some((m) => m.name !== undefined && names.includes(m.name))) return 'allowed';
  return set.managed.some((m) => m.name === undefined) || set.unknown.length > 0 ? 'unknown' : 'denied';
}

export interface Trust {
  /** Service principals allowed to assume the role (`lambda.amazonaws.com`). */
  readonly services: readonly string[];
  /** False when the trust policy could not be read completely. */
  readonly known: boolean;
  /** The AssumeRolePolicyDocument, when written in the template. */
  readonly at: Range | undefined;
}

/** Who may assume the role (its AssumeRolePolicyDocument; SAM's generated role trusts Lambda unless told otherwise). */
export function roleTrust(t: Template, role: RoleRef): Trust {
  let doc: Node | undefined;
  if (typeof role === 'string' || role.kind === 'role') {
    const id = typeof role === 'string' ? role : role.id;
    doc = get(t.resources.get(id)?.properties, 'AssumeRolePolicyDocument');
    if (!doc) return { services: [], known: false, at: undefined };
  } else if (role.kind === 'sam') {
    const f = t.resources.get(role.functionId);
    doc = get(f?.properties, 'AssumeRolePolicyDocument') ?? get(get(t.globals, 'Function'), 'AssumeRolePolicyDocument');
    if (!doc) return { services: ['lambda.amazonaws.com'], known: true, at: undefined };
  } else return { services: [], known: false, at: undefined };
  return trustOf(t, doc);
}

/** Whether the role lets `service` (e.g. `edgelambda.amazonaws.com`) assume it. */
export function roleTrusts(t: Template, role: RoleRef, service: string): Access {
  const trust = roleTrust(t, role);
  if (trust.services.includes(service) || trust.services.includes('*')) return 'allowed';
  return trust.known ? 'denied' : 'unknown';
}

function trustOf(t: Template, doc: Node): Trust {
  const statements = statementsOf(t, doc);
  const d = branches(doc)[0];
  const list = get(d, 'Statement');
  const nodes = list?.kind === 'seq' ? list.items : list ? [list] : [];
  if (!statements || statements.length !== nodes.length) return { services: [], known: false, at: doc.range };
  const services: string[] = [];
  let known = true;
  statements.forEach((s, i) => {
    if (!s.allow) return;
    const assume = actionMatches(s, 'sts:AssumeRole');
    if (assume === false) return;
    if (assume === undefined) known = false;
    const principal = get(nodes[i], 'Principal');
    if (str(principal) === '*') services.push('*');
    const svc = get(principal, 'Service');
    if (!svc) return;
    for (const item of svc.kind === 'seq' ? svc.items : [svc]) {
      const v = str(item);
      if (v) services.push(v);
      else known = false;
    }
  });
  return { services, known, at: doc.range };
}

function resourceMatches(t: Template, s: Statement, resourceId: string | undefined): boolean | undefined {
  if (!s.resources) return undefined;
  let result: boolean | undefined = false;
  for (const p of s.resources) {
    const m = patternMatches(t, p, resourceId);
    if (m === true) {
      result = true;
      break;
    }
    if (m === undefined) result = undefined;
  }
  if (result === undefined) return undefined;
  return s.notResource ? !result : result;
}

function patternMatches(t: Template, p: ResourcePattern, resourceId: string | undefined): boolean | undefined {
  if (p.kind === 'unknown') return undefined;
  if (resourceId === undefined) return true;
  if (p.kind === 'ref') return p.ids.includes(resourceId);
  const shapes = arnShapes(t, resourceId);
  if (shapes.length === 0) return isMatchAll(p.glob) ? true : undefined;
  let result: boolean | undefined = false;
  for (const arn of shapes) {
    const m = globCoversArn(p.glob, arn);
    if (m === true) return true;
    if (m === undefined) result = undefined;
  }
  return result;
}


/** The Allow statements that grant `action` on template resource `resourceId`: where a grant is written. */
export function allowingStatements(t: Template, role: RoleRef, action: string, resourceId: string): Statement[] {
  const set = rolePolicies(t, role);
  if (!set) return [];
  return set.statements.filter((s) => s.allow && actionMatches(s, action) === true && resourceMatches(t, s, resourceId) === true);
}
