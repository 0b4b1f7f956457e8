/**
 * Network-heavy template: 500 functions in VPCs over 50 subnets and 20 security groups, with RDS
 * proxies, queues and roles with policies. Measures parsing, building the model and running every
 * rule; `ratio` (rules / parse) stays at or under 2 only when no rule is quadratic in resources.
 */
import { QUOTAS } from '../server/src/quotas';
import { measurePipeline } from './templates';

const FUNCTIONS = 500;
const SUBNETS = 50;
const GROUPS = 20;
const VPCS = 5;
const PROXIES = 10;
const QUEUES = 100;
const ROLES = 100;

/** The generated template text (YAML). */
export function networkTemplate(): string {
  const out: string[] = ["AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31', 'Resources:'];
  for (let v = 0; v < VPCS; v++) {
    out.push(`  Vpc${v}:`, '    Type: AWS::EC2::VPC', `    Properties: { CidrBlock: 10.${v}.0.0/16 }`);
    out.push(`  Nat${v}:`, '    Type: AWS::EC2::NatGateway', `    Properties: { SubnetId: subnet-public-${v} }`);
    out.push(`  Rt${v}:`, '    Type: AWS::EC2::RouteTable', `    Properties: { VpcId: !Ref Vpc${v} }`);
    // The last VPC has no NAT route, so vpc/no-internet-egress has work to report.
    if (v < VPCS - 1) out.push(`  Default${v}:`, '    Type: AWS::EC2::Route', `    Properties: { RouteTableId: !Ref Rt${v}, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat${v} }`);
  }
  for (let s = 0; s < SUBNETS; s++) {
    const v = s % VPCS;
    out.push(`  Subnet${s}:`, '    Type: AWS::EC2::Subnet', `    Properties: { VpcId: !Ref Vpc${v}, CidrBlock: 10.${v}.${s}.0/24, AvailabilityZone: !Select [${s % 3}, !GetAZs ''] }`);
    out.push(`  Assoc${s}:`, '    Type: AWS::EC2::SubnetRouteTableAssociation', `    Properties: { SubnetId: !Ref Subnet${s}, RouteTableId: !Ref Rt${v} }`);
  }
  for (let g = 0; g < GROUPS; g++) {
    out.push(`  Sg${g}:`, '    Type: AWS::EC2::SecurityGroup', '    Properties:', `      VpcId: !Ref Vpc${g % VPCS}`, `      GroupDescription: group ${g}`);
    out.push('      SecurityGroupIngress:', `        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Sg${(g + VPCS) % GROUPS} }`);
  }
  for (let p = 0; p < PROXIES; p++) {
    const v = p % VPCS;
    out.push(`  Secret${p}:`, '    Type: AWS::SecretsManager::Secret');
    out.push(`  Proxy${p}:`, '    Type: AWS::RDS::DBProxy', '    Properties:', '      EngineFamily: POSTGRESQL', `      RoleArn: !GetAtt Role${p}.Arn`);
    out.push('      Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref Secret' + p + ', IAMAuth: REQUIRED }]', '      RequireTLS: true');
    out.push(`      VpcSubnetIds: [!Ref Subnet${v}, !Ref Subnet${v + VPCS}]`, `      VpcSecurityGroupIds: [!Ref Sg${v}]`);
  }
  for (let q = 0; q < QUEUES; q++) out.push(`  Queue${q}:`, '    Type: AWS::SQS::Queue', '    Properties: { VisibilityTimeout: 180 }');
  for (let r = 0; r < ROLES; r++) {
    out.push(`  Role${r}:`, '    Type: AWS::IAM::Role', '    Properties:');
    out.push('      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }');
    // One role in ten lacks the VPC access policy, so vpc/eni-permissions reports too.
    const policy = r % 10 === 0 ? 'AWSLambdaBasicExecutionRole' : 'AWSLambdaVPCAccessExecutionRole';
    out.push(`      ManagedPolicyArns: [!Sub "arn:\${AWS::Partition}:iam::aws:policy/service-role/${policy}"]`);
    out.push('      Policies:', '        - PolicyName: app', '          PolicyDocument:', '            Statement:');
    out.push(`              - { Effect: Allow, Action: [sqs:SendMessage], Resource: !GetAtt Queue${r % QUEUES}.Arn }`);
    out.push(`              - { Effect: Allow, Action: rds-db:connect, Resource: !Sub "arn:\${AWS::Partition}:rds-db:\${AWS::Region}:\${AWS::AccountId}:dbuser:*/app" }`);
  }
  for (let f = 0; f < FUNCTIONS; f++) {
    const v = f % VPCS;
    const p = f % PROXIES;
    out.push(`  Fn${f}:`, '    Type: AWS::Serverless::Function', '    Properties:', '      Runtime: nodejs22.x', '      Handler: index.handler', `      CodeUri: s3://bucket/fn${f}.zip`);
    out.push(`      Timeout: ${QUOTAS.defaultTimeoutSeconds * 10}`);
    if (f % 2 === 0) out.push(`      Role: !GetAtt Role${f % ROLES}.Arn`);
    else out.push('      Policies:', `        - SQSSendMessagePolicy: { QueueName: !GetAtt Queue${f % QUEUES}.QueueName }`, '        - DynamoDBCrudPolicy: { TableName: orders }');
    out.push('      VpcConfig:', `        SubnetIds: [!Ref Subnet${v}, !Ref Subnet${v + VPCS}]`, `        SecurityGroupIds: [!Ref Sg${v}]`);
    out.push('      Environment:', '        Variables:', `          DB_HOST: !GetAtt Proxy${p >= PROXIES ? 0 : p}.Endpoint`, `          QUEUE_URL: !Ref Queue${f % QUEUES}`);
    out.push('      Events:', '        Jobs:', '          Type: SQS', `          Properties: { Queue: !GetAtt Queue${(f + 1) % QUEUES}.Arn, BatchSize: 10 }`);
  }
  return `${out.join('\n')}\n`;
}

/** Parse, model and rules time (medians of 7) on the generated network template; ratio = total / parse (target <= 2). */
export async function benchNetwork(): Promise<Record<string, unknown>> {
  const text = networkTemplate();
  const options = { accountConcurrencyLimit: 100_000, today: new Date(), ruleLevels: {}, reportSyntax: false };
  return {
    template: `${FUNCTIONS} functions, ${SUBNETS} subnets, ${GROUPS} security groups, ${PROXIES} proxies, ${QUEUES} queues, ${ROLES} roles`,
    bytes: text.length,
    ...measurePipeline(text, 7, options),
  };
}
