import { noInternetEgress } from '../../../../server/src/rules/vpc/noInternetEgress';
import { ruleTester, yaml } from '../../../support/ruleTester';

/** A VPC with two subnets sharing one route table whose default route is `route` (or none). */
function network(route: string, extra = ''): string {
  return `${yaml`
    Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
    Igw: { Type: AWS::EC2::InternetGateway }
    Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: subnet-public } }
    Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
    A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc } }
    B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc } }
    AssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref A, RouteTableId: !Ref Rt } }
    AssocB: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref B, RouteTableId: !Ref Rt } }
    Table: { Type: AWS::DynamoDB::Table }
    Queue: { Type: AWS::SQS::Queue }
    Secret: { Type: AWS::SecretsManager::Secret }
  `.replace(/^/gm, '  ')}${route ? `  Default: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, ${route} } }\n` : ''}${extra}`;
}

function fn(body: string, net: string, subnets = '[!Ref A, !Ref B]'): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig: { SubnetIds: ${subnets}, SecurityGroupIds: [sg-1] }
${body}${net}`;
}

const usesTable = '      Environment:\n        Variables:\n          TABLE: !Ref Table\n';

ruleTester(noInternetEgress, {
  valid: [
    { name: 'subnets routing 0.0.0.0/0 to a NAT gateway', template: fn(usesTable, network('NatGatewayId: !Ref Nat')) },
    {
      name: 'a DynamoDB gateway endpoint in the VPC',
      template: fn(usesTable, network('', "  Endpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.dynamodb' } }\n")),
    },
    { name: 'a subnet that is not in the template', template: fn(usesTable, network(''), '[!Ref A, subnet-0abc]') },
    { name: 'a default route to a transit gateway (egress unknown)', template: fn(usesTable, network('TransitGatewayId: tgw-1')) },
    {
      name: 'a queue that only feeds the function as its event source',
      template: fn('      Policies: [{ SQSPollerPolicy: { QueueName: !GetAtt Queue.QueueName } }]\n      Events:\n        Jobs: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }\n', network('')),
    },
    {
      name: 'a queue that feeds the function through a plain event source mapping',
      template: fn('      Policies: [{ SQSPollerPolicy: { QueueName: !GetAtt Queue.QueueName } }]\n', network('', '  Mapping: { Type: AWS::Lambda::EventSourceMapping, Properties: { FunctionName: !Ref Fn, EventSourceArn: !GetAtt Queue.Arn } }\n')),
    },
    {
      name: 'a secret read by CloudFormation through a dynamic reference',
      template: fn("      Environment:\n        Variables:\n          KEY: !Sub '{{resolve:secretsmanager:${Secret}:SecretString:key}}'\n", network('')),
    },
    { name: 'an endpoint whose VPC is imported (might be this one)', template: fn(usesTable, network('', '  E: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !ImportValue vpc, ServiceName: com.amazonaws.eu-west-1.dynamodb } }\n')) },
  ],
  invalid: [
    {
      name: 'no default route, at the reference, with the table and subnets related',
      template: fn(usesTable, network('')),
      errors: [{ line: 9, column: 18, severity: 'warning', related: [[18, 3], [6, 32], [6, 40]] }],
    },
    { name: 'a default route to an internet gateway only', template: fn(usesTable, network('GatewayId: !Ref Igw')), errors: [{ line: 9, column: 18 }] },
    {
      name: 'each service once: a policy template and an environment variable',
      template: fn('      Environment:\n        Variables:\n          TABLE: !Ref Table\n          TABLE_ARN: !GetAtt Table.Arn\n      Policies:\n        - SQSSendMessagePolicy: { QueueName: !GetAtt Queue.QueueName }\n', network('')),
      errors: [{ line: 9, column: 18 }, { line: 12, column: 46 }],
    },
  ],
});
