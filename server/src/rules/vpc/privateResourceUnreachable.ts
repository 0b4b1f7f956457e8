import { get, pairOf, str } from '../../template/ast';
import type { Range } from '../../template/ast';
import type { Resource, Template } from '../../template/model';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { hasNoVpcConfig, subnetEgress, templateIdOf, SUBNET } from '../../template/network';
import { functionRefs } from '../../template/refs';
import { resolve } from '../../template/resolve';
import type { Related, Rule } from '../types';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import { LAMBDA_VPC_URL } from './common';
import { changed } from '../docs';
import { VPC_APP } from './examples';

/** Resource types that only answer inside their VPC, with the kind of thing they are for messages. */
const VPC_ONLY: Readonly<Record<string, string>> = {
  'AWS::RDS::DBInstance': 'RDS database',
  'AWS::RDS::DBCluster': 'RDS cluster',
  'AWS::RDS::DBProxy': 'RDS Proxy',
  'AWS::RDS::DBProxyEndpoint': 'RDS Proxy endpoint',
  'AWS::ElastiCache::CacheCluster': 'ElastiCache cluster',
  'AWS::ElastiCache::ReplicationGroup': 'ElastiCache replication group',
  'AWS::ElastiCache::ServerlessCache': 'ElastiCache serverless cache',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'internal load balancer',
  'AWS::DocDB::DBCluster': 'DocumentDB cluster',
  'AWS::Neptune::DBCluster': 'Neptune cluster',
  'AWS::OpenSearchService::Domain': 'OpenSearch domain',
  'AWS::Elasticsearch::Domain': 'OpenSearch domain',
};

const VPC_ONLY_TYPES = Object.keys(VPC_ONLY);

/** Attributes a function uses to connect (hosts, ports, DNS names), not ARNs or ids used in policies. */
const CONNECTION_ATTR = /endpoint|^dnsname$|^port$/i;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = changed(VPC_APP, ['  FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }\n', '  FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }\n  Cache:\n    Type: AWS::ElastiCache::ServerlessCache\n    Properties:\n      ServerlessCacheName: sessions\n      Engine: valkey\n      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n      SecurityGroupIds: [!Ref FunctionSg]\n'], ['        SecurityGroupIds: [!Ref FunctionSg]\n', '        SecurityGroupIds: [!Ref FunctionSg]\n      Environment:\n        Variables:\n          CACHE_HOST: !GetAtt Cache.Endpoint.Address\n']);

/** vpc/private-resource-unreachable: a function outside any VPC cannot connect to VPC-only resources. */
export const privateResourceUnreachable: Rule = {
  meta: {
    id: 'vpc/private-resource-unreachable',
    severity: 'error',
    description: 'A function without VpcConfig cannot reach resources that live only inside a VPC (RDS, RDS Proxy, ElastiCache, internal load balancers, EFS ...).',
    docs: {
      bad: changed(EXAMPLE, ['      VpcConfig:\n        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref FunctionSg]\n', '']),
      good: EXAMPLE,
      url: LAMBDA_VPC_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    // Most templates have no VPC-only resource: then no reference can lead to one, and nothing needs walking.
    const vpcOnlyTargets = VPC_ONLY_TYPES.some((type) => t.ofType(type).length > 0);
    for (const f of functionsOf(t)) {
      if (!hasNoVpcConfig(f)) continue;
      const fs = pairOf(f.props, 'FileSystemConfigs');
      if (fs && !(fs.value.kind === 'seq' && fs.value.items.length === 0)) {
        ctx.report({
          range: fs.keyRange,
          message: `${f.id} mounts an EFS file system but has no VpcConfig: Lambda reaches EFS mount targets only from inside the VPC, and the deployment fails. Add VpcConfig with subnets that have mount targets.`,
          ...withInherited(f, fs.keyRange),
        });
      }
      for (const edge of vpcOnlyTargets ? functionRefs(t, f) : []) {
        const target = t.resources.get(edge.to);
        if (!target || !VPC_ONLY[target.type] || !edge.attr || !CONNECTION_ATTR.test(edge.attr)) continue;
        if (!vpcOnly(t, target)) continue;
        ctx.report({
          range: edge.range,
          message: `${f.id} connects to ${target.id} (${VPC_ONLY[target.type]}), which is reachable only inside its VPC, but ${f.id} has no VpcConfig: the connection times out. Add VpcConfig with subnets and a security group of that VPC.`,
          ...withInherited(f, edge.range, { range: target.idRange, message: `${target.id} lives inside a VPC.` }),
        });
      }
    }
  },
};

function withInherited(f: FunctionView, range: Range, extra?: Related): { related: Related[]; resource?: string } {
  const { related, ...owner } = ownerOf(f, range);
  return { related: extra ? [extra, ...related] : related, ...owner };
}

/** Whether a resource of a VPC_ONLY type is certainly private (databases can be made public). */
function vpcOnly(t: Template, r: Resource): boolean {
  const p = r.properties;
  switch (r.type) {
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return str(get(p, 'Scheme')) === 'internal';
    case 'AWS::OpenSearchService::Domain':
    case 'AWS::Elasticsearch::Domain':
      return get(p, 'VPCOptions') !== undefined;
    case 'AWS::RDS::DBInstance':
      return privateDatabase(t, r, []);
    case 'AWS::RDS::DBCluster':
      if (str(get(p, 'EngineMode')) === 'serverless') return true;
      return privateDatabase(t, r, clusterInstances(t).get(r.id) ?? []);
    default:
      return true;
  }
}

/**
 * A database is private when PubliclyAccessible is false on it (and on its instances), or unset
 * while its template-defined subnet group has no subnet routing to an internet gateway (RDS then
 * defaults to private). Anything else might be public: not reported.
 */
function privateDatabase(t: Template, db: Resource, instances: readonly Resource[]): boolean {
  let unset = false;
  for (const r of [db, ...instances]) {
    const node = get(r.properties, 'PubliclyAccessible');
    if (!node) {
      unset = true;
      continue;
    }
    const values = resolve(t, node).map((c) => String(c.value));
    if (values.length === 0 || values.some((v) => v !== 'false')) return false;
  }
  if (!unset) return true;
  const group = templateIdOf(t, get(db.properties, 'DBSubnetGroupName'), 'AWS::RDS::DBSubnetGroup');
  const subnets = get(t.resources.get(group ?? '')?.properties, 'SubnetIds');
  if (subnets?.kind !== 'seq' || subnets.items.length === 0) return false;
  return subnets.items.every((item) => {
    const id = templateIdOf(t, item, SUBNET);
    const egress = id ? subnetEgress(t, id).kind : 'unknown';
    return egress === 'nat' || egress === 'none';
  });
}

function clusterInstances(t: Template): ReadonlyMap<string, Resource[]> {
  return t.memo('vpc.clusterInstances', () => {
    const out = new Map<string, Resource[]>();
    for (const r of t.ofType('AWS::RDS::DBInstance')) {
      const id = templateIdOf(t, get(r.properties, 'DBClusterIdentifier'), 'AWS::RDS::DBCluster');
      if (!id) continue;
      const list = out.get(id);
      if (list) list.push(r);
      else out.set(id, [r]);
    }
    return out;
  });
}
