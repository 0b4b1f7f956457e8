/**
 * Drift of one template function against its deployed configuration: the template's values,
 * resolved by the template model's resolver in the deployed stack's scope (its parameter values,
 * pseudo parameters, resources' physical ids and conditions), compared with what Lambda holds.
 * A value the template cannot know (a `!GetAtt`, a dynamic reference, an unknown parameter) is
 * not compared; a property the template leaves out is compared with Lambda's default.
 */
import { get, pairOf } from '../template/ast';
import type { Node, Range } from '../template/ast';
import { fromGlobals, type FunctionView } from '../template/functions';
import type { Template } from '../template/model';
import { resolveOne, type ResolveScope } from '../template/resolve';
import { ACCESS_KEY_ID, DYNAMIC_REFERENCE, isCredentialKey } from '../rules/environment';
import { QUOTAS } from '../quotas';
import type { DeployedConfig, DeployedFunction, DeployedStack } from './types';

/** A compared value as reported: a scalar, or a list (Layers, Architectures, subnets). */
export type DriftValue = string | number | string[];

/** One property that differs. */
export interface DriftItem {
  /** The template path: `MemorySize`, `Environment.Variables.DEBUG`, `VpcConfig.SubnetIds`. */
  property: string;
  /** The template's value; null when the template does not set it. */
  template: DriftValue | null;
  /** The deployed value; null when the deployed function does not have it. */
  deployed: DriftValue | null;
  /** Where in the template to show it. */
  range: Range;
  /** Credential-looking: compared, but its values are never shown. */
  secret: boolean;
}

/** What stands for a value that is never shown. */
export const HIDDEN = '••••';
/** Lambda's clock and CloudFormation's may differ a little; a change this close to the deploy is its own. */
const CLOCK_SLACK_MS = 1000;

/** The resolver scope of a deployed stack. */
export function stackScope(stack: DeployedStack): ResolveScope {
  const partition = stack.id.split(':')[1] || 'aws';
  return {
    parameters: stack.parameters,
    pseudo: {
      'AWS::Region': stack.region,
      'AWS::AccountId': stack.account,
      'AWS::StackName': stack.name,
      'AWS::StackId': stack.id,
      'AWS::Partition': partition,
      'AWS::URLSuffix': partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
    },
    resources: Object.fromEntries(Object.entries(stack.resources).map(([id, r]) => [id, r.physicalId])),
  };
}

/** How a value is shown in messages: secrets hidden, lists joined. */
export function showValue(v: DriftValue | null, secret: boolean): string {
  if (v === null) return 'not set';
  if (secret) return HIDDEN;
  return Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** One drift, said for a person: what differs and both values (secrets hidden). */
export function driftLine(d: DriftItem): string {
  if (d.property === 'FunctionName' && d.deployed === null) return `deleted outside CloudFormation: Lambda has no function ${showValue(d.template, false)}`;
  if (d.property === 'LastModified') return `changed outside CloudFormation at ${String(d.deployed)}, after the stack's last deploy (code, description or another property the template does not show)`;
  return `${d.property}: template ${showValue(d.template, d.secret)}, deployed ${showValue(d.deployed, d.secret)}`;
}

/** A deleted function, the one "property" of a function Lambda no longer has. */
export function deletedItem(f: FunctionView, fn: DeployedFunction): DriftItem {
  return { property: 'FunctionName', template: fn.name, deployed: null, range: f.resource.idRange, secret: false };
}

/** Every difference between function `f` of `t` and its deployed configuration. */
export function functionDrift(t: Template, f: FunctionView, fn: DeployedFunction, stack: DeployedStack): DriftItem[] {
  if (fn.error) return [];
  if (!fn.config) return [deletedItem(f, fn)];
  const c = new Comparer(t, f, fn.config, stackScope(stack));
  c.scalar('MemorySize', QUOTAS.defaultMemoryMb, c.config.memorySize, 'number');
  c.scalar('Timeout', QUOTAS.defaultTimeoutSeconds, c.config.timeout, 'number');
  if (c.config.packageType !== 'Image') {
    c.scalar('Runtime', undefined, c.config.runtime ?? null, 'string');
    c.scalar('Handler', undefined, c.config.handler ?? null, 'string');
  }
  c.list('Architectures', f.props, 'Architectures', QUOTAS.defaultArchitectures, c.config.architectures, false);
  c.nested('EphemeralStorage', 'Size', QUOTAS.defaultEphemeralStorageMb, c.config.ephemeralStorage);
  c.list('Layers', f.props, 'Layers', [], c.config.layers, false);
  c.environment();
  c.vpc();
  c.scalar('ReservedConcurrentExecutions', null, c.config.reservedConcurrency ?? null, 'number');
  // A change the properties above do not show (code, description, policies) still moves LastModified.
  if (c.items.length === 0) c.lastModified(stack.completedAt);
  return c.items;
}

class Comparer {
  readonly items: DriftItem[] = [];

  constructor(
    private readonly t: Template,
    private readonly f: FunctionView,
    readonly config: DeployedConfig,
    private readonly scope: ResolveScope,
  ) {}

  /** Where to report a node: at the function when it came from Globals (shared by every function). */
  private at(node: Node | undefined, range?: Range): Range {
    if (!node) return this.f.resource.idRange;
    return fromGlobals(this.f, node.range) ? this.f.resource.idRange : (range ?? node.range);
  }

  private add(property: string, template: DriftValue | null, deployed: DriftValue | null, range: Range, secret = false): void {
    this.items.push({ property, template, deployed, range, secret });
  }

  /** The single value of a node in the stack's scope; undefined when unknown or ambiguous. */
  private value(node: Node | undefined): string | number | boolean | undefined {
    return resolveOne(this.t, node, this.scope)?.value;
  }

  /**
   * A scalar property. `fallback` is Lambda's default when the template omits it (undefined: no
   * default, stay silent; null: the property is absent by default).
   */
  scalar(key: string, fallback: number | null | undefined, deployed: string | number | null, kind: 'number' | 'string'): void {
    const node = get(this.f.props, key);
    if (!node) {
      if (fallback === undefined || deployed === fallback) return;
      this.add(key, null, deployed, this.at(undefined));
      return;
    }
    const raw = this.value(node);
    if (raw === undefined) return;
    const template = kind === 'number' ? Number(raw) : String(raw);
    if (kind === 'number' && Number.isNaN(template)) return;
    if (template !== deployed) this.add(key, template, deployed, this.at(node));
  }

  /** A property inside a map (`EphemeralStorage.Size`). */
  nested(key: string, inner: string, fallback: number, deployed: number): void {
    const outer = get(this.f.props, key);
    const node = get(outer, inner);
    const property = `${key}.${inner}`;
    if (!outer || !node) {
      if (outer && outer.kind !== 'map') return;
      if (deployed !== fallback) this.add(property, null, deployed, this.at(outer));
      return;
    }
    const raw = this.value(node);
    if (raw === undefined || Number.isNaN(Number(raw))) return;
    if (Number(raw) !== deployed) this.add(property, Number(raw), deployed, this.at(node));
  }

  /** The strings of a list node, or undefined when any item is unknown. */
  private strings(node: Node): string[] | undefined {
    if (node.kind !== 'seq') return undefined;
    const out: string[] = [];
    for (const item of node.items) {
      const v = this.value(item);
      if (v === undefined) return undefined;
      out.push(String(v));
    }
    return out;
  }

  /** A list property, compared in order (`Layers`) or as a set (`sorted`: subnets, security groups). */
  list(property: string, parent: Node | undefined, key: string, fallback: readonly string[], deployed: string[], sorted: boolean): void {
    const node = get(parent, key);
    const template = node ? this.strings(node) : undefined;
    if (node && !template) return;
    const norm = (l: readonly string[]): string => JSON.stringify(sorted ? [...l].sort() : l);
    if (norm(template ?? fallback) === norm(deployed)) return;
    const range = node ? this.at(node) : parent && parent !== this.f.props ? this.at(parent) : this.at(undefined);
    this.add(property, template ?? null, deployed.length ? deployed : null, range);
  }

  /** Environment variables: keys always, values when the template knows them. */
  environment(): void {
    const env = get(this.f.props, 'Environment');
    const varsPair = env?.kind === 'map' ? pairOf(env, 'Variables') : undefined;
    // An environment behind an unresolved `!If` or another intrinsic is not known: stay silent.
    if ((env && env.kind !== 'map') || (varsPair && varsPair.value.kind !== 'map')) return;
    const vars = varsPair?.value.kind === 'map' ? varsPair.value : undefined;
    const deployed = this.config.environment;
    for (const p of vars?.pairs ?? []) {
      const have = Object.hasOwn(deployed, p.key) ? deployed[p.key]! : undefined;
      const value = this.value(p.value);
      const known = value === undefined || DYNAMIC_REFERENCE.test(String(value)) ? undefined : String(value);
      const secret = isCredentialKey(p.key) || this.t.parameters.get(refName(p.value) ?? '')?.noEcho === true || ACCESS_KEY_ID.test(`${known ?? ''} ${have ?? ''}`);
      const property = `Environment.Variables.${p.key}`;
      if (have === undefined) this.add(property, known ?? COMPUTED, null, this.at(p.value), secret);
      else if (known !== undefined && known !== have) this.add(property, known, have, this.at(p.value), secret);
    }
    for (const [key, value] of Object.entries(deployed)) {
      if (vars && pairOf(vars, key)) continue;
      const range = vars && varsPair ? this.at(vars, varsPair.keyRange) : this.at(env);
      this.add(`Environment.Variables.${key}`, null, value, range, isCredentialKey(key) || ACCESS_KEY_ID.test(value));
    }
  }

  /** VpcConfig subnets and security groups, when the template lists them literally. */
  vpc(): void {
    const vpc = get(this.f.props, 'VpcConfig');
    if (vpc && vpc.kind !== 'map') return;
    this.list('VpcConfig.SubnetIds', vpc, 'SubnetIds', [], this.config.subnetIds, true);
    this.list('VpcConfig.SecurityGroupIds', vpc, 'SecurityGroupIds', [], this.config.securityGroupIds, true);
  }

  /** LastModified after the stack's last operation completed: changed outside CloudFormation. */
  lastModified(completedAt: number | undefined): void {
    const modified = parseLambdaTime(this.config.lastModified);
    if (completedAt === undefined || modified === undefined || modified <= completedAt + CLOCK_SLACK_MS) return;
    this.add('LastModified', null, this.config.lastModified ?? null, this.f.resource.idRange);
  }
}

/** The template value of a variable that only deploying resolves (a `!GetAtt`, a dynamic reference). */
export const COMPUTED = '(resolved at deploy time)';

function refName(node: Node): string | undefined {
  return node.kind === 'intrinsic' && node.fn === 'Ref' && node.arg.kind === 'scalar' ? String(node.arg.value) : undefined;
}

/**
 * Lambda's `2024-05-01T10:00:00.000+0000` (and emulators' variants without a zone, read as UTC),
 * epoch ms; undefined when unreadable.
 */
export function parseLambdaTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const iso = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}
