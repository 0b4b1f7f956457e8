import { get } from '../../template/ast';
import type { Range } from '../../template/ast';
import type { Template } from '../../template/model';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { functionVpcs, subnetEgress, vpcEndpoints, vpcOf } from '../../template/network';
import type { FunctionVpc, VpcRef } from '../../template/network';
import { refsIn } from '../../template/refs';
import type { Edge } from '../../template/refs';
import { eventSourcesOf } from '../../template/eventSources';
import type { Related, Rule } from '../types';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import { LAMBDA_VPC_URL } from './common';
import { changed } from '../docs';
import { VPC_APP } from './examples';

/** Public AWS services a function calls over the internet (or a VPC endpoint), by resource type. */
const SERVICES: Readonly<Record<string, { name: string; endpoint: string }>> = {
  'AWS::DynamoDB::Table': { name: 'DynamoDB', endpoint: 'dynamodb' },
  'AWS::Serverless::SimpleTable': { name: 'DynamoDB', endpoint: 'dynamodb' },
  'AWS::S3::Bucket': { name: 'S3', endpoint: 's3' },
  'AWS::SQS::Queue': { name: 'SQS', endpoint: 'sqs' },
  'AWS::SNS::Topic': { name: 'SNS', endpoint: 'sns' },
  'AWS::SecretsManager::Secret': { name: 'Secrets Manager', endpoint: 'secretsmanager' },
  'AWS::Kinesis::Stream': { name: 'Kinesis Data Streams', endpoint: 'kinesis-streams' },
  'AWS::Events::EventBus': { name: 'EventBridge', endpoint: 'events' },
  'AWS::StepFunctions::StateMachine': { name: 'Step Functions', endpoint: 'states' },
  'AWS::Serverless::StateMachine': { name: 'Step Functions', endpoint: 'states' },
};

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = changed(VPC_APP, ['  Api:\n', '  IsolatedRouteTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }   # no 0.0.0.0/0 route to a NAT gateway\n  SubnetARoutes: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateSubnetA, RouteTableId: !Ref IsolatedRouteTable } }\n  SubnetBRoutes: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateSubnetB, RouteTableId: !Ref IsolatedRouteTable } }\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n  DynamoDbEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: !Ref Vpc\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb\n      RouteTableIds: [!Ref IsolatedRouteTable]\n  Worker:\n'], ['        SecurityGroupIds: [!Ref FunctionSg]\n', '        SecurityGroupIds: [!Ref FunctionSg]\n      Policies:\n        - DynamoDBCrudPolicy: { TableName: !Ref Orders }\n      Environment:\n        Variables:\n          TABLE: !Ref Orders\n']);

/** vpc/no-internet-egress: a VPC function without a NAT route cannot call public AWS services. */
export const noInternetEgress: Rule = {
  meta: {
    id: 'vpc/no-internet-egress',
    severity: 'warning',
    description: 'A function in subnets without a NAT gateway route cannot call public AWS services (DynamoDB, S3, SQS, Secrets Manager ...) unless the VPC has an endpoint for them.',
    docs: {
      bad: changed(EXAMPLE, ['  DynamoDbEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: !Ref Vpc\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb\n      RouteTableIds: [!Ref IsolatedRouteTable]\n', '']),
      good: EXAMPLE,
      url: LAMBDA_VPC_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      const configs = functionVpcs(t, f);
      if (configs.length === 0) continue;
      const isolated = configs.map((c) => isolatedVpc(t, c));
      const first = isolated[0];
      if (!first || isolated.some((v) => v === undefined || v.vpc.key !== first.vpc.key)) continue;
      const reported = new Set<string>();
      for (const edge of usedResources(t, f)) {
        const target = t.resources.get(edge.to);
        const service = target ? SERVICES[target.type] : undefined;
        if (!target || !service || reported.has(target.id)) continue;
        const endpoints = vpcEndpoints(t, first.vpc, service.endpoint);
        if (endpoints.found.length > 0 || endpoints.unknown) continue;
        reported.add(target.id);
        const { related, ...owner } = ownerOf(f, edge.range);
        const subnetRelated: Related[] = first.subnets.map((s) => ({ range: s.at, message: `${s.id} has no default route to a NAT gateway.` }));
        ctx.report({
          range: edge.range,
          message: `${f.id} uses ${service.name} (${target.id}) but runs in subnets with no route to a NAT gateway (${first.subnets.map((s) => s.id).join(', ')}), and the VPC has no ${service.name} endpoint: the calls time out. Route 0.0.0.0/0 to a NAT gateway, or add an AWS::EC2::VPCEndpoint for com.amazonaws.<region>.${service.endpoint}. Lambda gives its network interfaces no public IP, so an internet gateway route does not help.`,
          related: [{ range: target.idRange, message: `${target.id} is reached over the ${service.name} public endpoint.` }, ...subnetRelated, ...related],
          ...owner,
        });
      }
    }
  },
};

/** The VPC of a config whose subnets are all template-defined, in one VPC, and none routes to a NAT gateway. */
function isolatedVpc(t: Template, config: FunctionVpc): { vpc: VpcRef; subnets: Array<{ id: string; at: Range }> } | undefined {
  const items = config.subnets?.items;
  if (!items || items.length === 0) return undefined;
  let vpc: VpcRef | undefined;
  const subnets: Array<{ id: string; at: Range }> = [];
  for (const item of items) {
    if (!item.templateId) return undefined;
    const v = vpcOf(t, item.templateId);
    if (!v || (vpc && v.key !== vpc.key)) return undefined;
    vpc = v;
    const egress = subnetEgress(t, item.templateId).kind;
    if (egress === 'nat' || egress === 'unknown') return undefined;
    subnets.push({ id: item.templateId, at: item.node.range });
  }
  return vpc ? { vpc, subnets } : undefined;
}

/**
 * References to resources the function's code calls: Environment and Policies. A queue or stream
 * that only feeds the function as an event source is polled by the Lambda service, not the code,
 * and `{{resolve:...}}` dynamic references are read by CloudFormation at deploy time.
 */
function usedResources(t: Template, f: FunctionView): Edge[] {
  const sources = new Set<string>();
  for (const s of eventSourcesOf(t, f.id)) if (s.target) sources.add(s.target.id);
  const refsOf = (key: string) => {
    const node = get(f.props, key);
    return node ? refsIn(t, node, f.id) : [];
  };
  return [...refsOf('Environment'), ...refsOf('Policies').filter((e) => !sources.has(e.to))].filter((e) => !t.text.slice(e.range.start, e.range.end).includes('{{resolve:'));
}
