import { vpcMismatch } from '../../../../server/src/rules/rds-proxy/vpcMismatch';
import { ruleTester } from '../../../support/ruleTester';
import { at, NETWORK, pos } from '../../../support/rdsNetwork';

const proxyIn = (subnets: string) => `  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
      VpcSubnetIds: [${subnets}]
`;

const fn = (subnets: string) => `  Api:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig:
        SubnetIds: [${subnets}]
        SecurityGroupIds: [!Ref AppSg]
      Environment:
        Variables:
          DB_HOST: !GetAtt Proxy.Endpoint
`;

const MISMATCH = NETWORK + proxyIn('!Ref DataSubnetA') + fn('!Ref AppSubnetA, !Ref AppSubnetB');

const ENDPOINT = NETWORK + proxyIn('!Ref DataSubnetA') + `  AppEndpoint:
    Type: AWS::RDS::DBProxyEndpoint
    Properties:
      DBProxyName: !Ref Proxy
      VpcSubnetIds: [!Ref AppSubnetA, !Ref AppSubnetB]
  Api:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig:
        SubnetIds: [!Ref DataSubnetA]
        SecurityGroupIds: [!Ref AppSg]
      Environment:
        Variables:
          DB_HOST: !GetAtt AppEndpoint.Endpoint
`;

ruleTester(vpcMismatch, {
  valid: [
    { name: 'a function in the proxy VPC', template: NETWORK + proxyIn('!Ref AppSubnetA, !Ref AppSubnetB') + fn('!Ref AppSubnetB') },
    {
      name: 'a function using a proxy endpoint placed in its own VPC',
      template: ENDPOINT.replace('\n        SubnetIds: [!Ref DataSubnetA]', '\n        SubnetIds: [!Ref AppSubnetA]'),
    },
    { name: 'literal subnet ids (VPC unknown)', template: NETWORK + proxyIn('subnet-0a, subnet-0b') + fn('!Ref AppSubnetA') },
    { name: 'a function subnet from an import (VPC unknown)', template: NETWORK + proxyIn('!Ref DataSubnetA') + fn('!ImportValue app-subnet') },
  ],
  invalid: [
    {
      name: 'function subnets in another VPC, at the first subnet with the proxy subnet and VPC related',
      template: MISMATCH,
      errors: [{
        ...pos(MISMATCH, '!Ref AppSubnetA, !Ref AppSubnetB'),
        related: [at(MISMATCH, '!Ref DataSubnetA]'), at(MISMATCH, '!Ref AppVpc'), at(MISMATCH, '!GetAtt Proxy.Endpoint')],
      }],
    },
    {
      name: 'a function outside the VPC of the proxy endpoint it uses',
      template: ENDPOINT,
      errors: [{ ...pos(ENDPOINT, '!Ref DataSubnetA]', 'Api:'), related: [at(ENDPOINT, '!Ref AppSubnetA'), at(ENDPOINT, '!Ref DataVpc'), at(ENDPOINT, '!GetAtt AppEndpoint')] }],
    },
  ],
});
