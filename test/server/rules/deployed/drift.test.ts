/** deployed/drift over deployed stacks built in memory: each compared property, positions, silence. */
import assert from 'node:assert/strict';
import type { DeployedConfig } from '../../../../server/src/deployed/types';
import { drift } from '../../../../server/src/rules/deployed/drift';
import { stackState } from '../../../support/deployedStack';
import { ruleTester, runRule, yaml } from '../../../support/ruleTester';

const TEMPLATE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    Stage: { Type: String, Default: dev }
    Secret: { Type: String, NoEcho: true }
  Conditions:
    IsProd: !Equals [!Ref Stage, prod]
  Globals:
    Function:
      Runtime: nodejs22.x
      Timeout: 10
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        MemorySize: !If [IsProd, 1024, 512]
        Architectures: [arm64]
        EphemeralStorage: { Size: 1024 }
        Layers: [!Ref Shared]
        VpcConfig:
          SubnetIds: [subnet-a, subnet-b]
          SecurityGroupIds: [!GetAtt Sg.GroupId]
        Environment:
          Variables:
            TABLE: !Sub '\${AWS::StackName}-\${Table}'
            TOKEN: !Ref Secret
            ARN: !GetAtt Table.Arn
    Table: { Type: AWS::DynamoDB::Table }
    Shared: { Type: AWS::Lambda::LayerVersion }
    Sg: { Type: AWS::EC2::SecurityGroup }
`;

const deployedApi = {
  name: 'app-Api-1', memorySize: 1024, timeout: 10, architectures: ['arm64'], ephemeralStorage: 1024, layers: ['arn:aws:lambda:us-east-1:123456789012:layer:shared:7'],
  subnetIds: ['subnet-b', 'subnet-a'], securityGroupIds: ['sg-1'], environment: { TABLE: 'app-app-Table-9', TOKEN: 's3cret', ARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/x' },
};
const resources = {
  Api: { physicalId: 'app-Api-1', type: 'AWS::Lambda::Function' },
  Table: { physicalId: 'app-Table-9', type: 'AWS::DynamoDB::Table' },
  Shared: { physicalId: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:7', type: 'AWS::Lambda::LayerVersion' },
};
const prod = (api: Partial<DeployedConfig> = {}) => ({ deployed: { stack: stackState({ Api: { ...deployedApi, ...api } }, { parameters: { Stage: 'prod' }, resources }) } });

ruleTester(drift, {
  valid: [
    { name: 'a template whose stack is not known', template: TEMPLATE },
    { name: 'a function that matches what is deployed, through parameters, conditions, pseudo parameters and physical ids', template: TEMPLATE, options: prod() },
    { name: 'values the template cannot know (a NoEcho parameter, a GetAtt)', template: TEMPLATE, options: prod({ securityGroupIds: ['sg-other'], environment: { ...deployedApi.environment, TOKEN: 'x', ARN: 'y' } }) },
    { name: 'a function the stack does not have', template: TEMPLATE, options: { deployed: { stack: stackState({}) } } },
  ],
  invalid: [
    {
      name: 'MemorySize raised by hand, at the value that chose it',
      template: TEMPLATE,
      options: prod({ memorySize: 2048 }),
      errors: [{ line: 16, column: 19, messageIncludes: 'MemorySize: template 1024, deployed 2048 (app-Api-1, stack app).' }],
    },
    { name: 'Timeout from Globals, at the function', template: TEMPLATE, options: prod({ timeout: 30 }), errors: [{ line: 12, column: 3, messageIncludes: 'Timeout: template 10, deployed 30' }] },
    { name: 'a subnet swapped', template: TEMPLATE, options: prod({ subnetIds: ['subnet-a', 'subnet-c'] }), errors: [{ line: 21, column: 20, messageIncludes: 'VpcConfig.SubnetIds' }] },
    { name: 'a layer version bumped', template: TEMPLATE, options: prod({ layers: ['arn:aws:lambda:us-east-1:123456789012:layer:shared:8'] }), errors: [{ line: 19, column: 15 }] },
    {
      name: 'an added variable and a removed one',
      template: TEMPLATE,
      options: prod({ environment: { TOKEN: 'x', ARN: 'y', DEBUG: '1' } }),
      errors: [{ line: 24, column: 9, messageIncludes: 'DEBUG: template not set, deployed "1"' }, { line: 25, column: 18, messageIncludes: 'template "app-app-Table-9", deployed not set' }],
    },
    { name: 'reserved concurrency set by hand', template: TEMPLATE, options: prod({ reservedConcurrency: 3 }), errors: [{ line: 12, column: 3, messageIncludes: 'ReservedConcurrentExecutions: template not set, deployed 3' }] },
    { name: 'a deleted function', template: TEMPLATE, options: { deployed: { stack: stackState({ Api: { name: 'app-Api-1', deleted: true } }, { parameters: { Stage: 'prod' } }) } }, errors: [{ line: 12, column: 3, messageIncludes: 'deleted outside CloudFormation' }] },
  ],
});

describe('deployed/drift secrets and LastModified', () => {
  it('compares a credential-looking variable but never shows its values', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Handler: index.handler
            Runtime: nodejs22.x
            Environment: { Variables: { DB_PASSWORD: hunter2 } }
    `;
    const [d] = runRule(drift, text, { deployed: { stack: stackState({ Fn: { name: 'fn', environment: { DB_PASSWORD: 'letmein' } } }) } });
    assert.equal(d?.message, 'Environment.Variables.DB_PASSWORD: template ••••, deployed •••• (fn, stack app).');
  });

  it('says changed outside CloudFormation only when LastModified is after the deploy and nothing else differs', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: { Handler: index.handler, Runtime: nodejs22.x }
    `;
    const at = (lastModified: string, memorySize = 128) => runRule(drift, text, { deployed: { stack: stackState({ Fn: { name: 'fn', lastModified, memorySize } }) } }).map((d) => d.message);
    assert.deepEqual(at('2024-01-03T00:00:00.000+0000'), ["changed outside CloudFormation at 2024-01-03T00:00:00.000+0000, after the stack's last deploy (code, description or another property the template does not show) (fn, stack app)."]);
    assert.deepEqual(at('2024-01-01T23:59:00.000+0000'), []);
    assert.deepEqual(at('2024-01-03T00:00:00.000+0000', 256), ['MemorySize: template not set, deployed 256 (fn, stack app).']);
  });
});
