/**
 * The template's network, indexed once per model: subnets -> VPC and Availability Zone, subnets ->
 * route tables (SubnetRouteTableAssociation) -> routes, VPC endpoints per VPC and service, security
 * groups -> VPC and ingress (inline and AWS::EC2::SecurityGroupIngress), and a function's VpcConfig
 * as template-defined ids. Values that leave the template (imports, parameters without a default)
 * stay unknown, so rules built on this stay silent about them.
 */
import { get, pairOf, str } from './ast';
import type { MapNode, Node, Pair, Range } from './ast';
import type { Resource, Template } from './model';
import type { FunctionView } from './functions';
import { branches, isNoValue, refTarget, resolveNumbers, resolveStrings } from './resolve';
import { patternOf } from './policies';
import { parseCidr } from './cidr';
import type { Cidr } from './cidr';

export const SUBNET = 'AWS::EC2::Subnet';
export const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
export const VPC = 'AWS::EC2::VPC';

/** A VPC as far as it is known: `key` compares equal for the same VPC (`id:<logical id>` or `lit:vpc-...`). */
export interface VpcRef {
  readonly key: string;
  /** The template AWS::EC2::VPC, when the VPC is defined here. */
  readonly templateId: string | undefined;
  /** The VpcId value. */
  readonly at: Range;
}

/** An Availability Zone: by name (`us-east-1a`) or by `!Select [i, !GetAZs '']` index. Compare only the same kind. */
export interface AzRef {
  readonly kind: 'name' | 'index';
  readonly value: string;
  readonly at: Range;
}

/** Where a subnet's default route (0.0.0.0/0) goes. */
export type Egress =
  | { readonly kind: 'nat'; readonly at: Range }
  | { readonly kind: 'internet-gateway'; readonly at: Range }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

export interface Route {
  readonly id: string;
  readonly destination: string | undefined;
  readonly target: 'nat' | 'internet-gateway' | 'other' | 'unknown';
  readonly at: Range;
}

export type IngressSource =
  | { readonly kind: 'security-group'; readonly id: string }
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'other' }
  | { readonly kind: 'unknown' };

export interface IngressRule {
  /** `tcp`, `udp`, `icmp`, `-1` (all); numbers as written. Undefined when unknown. */
  readonly protocol: string | undefined;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly source: IngressSource;
  readonly at: Range;
}

export interface Ingress {
  readonly rules: readonly IngressRule[];
  /** False when some ingress could not be read (a list built with an intrinsic). */
  readonly complete: boolean;
}

export interface Endpoints {
  readonly found: readonly Resource[];
  /** True when an endpoint of unknown VPC or service might be the one. */
  readonly unknown: boolean;
}

/** One entry of VpcConfig.SubnetIds / SecurityGroupIds. */
export interface IdItem {
  readonly node: Node;
  /** The template resource it points at (subnet or security group), when it does. */
  readonly templateId: string | undefined;
  /** A literal id (`subnet-0abc`), when written as one. */
  readonly literal: string | undefined;
}

export interface IdList {
  readonly pair: Pair;
  /** The entries, when the value is a literal list; undefined when built with an intrinsic. */
  readonly items: readonly IdItem[] | undefined;
}

/** A function's VpcConfig (one per `!If` branch that is a map). */
export interface FunctionVpc {
  readonly pair: Pair;
  readonly config: MapNode;
  readonly subnets: IdList | undefined;
  readonly securityGroups: IdList | undefined;
}

interface NetworkIndex {
  readonly associations: Map<string, string[]>;
  readonly routes: Map<string, Route[]>;
  readonly endpoints: Map<string, Array<{ resource: Resource; service: string | undefined }>>;
  readonly unknownVpcEndpoints: Array<{ resource: Resource; service: string | undefined }>;
  readonly ingress: Map<string, IngressRule[]>;
  readonly ingressIncomplete: Set<string>;
}

function index(t: Template): NetworkIndex {
  return t.memo('network', () => {
    const idx: NetworkIndex = {
      associations: new Map(),
      routes: new Map(),
      endpoints: new Map(),
      unknownVpcEndpoints: [],
      ingress: new Map(),
      ingressIncomplete: new Set(),
    };
    for (const a of t.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
      const subnet = templateIdOf(t, get(a.properties, 'SubnetId'), SUBNET);
      const rt = templateIdOf(t, get(a.properties, 'RouteTableId'), 'AWS::EC2::RouteTable');
      if (subnet && rt) push(idx.associations, subnet, rt);
    }
    for (const r of t.ofType('AWS::EC2::Route')) {
      const rt = templateIdOf(t, get(r.properties, 'RouteTableId'), 'AWS::EC2::RouteTable');
      if (rt) push(idx.routes, rt, routeOf(t, r));
    }
    for (const e of t.ofType('AWS::EC2::VPCEndpoint')) {
      const vpc = vpcRefOf(t, get(e.properties, 'VpcId'));
      const entry = { resource: e, service: endpointService(t, get(e.properties, 'ServiceName')) };
      if (vpc) push(idx.endpoints, vpc.key, entry);
      else idx.unknownVpcEndpoints.push(entry);
    }
    for (const sg of t.ofType(SECURITY_GROUP)) {
      const inline = get(sg.properties, 'SecurityGroupIngress');
      if (!inline) continue;
      if (inline.kind !== 'seq') idx.ingressIncomplete.add(sg.id);
      else for (const item of inline.items.flatMap((n) => branches(n))) push(idx.ingress, sg.id, ingressRuleOf(t, item));
    }
    for (const r of t.ofType('AWS::EC2::SecurityGroupIngress')) {
      const sg = templateIdOf(t, get(r.properties, 'GroupId'), SECURITY_GROUP);
      if (sg) push(idx.ingress, sg, ingressRuleOf(t, r.properties ?? r.node, r.idRange));
    }
    return idx;
  });
}

/** The VPC of a template subnet or security group. */
export function vpcOf(t: Template, resourceId: string): VpcRef | undefined {
  return vpcRefOf(t, get(t.resources.get(resourceId)?.properties, 'VpcId'));
}

/** A VpcId value as a comparable VPC reference; undefined when unknown. */
export function vpcRefOf(t: Template, node: Node | undefined): VpcRef | undefined {
  if (!node) return undefined;
  const id = templateIdOf(t, node, VPC);
  if (id) return { key: `id:${id}`, templateId: id, at: node.range };
  if (node.kind === 'intrinsic' && node.fn !== 'Ref' && node.fn !== 'Fn::If' && node.fn !== 'Fn::FindInMap') return undefined;
  const lit = resolveStrings(t, node);
  return lit.length === 1 ? { key: `lit:${lit[0]!.value}`, templateId: undefined, at: node.range } : undefined;
}

/**
 * The literal CIDR block of a template subnet (`CidrBlock` for IPv4, `Ipv6CidrBlock` for IPv6),
 * through parameter defaults; undefined when unknown (built with `!Cidr`, imported, not written).
 */
export function subnetCidr(t: Template, subnetId: string, family: 4 | 6): Cidr | undefined {
  const props = t.resources.get(subnetId)?.properties;
  const v = resolveStrings(t, get(props, family === 4 ? 'CidrBlock' : 'Ipv6CidrBlock'));
  const block = v.length === 1 ? parseCidr(v[0]!.value) : undefined;
  return block?.family === family ? block : undefined;
}

/** The Availability Zone of a template subnet; undefined when unknown. */
export function subnetAz(t: Template, subnetId: string): AzRef | undefined {
  const props = t.resources.get(subnetId)?.properties;
  const az = get(props, 'AvailabilityZone');
  const azId = get(props, 'AvailabilityZoneId');
  if (az?.kind === 'intrinsic' && az.fn === 'Fn::Select' && az.arg.kind === 'seq' && az.arg.items.length === 2) {
    const list = az.arg.items[1];
    const i = resolveNumbers(t, az.arg.items[0]);
    const region = list?.kind === 'intrinsic' && list.fn === 'Fn::GetAZs' ? list.arg : undefined;
    // `!GetAZs { Ref: AWS::Region }` keeps the inner map as written under a tag.
    const regionKnown = region && (str(region) === '' || refTarget(region)?.id === 'AWS::Region' || str(get(region, 'Ref')) === 'AWS::Region');
    if (regionKnown && i.length === 1) return { kind: 'index', value: String(i[0]!.value), at: az.range };
    return undefined;
  }
  for (const [node, kind] of [[az, 'name'], [azId, 'name']] as const) {
    const v = resolveStrings(t, node);
    if (node && v.length === 1) return { kind, value: `${node === azId ? 'id:' : ''}${v[0]!.value}`, at: node.range };
  }
  return undefined;
}

/** Whether two AZ references name the same zone; undefined when they cannot be compared. */
export function sameAz(a: AzRef, b: AzRef): boolean | undefined {
  if (a.kind !== b.kind || a.value.startsWith('id:') !== b.value.startsWith('id:')) return undefined;
  return a.value === b.value;
}

/** Template route tables associated with a subnet. */
export function subnetRouteTables(t: Template, subnetId: string): readonly string[] {
  return index(t).associations.get(subnetId) ?? [];
}

/** Routes of a template route table. */
export function routesOf(t: Template, routeTableId: string): readonly Route[] {
  return index(t).routes.get(routeTableId) ?? [];
}

/**
 * Where a subnet's IPv4 default route goes. A subnet without a template association uses the VPC's
 * main route table, which the template does not describe: unknown.
 */
export function subnetEgress(t: Template, subnetId: string): Egress {
  const tables = subnetRouteTables(t, subnetId);
  if (tables.length !== 1) return { kind: 'unknown' };
  let result: Egress = { kind: 'none' };
  for (const r of routesOf(t, tables[0]!)) {
    if (r.destination === undefined) return { kind: 'unknown' };
    if (r.destination !== '0.0.0.0/0') continue;
    if (r.target === 'nat') return { kind: 'nat', at: r.at };
    if (r.target === 'internet-gateway') result = { kind: 'internet-gateway', at: r.at };
    else return { kind: 'unknown' };
  }
  return result;
}

/** VPC endpoints of a VPC for a service (`dynamodb`, `s3`, `secretsmanager`, ...). */
export function vpcEndpoints(t: Template, vpc: VpcRef, service: string): Endpoints {
  const idx = index(t);
  const list = idx.endpoints.get(vpc.key) ?? [];
  const found = list.filter((e) => e.service === service).map((e) => e.resource);
  const unknown = list.some((e) => e.service === undefined) || idx.unknownVpcEndpoints.some((e) => e.service === undefined || e.service === service);
  return { found, unknown };
}

/** Ingress rules of a template security group (inline and standalone). */
export function securityGroupIngress(t: Template, sgId: string): Ingress {
  const idx = index(t);
  return { rules: idx.ingress.get(sgId) ?? [], complete: !idx.ingressIncomplete.has(sgId) };
}

/** Whether an ingress rule admits TCP traffic on `port`; undefined when unknown. */
export function ingressAllowsTcpPort(rule: IngressRule, port: number): boolean | undefined {
  const p = rule.protocol?.toLowerCase();
  if (p === '-1' || p === 'all') return true;
  if (p === undefined) return undefined;
  if (p !== 'tcp' && p !== '6') return false;
  if (rule.fromPort === undefined || rule.toPort === undefined) return undefined;
  if (rule.fromPort === -1 && rule.toPort === -1) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** The VpcConfig views of a function: none when it has no VpcConfig, one per map branch of an `!If`. */
export function functionVpcs(t: Template, f: FunctionView): FunctionVpc[] {
  const pair = pairOf(f.props, 'VpcConfig');
  if (!pair) return [];
  return branches(pair.value)
    .filter((n): n is MapNode => n.kind === 'map')
    .map((config) => ({ pair, config, subnets: idList(t, config, 'SubnetIds', SUBNET), securityGroups: idList(t, config, 'SecurityGroupIds', SECURITY_GROUP) }));
}

/** True when the function's VpcConfig is missing or only `!Ref AWS::NoValue`. */
export function hasNoVpcConfig(f: FunctionView): boolean {
  const v = pairOf(f.props, 'VpcConfig')?.value;
  return v === undefined || isNoValue(v);
}

function idList(t: Template, config: MapNode, key: string, type: string): IdList | undefined {
  const pair = pairOf(config, key);
  if (!pair) return undefined;
  const v = pair.value;
  if (v.kind !== 'seq') return { pair, items: undefined };
  return {
    pair,
    items: v.items.map((node) => ({
      node,
      templateId: node.kind === 'intrinsic' ? templateIdOf(t, node, type) : undefined,
      literal: node.kind === 'scalar' ? str(node) : undefined,
    })),
  };
}

/** The logical id a `!Ref` / `!GetAtt` points at, when it is a template resource of `type`. */
export function templateIdOf(t: Template, node: Node | undefined, type: string): string | undefined {
  const target = refTarget(node);
  return target && t.resources.get(target.id)?.type === type ? target.id : undefined;
}

function routeOf(t: Template, r: Resource): Route {
  const p = r.properties;
  const dest = resolveStrings(t, get(p, 'DestinationCidrBlock'));
  const v6 = get(p, 'DestinationIpv6CidrBlock') ?? get(p, 'DestinationPrefixListId');
  const destination = dest.length === 1 ? dest[0]!.value : v6 ? `other:${r.id}` : undefined;
  let target: Route['target'] = 'unknown';
  const nat = get(p, 'NatGatewayId');
  const gw = get(p, 'GatewayId');
  if (nat) {
    const natId = templateIdOf(t, nat, 'AWS::EC2::NatGateway');
    const privateNat = natId && str(get(t.resources.get(natId)?.properties, 'ConnectivityType')) === 'private';
    target = privateNat ? 'other' : 'nat';
  } else if (gw) {
    const gwTarget = refTarget(gw);
    const type = gwTarget ? t.resources.get(gwTarget.id)?.type : undefined;
    const literal = resolveStrings(t, gw)[0]?.value;
    if (type === 'AWS::EC2::InternetGateway' || literal?.startsWith('igw-')) target = 'internet-gateway';
    else if (type || literal?.startsWith('vgw-')) target = 'other';
  } else if (get(p, 'VpcPeeringConnectionId') || get(p, 'LocalGatewayId') || get(p, 'CarrierGatewayId') || get(p, 'EgressOnlyInternetGatewayId')) {
    target = 'other';
  }
  return { id: r.id, destination, target, at: (nat ?? gw ?? r.node).range };
}

function endpointService(t: Template, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const p = patternOf(t, node);
  if (p.kind !== 'glob') return undefined;
  return /^com\.amazonaws\.[^.]+\.(.+)$/.exec(p.glob)?.[1];
}

function ingressRuleOf(t: Template, node: Node, at: Range = node.range): IngressRule {
  const s = (k: string) => {
    const v = resolveStrings(t, get(node, k));
    return v.length === 1 ? v[0]!.value : undefined;
  };
  const n = (k: string) => {
    const v = resolveNumbers(t, get(node, k));
    return v.length === 1 ? v[0]!.value : undefined;
  };
  let source: IngressSource = { kind: 'unknown' };
  const sgNode = get(node, 'SourceSecurityGroupId');
  if (sgNode) {
    const id = templateIdOf(t, sgNode, SECURITY_GROUP);
    source = id ? { kind: 'security-group', id } : sgNode.kind === 'scalar' ? { kind: 'other' } : { kind: 'unknown' };
  } else if (get(node, 'CidrIp') || get(node, 'CidrIpv6')) {
    const cidr = s('CidrIp') ?? s('CidrIpv6');
    source = cidr ? { kind: 'cidr', cidr } : { kind: 'unknown' };
  } else if (get(node, 'SourcePrefixListId') || get(node, 'SourceSecurityGroupName')) source = { kind: 'other' };
  const protocol = get(node, 'IpProtocol');
  const proto = protocol?.kind === 'scalar' && protocol.value !== null ? String(protocol.value) : s('IpProtocol');
  return { protocol: proto, fromPort: n('FromPort'), toPort: n('ToPort'), source, at };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
