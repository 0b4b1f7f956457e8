/**
 * The network fixture: a realistic VPC application that no rule may flag, and broken twins derived
 * from it by one small substitution each, raising exactly the rule they break at the asserted place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import { validate } from '../../../server/src/rules/engine';
import type { Diagnostic } from '../../../server/src/rules/types';
import { lineCol, testOptions } from '../../support/ruleTester';

const ROOT = join(__dirname, '..', '..', '..');
const GOOD = readFileSync(join(ROOT, 'test/fixtures/network/good.yaml'), 'utf8');

function check(text: string): Diagnostic[] {
  return validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
}

function describeAll(text: string, ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.rule} @${lineCol(text, d.range.start).join(':')} ${d.message}`);
}

/** Replaces exactly one occurrence of `from`, so a variant cannot silently stop applying. */
function substitute(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1 && text.indexOf(from, at + 1) === -1, `exactly one occurrence of ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line and column of `needle` (plus `offset`) in the text; the needle must be unique. */
function at(text: string, needle: string, offset = 0): string {
  const i = text.indexOf(needle);
  assert.ok(i !== -1 && text.indexOf(needle, i + 1) === -1, `exactly one ${JSON.stringify(needle)}`);
  return lineCol(text, i + offset).join(':');
}

interface Variant {
  readonly rule: string;
  readonly name: string;
  readonly edits: ReadonlyArray<readonly [string, string]>;
  /** A unique piece of the broken text where the diagnostic starts, and the offset into it. */
  readonly where: readonly [string, number];
}

const API_VPC = '        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref ApiFunctionSecurityGroup]\n';
const OTHER_VPC = `  PartnerVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.50.0.0/16

  PartnerSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Partner integration
      VpcId: !Ref PartnerVpc

  # ---------------------------------------------------------------- database
`;

const VPC_VARIANTS: readonly Variant[] = [
  {
    rule: 'vpc/incomplete-config',
    name: 'the API function without SecurityGroupIds',
    edits: [[API_VPC, '        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n']],
    where: ['VpcConfig:\n        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n      Environment', 0],
  },
  {
    rule: 'vpc/single-subnet',
    name: 'the API function in one private subnet',
    edits: [[API_VPC, '        SubnetIds: [!Ref PrivateSubnetA]\n        SecurityGroupIds: [!Ref ApiFunctionSecurityGroup]\n']],
    where: ['[!Ref PrivateSubnetA]\n', 0],
  },
  {
    rule: 'vpc/single-subnet',
    name: 'both private subnets in the same Availability Zone',
    edits: [["CidrBlock: 10.40.11.0/24\n      AvailabilityZone: !Select [1, !GetAZs '']", "CidrBlock: 10.40.11.0/24\n      AvailabilityZone: !Select [0, !GetAZs '']"]],
    where: ['[!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref ApiFunctionSecurityGroup]', 0],
  },
  {
    rule: 'vpc/mixed-vpcs',
    name: 'the API function given a security group of another VPC',
    edits: [
      ['  # ---------------------------------------------------------------- database\n', OTHER_VPC],
      [API_VPC, '        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref PartnerSecurityGroup]\n'],
    ],
    where: ['!Ref PartnerSecurityGroup]', 0],
  },
  {
    rule: 'vpc/eni-permissions',
    name: 'the API role without AWSLambdaVPCAccessExecutionRole',
    edits: [['        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole\n', '']],
    where: ['Role: !GetAtt ApiFunctionRole.Arn', 6],
  },
  {
    rule: 'vpc/private-resource-unreachable',
    name: 'the nightly report reading the cluster endpoint from outside the VPC',
    edits: [['          EVENTS_TABLE: !Ref OrderEventsTable\n      Policies:\n        - DynamoDBReadPolicy:', '          EVENTS_TABLE: !Ref OrderEventsTable\n          REPORTING_DB_HOST: !GetAtt DatabaseCluster.ReadEndpoint.Address\n      Policies:\n        - DynamoDBReadPolicy:']],
    where: ['!GetAtt DatabaseCluster.ReadEndpoint.Address', 0],
  },
  {
    rule: 'vpc/no-internet-egress',
    name: 'private subnets routed to the internet gateway instead of the NAT gateway',
    edits: [['      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref NatGateway', '      DestinationCidrBlock: 0.0.0.0/0\n      GatewayId: !Ref InternetGateway']],
    where: ['ORDERS_QUEUE_URL: !Ref OrdersQueue', 18],
  },
];

describe('network fixture', () => {
  it('raises nothing from any rule on the good template', () => {
    assert.deepEqual(describeAll(GOOD, check(GOOD)), []);
  });

  it('ships the good template as examples/network, unchanged', () => {
    assert.equal(readFileSync(join(ROOT, 'examples/network/template.yaml'), 'utf8'), GOOD);
  });

  for (const v of VPC_VARIANTS) {
    it(`${v.rule}: ${v.name}`, () => {
      const text = v.edits.reduce((acc, [from, to]) => substitute(acc, from, to), GOOD);
      const found = check(text);
      assert.deepEqual(describeAll(text, found).map((s) => s.split(' ').slice(0, 2).join(' ')), [`${v.rule} @${at(text, v.where[0], v.where[1])}`], describeAll(text, found).join('\n'));
    });
  }

  it('flags every vpc/ rule in examples/network-broken', () => {
    const text = readFileSync(join(ROOT, 'examples/network-broken/template.yaml'), 'utf8');
    const rules = new Set(check(text).map((d) => d.rule));
    for (const id of ['vpc/incomplete-config', 'vpc/single-subnet', 'vpc/mixed-vpcs', 'vpc/eni-permissions', 'vpc/private-resource-unreachable', 'vpc/no-internet-egress']) {
      assert.ok(rules.has(id), id);
    }
  });
});
