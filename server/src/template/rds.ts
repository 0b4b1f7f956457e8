/**
 * The database side of the model: RDS Proxies with their endpoints and target groups, DB instances
 * and clusters with their engines, and which functions use which of them. Built once per model, so the
 * rds-proxy/ and rds/ rules are lookups, never scans of every resource per function.
 */
import { get } from './ast';
import type { MapNode, Node } from './ast';
import { functionsOf } from './functions';
import type { FunctionView } from './functions';
import type { Resource, Template } from './model';
import { functionRefs } from './refs';
import type { Edge } from './refs';
import { branches, refTarget, resolveStrings } from './resolve';
import type { Candidate } from './resolve';

/** CloudFormation types of the database resources. */
export const DB_PROXY = 'AWS::RDS::DBProxy';
export const DB_PROXY_ENDPOINT = 'AWS::RDS::DBProxyEndpoint';
export const DB_PROXY_TARGET_GROUP = 'AWS::RDS::DBProxyTargetGroup';
export const DB_INSTANCE = 'AWS::RDS::DBInstance';
export const DB_CLUSTER = 'AWS::RDS::DBCluster';

/** RDS Proxy engine families. */
export type EngineFamily = 'MYSQL' | 'POSTGRESQL' | 'SQLSERVER';

/**
 * Which DB engines each proxy engine family can front (RDS Proxy "Supported Regions and engines").
 * `aurora` is the original MySQL 5.6-compatible Aurora engine name.
 */
const FAMILY_ENGINES: Readonly<Record<EngineFamily, (engine: string) => boolean>> = {
  MYSQL: (e) => e === 'mysql' || e === 'mariadb' || e === 'aurora-mysql' || e === 'aurora',
  POSTGRESQL: (e) => e === 'postgres' || e === 'aurora-postgresql',
  SQLSERVER: (e) => e.startsWith('sqlserver-'),
};

/** The proxy engine family that can front `engine`, or undefined when none can (Oracle, Db2). */
export function familyForEngine(engine: string): EngineFamily | undefined {
  const e = engine.toLowerCase();
  return (Object.keys(FAMILY_ENGINES) as EngineFamily[]).find((f) => FAMILY_ENGINES[f](e));
}

/** True when `family` is one of the proxy engine families. */
export function isEngineFamily(family: string): family is EngineFamily {
  return Object.hasOwn(FAMILY_ENGINES, family);
}

/** One target of a proxy: the DB it points at and the target-group entry naming it. */
export interface ProxyTarget {
  readonly targetGroup: Resource;
  /** The `!Ref Db` entry in DBInstanceIdentifiers / DBClusterIdentifiers. */
  readonly entry: Node;
  readonly db: Resource;
}

/** A function's reference to one database resource (proxy, proxy endpoint, instance, cluster). */
export interface DatabaseUse {
  readonly fn: FunctionView;
  readonly target: Resource;
  /** The first reference to its endpoint when there is one, else the first reference. */
  readonly edge: Edge;
  /**
   * True when the function takes the endpoint (`!GetAtt X.Endpoint`, `${X.Endpoint.Address}`): it
   * connects. An ARN or name alone (IAM policies, management calls) does not mean a connection.
   */
  readonly connects: boolean;
}

const ENDPOINT_ATTR = /^(Read)?Endpoint\b/;

/** Per-model lookups between functions, proxies, target groups and databases. */
export interface DatabaseIndex {
  /** Target groups per proxy id (template-defined proxies named by `!Ref` or by a literal DBProxyName). */
  readonly targetGroups: ReadonlyMap<string, readonly Resource[]>;
  /** Database targets per proxy id. */
  readonly targets: ReadonlyMap<string, readonly ProxyTarget[]>;
  /** Proxies per database id (the reverse of `targets`). */
  readonly proxiesOfDb: ReadonlyMap<string, readonly Resource[]>;
  /** True when some target group names its proxy in a way that cannot be resolved (parameter, import). */
  readonly unresolvedTargetGroup: boolean;
  /** Database uses per function id, in reference order. */
  readonly usesByFunction: ReadonlyMap<string, readonly DatabaseUse[]>;
  /** Database uses per database resource id. */
  readonly usesByTarget: ReadonlyMap<string, readonly DatabaseUse[]>;
  /** Proxy endpoints per proxy id. */
  readonly endpointsOfProxy: ReadonlyMap<string, readonly Resource[]>;
}

const DATABASE_TYPES: ReadonlySet<string> = new Set([DB_PROXY, DB_PROXY_ENDPOINT, DB_INSTANCE, DB_CLUSTER]);

/** The database index of a template, computed once per model. */
export function databases(t: Template): DatabaseIndex {
  return t.memo('rds.databases', build);
}

/** The template-defined resource a `!Ref` / `!GetAtt` node points at, if it has one of `types`. */
export function resourceRef(t: Template, node: Node | undefined, types: ReadonlySet<string> | string): Resource | undefined {
  const target = refTarget(node);
  const r = target ? t.resources.get(target.id) : undefined;
  if (!r) return undefined;
  return (typeof types === 'string' ? r.type === types : types.has(r.type)) ? r : undefined;
}

/** The proxy a DBProxyEndpoint belongs to (its DBProxyName), when template-defined. */
export function proxyOfEndpoint(t: Template, endpoint: Resource): Resource | undefined {
  return proxyNamed(t, get(endpoint.properties, 'DBProxyName'));
}

/** The proxy behind a used resource: the proxy itself, or the proxy of an endpoint. */
export function proxyBehind(t: Template, r: Resource): Resource | undefined {
  if (r.type === DB_PROXY) return r;
  return r.type === DB_PROXY_ENDPOINT ? proxyOfEndpoint(t, r) : undefined;
}

/**
 * A DB's known engine names (lower case), each with where it was written. A DBInstance without Engine
 * that belongs to a template-defined cluster takes the cluster's.
 */
export function enginesOf(t: Template, db: Resource): Array<Candidate & { value: string }> {
  const own = get(db.properties, 'Engine');
  if (own) return resolveStrings(t, own).map((c) => ({ ...c, value: c.value.toLowerCase() }));
  if (db.type !== DB_INSTANCE) return [];
  const cluster = resourceRef(t, get(db.properties, 'DBClusterIdentifier'), DB_CLUSTER);
  return cluster ? enginesOf(t, cluster) : [];
}

function proxyNamed(t: Template, nameNode: Node | undefined): Resource | undefined {
  const byRef = resourceRef(t, nameNode, DB_PROXY);
  if (byRef) return byRef;
  const names = resolveStrings(t, nameNode);
  if (names.length !== 1) return undefined;
  return proxiesByName(t).get(names[0]!.value);
}

function proxiesByName(t: Template): ReadonlyMap<string, Resource> {
  return t.memo('rds.proxiesByName', () => {
    const out = new Map<string, Resource>();
    for (const p of t.ofType(DB_PROXY)) {
      const names = resolveStrings(t, get(p.properties, 'DBProxyName'));
      if (names.length === 1) out.set(names[0]!.value, p);
    }
    return out;
  });
}

function build(t: Template): DatabaseIndex {
  const targetGroups = new Map<string, Resource[]>();
  const targets = new Map<string, ProxyTarget[]>();
  const proxiesOfDb = new Map<string, Resource[]>();
  let unresolvedTargetGroup = false;
  for (const tg of t.ofType(DB_PROXY_TARGET_GROUP)) {
    const proxy = proxyNamed(t, get(tg.properties, 'DBProxyName'));
    if (!proxy) {
      unresolvedTargetGroup = true;
      continue;
    }
    push(targetGroups, proxy.id, tg);
    for (const [key, type] of [['DBInstanceIdentifiers', DB_INSTANCE], ['DBClusterIdentifiers', DB_CLUSTER]] as const) {
      for (const list of branches(get(tg.properties, key))) {
        if (list.kind !== 'seq') continue;
        for (const entry of list.items) {
          const db = resourceRef(t, entry, type);
          if (!db) continue;
          push(targets, proxy.id, { targetGroup: tg, entry, db });
          push(proxiesOfDb, db.id, proxy);
        }
      }
    }
  }
  const usesByFunction = new Map<string, DatabaseUse[]>();
  const usesByTarget = new Map<string, DatabaseUse[]>();
  // Most templates have no database: then no function can use one, and nothing needs walking.
  const hasDatabases = [...DATABASE_TYPES].some((type) => t.ofType(type).length > 0);
  for (const fn of hasDatabases ? functionsOf(t) : []) {
    const uses = new Map<string, DatabaseUse>();
    for (const edge of functionRefs(t, fn)) {
      const target = t.resources.get(edge.to);
      if (!target || !DATABASE_TYPES.has(target.type) || uses.get(target.id)?.connects) continue;
      const connects = ENDPOINT_ATTR.test(edge.attr ?? '');
      if (!uses.has(target.id) || connects) uses.set(target.id, { fn, target, edge, connects });
    }
    for (const use of uses.values()) {
      push(usesByFunction, fn.id, use);
      push(usesByTarget, use.target.id, use);
    }
  }
  const endpointsOfProxy = new Map<string, Resource[]>();
  for (const e of t.ofType(DB_PROXY_ENDPOINT)) {
    const proxy = proxyOfEndpoint(t, e);
    if (proxy) push(endpointsOfProxy, proxy.id, e);
  }
  return { targetGroups, targets, proxiesOfDb, unresolvedTargetGroup, usesByFunction, usesByTarget, endpointsOfProxy };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Engines whose databases can invoke Lambda functions (aws_lambda extension for PostgreSQL,
 * lambda_sync / lambda_async for Aurora MySQL, including the original `aurora` MySQL 5.6 engine).
 */
const LAMBDA_INVOKING_ENGINES: ReadonlySet<string> = new Set(['postgres', 'aurora-postgresql', 'aurora-mysql', 'aurora']);

/** True when a database running `engine` can call Lambda. */
export function engineCanInvokeLambda(engine: string): boolean {
  return LAMBDA_INVOKING_ENGINES.has(engine.toLowerCase());
}

/** One AssociatedRoles entry of a DB instance or cluster. */
export interface AssociatedRole {
  readonly db: Resource;
  readonly entry: Node;
  readonly roleArn: Node | undefined;
  /** FeatureName candidates (e.g. Lambda, s3Import); empty when absent or unknown. */
  readonly features: ReadonlyArray<Candidate & { value: string }>;
}

/** Every AssociatedRoles entry of the template's DB instances and clusters. */
export function associatedRoles(t: Template): readonly AssociatedRole[] {
  return t.memo('rds.associatedRoles', () => {
    const out: AssociatedRole[] = [];
    for (const db of [...t.ofType(DB_INSTANCE), ...t.ofType(DB_CLUSTER)]) {
      for (const list of branches(get(db.properties, 'AssociatedRoles'))) {
        if (list.kind !== 'seq') continue;
        for (const entry of list.items.flatMap((i) => branches(i))) {
          if (entry.kind !== 'map') continue;
          out.push({ db, entry, roleArn: get(entry, 'RoleArn'), features: resolveStrings(t, get(entry, 'FeatureName')) });
        }
      }
    }
    return out;
  });
}

/** One entry of a proxy's Auth list (behind any `!If`). */
export interface ProxyAuth {
  readonly proxy: Resource;
  readonly entry: MapNode;
}

/** The Auth entries of a proxy that are maps. */
export function authEntries(proxy: Resource): ProxyAuth[] {
  const out: ProxyAuth[] = [];
  for (const list of branches(get(proxy.properties, 'Auth'))) {
    if (list.kind !== 'seq') continue;
    for (const entry of list.items.flatMap((i) => branches(i))) if (entry.kind === 'map') out.push({ proxy, entry });
  }
  return out;
}

/** True when the proxy authenticates to the database with IAM end to end (DefaultAuthScheme IAM_AUTH). */
export function endToEndIam(t: Template, proxy: Resource): boolean {
  const scheme = resolveStrings(t, get(proxy.properties, 'DefaultAuthScheme'));
  return scheme.length > 0 && scheme.every((c) => c.value === 'IAM_AUTH');
}

/** A list of ids on a proxy or proxy endpoint (VpcSubnetIds, VpcSecurityGroupIds). */
export interface PlacementList {
  readonly node: Node;
  /** Template resource ids per entry (undefined for entries that leave the template). */
  readonly entries: ReadonlyArray<{ readonly node: Node; readonly templateId: string | undefined }>;
  /** False when the list itself is built with an intrinsic and cannot be read. */
  readonly readable: boolean;
}

/** VpcSubnetIds or VpcSecurityGroupIds of a proxy or endpoint, entries resolved to template resources of `type`. */
export function placementList(t: Template, r: Resource, key: 'VpcSubnetIds' | 'VpcSecurityGroupIds', type: string): PlacementList | undefined {
  const node = get(r.properties, key);
  if (!node) return undefined;
  if (node.kind !== 'seq') return { node, entries: [], readable: false };
  return { node, entries: node.items.map((n) => ({ node: n, templateId: resourceRef(t, n, type)?.id })), readable: true };
}

/** Every function's connection to a template-defined RDS Proxy or proxy endpoint, in function order. */
export function proxyConnections(t: Template): readonly DatabaseUse[] {
  return t.memo('rds.proxyConnections', () =>
    [...databases(t).usesByFunction.values()].flat().filter((u) => u.connects && (u.target.type === DB_PROXY || u.target.type === DB_PROXY_ENDPOINT)),
  );
}

/** Every function use of a proxy, directly or through one of its endpoints. */
export function proxyUses(t: Template, proxy: Resource): DatabaseUse[] {
  const index = databases(t);
  const ids = [proxy.id, ...(index.endpointsOfProxy.get(proxy.id) ?? []).map((e) => e.id)];
  return ids.flatMap((id) => index.usesByTarget.get(id) ?? []);
}

/** The engine family of a proxy (or of an endpoint's proxy), when known. */
export function proxyFamily(t: Template, r: Resource): EngineFamily | undefined {
  const proxy = proxyBehind(t, r);
  const values = resolveStrings(t, get(proxy?.properties, 'EngineFamily'));
  const v = values.length === 1 ? values[0]!.value : undefined;
  return v !== undefined && isEngineFamily(v) ? v : undefined;
}
