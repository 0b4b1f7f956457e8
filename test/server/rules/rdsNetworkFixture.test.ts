/**
 * The network fixture (test/fixtures/network/good.yaml: VPC, Aurora PostgreSQL behind an RDS Proxy
 * with IAM authentication and TLS, functions in and out of the VPC) raises nothing; each realistic
 * mistake below, made by editing that text, raises exactly its rds-proxy/ or rds/ rule at the asserted
 * place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import { validate } from '../../../server/src/rules/engine';
import { iamAuth } from '../../../server/src/rules/rds-proxy/iamAuth';
import { RULES } from '../../../server/src/rules/index';
import type { Diagnostic } from '../../../server/src/rules/types';
import { lineCol, testOptions } from '../../support/ruleTester';
import { applyFix } from '../../support/fixTester';
import { pos } from '../../support/rdsNetwork';

const GOOD = readFileSync(join(__dirname, '..', '..', 'fixtures', 'network', 'good.yaml'), 'utf8');

/** Replaces each `from` (which must occur exactly once) with `to`. */
function edit(text: string, ...changes: ReadonlyArray<readonly [string, string]>): string {
  let out = text;
  for (const [from, to] of changes) {
    const first = out.indexOf(from);
    assert.ok(first >= 0 && out.indexOf(from, first + 1) < 0, `exactly one occurrence of ${JSON.stringify(from)}`);
    out = out.replace(from, () => to);
  }
  return out;
}

function diagnostics(text: string): Diagnostic[] {
  return validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
}

const show = (text: string, ds: readonly Diagnostic[]) => ds.map((d) => `${d.rule} ${d.severity} @${lineCol(text, d.range.start).join(':')}`);

interface Variant {
  readonly name: string;
  readonly text: string;
  readonly rule: string;
  readonly severity: Diagnostic['severity'];
  readonly at: { line: number; column: number };
  /** Other rules that rightly report the same mistake from their angle. */
  readonly alsoRaised?: readonly string[];
  /** Broader rules whose finding of the same cause the diagnostic stands for (one finding per cause). */
  readonly folded?: readonly string[];
}

const ANALYTICS_VPC = `  AnalyticsVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.50.0.0/16

  AnalyticsSubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref AnalyticsVpc
      CidrBlock: 10.50.10.0/24
      AvailabilityZone: !Select [0, !GetAZs '']

  AnalyticsSubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref AnalyticsVpc
      CidrBlock: 10.50.11.0/24
      AvailabilityZone: !Select [1, !GetAZs '']

  # ---------------------------------------------------------------- database
`;

const INVOKE_ROLE = (action: string) => `  DatabaseInvokeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: rds.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: notify-order-worker
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: ${action}
                Resource: !GetAtt OrderWorker.Arn

  DatabaseSecretAttachment:`;

const variants: Variant[] = [];

{
  const text = edit(GOOD, ['      VpcConfig:\n        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref ApiFunctionSecurityGroup]\n', '']);
  variants.push({
    name: 'the API function taken out of the VPC while it still uses the proxy',
    text, rule: 'rds-proxy/function-not-in-vpc', severity: 'error', at: pos(text, '!GetAtt DatabaseProxy.Endpoint'),
    folded: ['vpc/private-resource-unreachable'],
  });
}
{
  const text = edit(GOOD,
    ['  # ---------------------------------------------------------------- database\n', ANALYTICS_VPC],
    ['      VpcSubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]', '      VpcSubnetIds: [!Ref AnalyticsSubnetA, !Ref AnalyticsSubnetB]'],
  );
  variants.push({
    name: 'the proxy placed in another VPC than the API function',
    text, rule: 'rds-proxy/vpc-mismatch', severity: 'error', at: pos(text, '!Ref PrivateSubnetA', '  ApiFunction:'),
  });
}
{
  const text = edit(GOOD, ['          FromPort: 5432\n          ToPort: 5432', '          FromPort: 3306\n          ToPort: 3306']);
  variants.push({
    name: "the proxy's security group opened on the MySQL port in front of PostgreSQL",
    text, rule: 'rds-proxy/security-group-ingress', severity: 'warning', at: pos(text, '!Ref ApiFunctionSecurityGroup]', '  ApiFunction:'),
  });
}
{
  const text = edit(GOOD, [
    `              - Effect: Allow
                Action: kms:Decrypt
                Resource: !GetAtt SecretKey.Arn
                Condition:
                  StringEquals:
                    kms:ViaService: !Sub secretsmanager.\${AWS::Region}.amazonaws.com
`, '']);
  variants.push({
    name: 'the proxy role without kms:Decrypt for the customer key of the database secret',
    text, rule: 'rds-proxy/auth-secret', severity: 'error', at: pos(text, '!Ref DatabaseSecret', 'SecretArn:'),
  });
}
{
  const text = edit(GOOD, ['          IAMAuth: REQUIRED', '          IAMAuth: DISABLED']);
  variants.push({
    name: 'IAM authentication turned off on the proxy',
    text, rule: 'rds-proxy/iam-auth', severity: 'warning', at: pos(text, 'DISABLED'),
  });
}
{
  const text = edit(GOOD,
    ["      Engine: aurora-postgresql\n      EngineVersion: '16.4'", "      Engine: aurora-mysql\n      EngineVersion: '8.0.mysql_aurora.3.08.0'"],
    ['      Engine: aurora-postgresql\n      DBClusterIdentifier', '      Engine: aurora-mysql\n      DBClusterIdentifier'],
  );
  variants.push({
    name: 'the cluster moved to Aurora MySQL behind a POSTGRESQL proxy',
    text, rule: 'rds-proxy/engine-family', severity: 'error', at: pos(text, 'POSTGRESQL', 'EngineFamily:'),
  });
}
{
  const start = GOOD.indexOf('  DatabaseProxyTargetGroup:');
  const end = GOOD.indexOf('  # ----', start);
  const text = edit(GOOD, [GOOD.slice(start, end), '']);
  variants.push({
    name: 'the proxy without its target group',
    text, rule: 'rds-proxy/no-target', severity: 'warning', at: pos(text, 'DatabaseProxy:'),
  });
}
{
  const text = edit(GOOD, ["          DB_PORT: '5432'", "          DB_PORT: '5432'\n          DB_READER_HOST: !GetAtt DatabaseCluster.ReadEndpoint.Address"]);
  variants.push({
    name: 'reads sent straight to the cluster reader endpoint',
    text, rule: 'rds/direct-connection', severity: 'information', at: pos(text, '!GetAtt DatabaseCluster.ReadEndpoint.Address'),
  });
}
{
  const text = edit(GOOD,
    ['  DatabaseSecretAttachment:', `  ReportingDatabase:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: '50'
      DBSubnetGroupName: !Ref DatabaseSubnetGroup
      ManageMasterUserPassword: true
      MasterUsername: reporting
      AssociatedRoles:
        - FeatureName: Lambda
          RoleArn: !GetAtt DatabaseInvokeRole.Arn

${INVOKE_ROLE('lambda:InvokeFunction')}`],
  );
  variants.push({
    name: 'a MySQL reporting database given a role to call Lambda',
    text, rule: 'rds/lambda-invoke-engine', severity: 'error', at: pos(text, 'Lambda', 'FeatureName:'),
  });
}
{
  const text = edit(GOOD,
    ['      EnableIAMDatabaseAuthentication: true', '      EnableIAMDatabaseAuthentication: true\n      AssociatedRoles:\n        - FeatureName: Lambda\n          RoleArn: !GetAtt DatabaseInvokeRole.Arn'],
    ['  DatabaseSecretAttachment:', INVOKE_ROLE('sqs:SendMessage')],
  );
  variants.push({
    name: 'the cluster calling Lambda with a role that may only send SQS messages',
    text, rule: 'rds/lambda-invoke-permission', severity: 'error', at: pos(text, '!GetAtt DatabaseInvokeRole.Arn'),
  });
}
{
  const text = edit(GOOD, ['  # ---------------------------------------------------------------- HTTP API in the VPC', `  DatabaseAlerts:
    Type: AWS::SNS::Topic

  DatabaseEvents:
    Type: AWS::RDS::EventSubscription
    Properties:
      SourceType: db-cluster
      SourceIds: [!Ref DatabaseCluster]
      EventCategories: [failover, failure, low storage]
      SnsTopicArn: !Ref DatabaseAlerts

  # ---------------------------------------------------------------- HTTP API in the VPC`]);
  variants.push({
    name: 'a cluster event subscription to an instance-only category',
    text, rule: 'rds/event-subscription', severity: 'error', at: pos(text, 'low storage'),
  });
}

describe('network fixture and its broken variants (rds-proxy/, rds/)', () => {
  it('raises nothing on the good template', () => {
    assert.deepEqual(show(GOOD, diagnostics(GOOD)), []);
  });

  for (const v of variants) {
    it(`${v.rule}: ${v.name}`, () => {
      const found = diagnostics(v.text);
      const own = found.filter((d) => d.rule === v.rule);
      assert.deepEqual(show(v.text, own), [`${v.rule} ${v.severity} @${v.at.line}:${v.at.column}`]);
      const others = found.filter((d) => d.rule !== v.rule).map((d) => d.rule);
      // An overlapping rule is expected only once it is registered on this line of work.
      const expected = (v.alsoRaised ?? []).filter((id) => RULES.some((r) => r.meta.id === id));
      assert.deepEqual([...new Set(others)].sort(), expected.sort(), 'no other rule fires');
      assert.deepEqual(own[0]!.alsoFrom ?? [], v.folded ?? []);
    });
  }

  it('covers every rds-proxy/ and rds/ rule', () => {
    const covered = new Set(variants.map((v) => v.rule));
    assert.equal(covered.size, 11);
  });

  it('fixes the IAMAuth variant back to a clean template', () => {
    const text = variants.find((v) => v.rule === 'rds-proxy/iam-auth')!.text;
    const fixed = applyFix(iamAuth, text);
    assert.equal(fixed, GOOD);
  });
});

describe('examples/network-broken (rds-proxy/, rds/)', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'network-broken', 'template.yaml'), 'utf8');
  const lines = text.split('\n');
  const found = diagnostics(text);

  for (const id of [...new Set(variants.map((v) => v.rule))]) {
    it(`raises ${id} once, right below the comment that explains it`, () => {
      const mine = found.filter((d) => d.rule === id);
      assert.equal(mine.length, 1, show(text, mine).join('\n'));
      const [line] = lineCol(text, mine[0]!.range.start);
      const comments: string[] = [];
      for (let i = line - 2; i >= 0 && /^\s*#/.test(lines[i]!); i--) comments.push(lines[i]!);
      assert.ok(comments.some((c) => c.includes(`# ${id}:`)), `line ${line}: ${lines[line - 1]}`);
    });
  }
});
