import { get } from '../../template/ast';
import type { Node } from '../../template/ast';
import { roleAllows, roleIdOf } from '../../template/iam';
import type { Resource, Template } from '../../template/model';
import { subnetEgress, SUBNET, templateIdOf, vpcEndpoints, vpcOf } from '../../template/network';
import { associatedRoles, DB_CLUSTER, DB_INSTANCE, engineCanInvokeLambda, enginesOf, resourceRef } from '../../template/rds';
import type { AssociatedRole } from '../../template/rds';
import { resolveStrings } from '../../template/resolve';
import type { RuleContext, Rule } from '../types';
import { RDS_LAMBDA_POSTGRES_URL } from '../rds-proxy/urls';
import { changed } from '../docs';
import { DB_CALLS_LAMBDA } from './examples';

const SUBNET_GROUP = 'AWS::RDS::DBSubnetGroup';

type Path = 'yes' | 'no' | 'unknown';

/** rds/lambda-invoke-permission: a database that calls Lambda needs the permission and a network path to Lambda. */
export const lambdaInvokePermission: Rule = {
  meta: {
    id: 'rds/lambda-invoke-permission',
    severity: 'error',
    description: "A database's Lambda role must allow lambda:InvokeFunction, and its subnets need a way out to the Lambda endpoint (NAT, public access, or a lambda VPC endpoint).",
    docs: {
      bad: changed(DB_CALLS_LAMBDA, ['      Policies:\n        - PolicyName: invoke-audit\n          PolicyDocument:\n            Statement:\n              - { Effect: Allow, Action: lambda:InvokeFunction, Resource: !GetAtt Audit.Arn }\n', '      # no policy allows lambda:InvokeFunction\n']),
      good: DB_CALLS_LAMBDA,
      url: RDS_LAMBDA_POSTGRES_URL,
    },
    fixable: false,
    reads: { each: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    const checkedDbs = new Set<string>();
    for (const role of associatedRoles(t)) {
      if (!role.features.some((f) => f.value.toLowerCase() === 'lambda')) continue;
      const engines = enginesOf(t, role.db);
      // Engines that cannot call Lambda at all are rds/lambda-invoke-engine's finding.
      if (engines.some((e) => !engineCanInvokeLambda(e.value))) continue;
      checkPermission(ctx, role);
      if (!checkedDbs.has(role.db.id)) {
        checkedDbs.add(role.db.id);
        checkNetwork(ctx, role);
      }
    }
  },
};

function checkPermission(ctx: RuleContext, role: AssociatedRole): void {
  const t = ctx.template;
  const roleId = roleIdOf(t, role.roleArn);
  if (!roleId || !role.roleArn || roleAllows(t, roleId, 'lambda:InvokeFunction') !== 'denied') return;
  ctx.report({
    range: role.roleArn.range,
    message: `${role.db.id} is associated with ${roleId} for Lambda, but ${roleId} is not allowed lambda:InvokeFunction, so every call from the database fails with access denied. Add a statement allowing lambda:InvokeFunction on the functions the database calls.`,
    related: [{ range: t.resources.get(roleId)!.idRange, message: `Role ${roleId}.` }],
  });
}

function checkNetwork(ctx: RuleContext, role: AssociatedRole): void {
  const t = ctx.template;
  const groupNode = subnetGroupNode(t, role.db);
  const group = resourceRef(t, groupNode, SUBNET_GROUP);
  const list = get(group?.properties, 'SubnetIds');
  if (!group || !groupNode || list?.kind !== 'seq' || list.items.length === 0) return;
  const subnets = list.items.map((n) => templateIdOf(t, n, SUBNET));
  if (subnets.some((s) => s === undefined)) return;
  const publicAccess = publiclyAccessible(t, role.db);
  const paths = (subnets as string[]).map((s) => pathOut(t, s, publicAccess));
  if (paths.some((p) => p !== 'no')) return;
  ctx.report({
    range: groupNode.range,
    severity: 'warning',
    message: `${role.db.id} invokes Lambda, but none of the subnets of ${group.id} has a way to the Lambda endpoint: no NAT gateway route, no internet route with public access, and no com.amazonaws.<region>.lambda VPC endpoint. Calls from the database will time out; add a NAT gateway route or a lambda interface VPC endpoint.`,
    related: [
      { range: list.range, message: `${group.id} places ${role.db.id} in these subnets.` },
      ...role.features.map((f) => ({ range: f.at, message: `${role.db.id} is associated with a role for Lambda.` })),
    ],
  });
}

/** DBSubnetGroupName of the DB, or of its cluster for an Aurora instance. */
function subnetGroupNode(t: Template, db: Resource): Node | undefined {
  const own = get(db.properties, 'DBSubnetGroupName');
  if (own || db.type !== DB_INSTANCE) return own;
  return get(resourceRef(t, get(db.properties, 'DBClusterIdentifier'), DB_CLUSTER)?.properties, 'DBSubnetGroupName');
}

/**
 * Whether the DB is publicly accessible: an instance's explicit setting; undefined when not set (RDS then
 * decides from the VPC's internet gateway) or for a cluster (its instances carry the setting).
 */
function publiclyAccessible(t: Template, db: Resource): boolean | undefined {
  if (db.type !== DB_INSTANCE) return undefined;
  const v = resolveStrings(t, get(db.properties, 'PubliclyAccessible'));
  if (v.length === 0) return undefined;
  if (v.every((c) => c.value.toLowerCase() === 'false')) return false;
  return v.every((c) => c.value.toLowerCase() === 'true') ? true : undefined;
}

function pathOut(t: Template, subnet: string, publicAccess: boolean | undefined): Path {
  const egress = subnetEgress(t, subnet);
  if (egress.kind === 'nat') return 'yes';
  const vpc = vpcOf(t, subnet);
  if (!vpc) return 'unknown';
  const endpoints = vpcEndpoints(t, vpc, 'lambda');
  if (endpoints.found.length > 0) return 'yes';
  if (endpoints.unknown) return 'unknown';
  if (egress.kind === 'internet-gateway') return publicAccess === false ? 'no' : publicAccess === true ? 'yes' : 'unknown';
  return egress.kind === 'none' ? 'no' : 'unknown';
}
