import { functionNotInVpc } from '../../../../server/src/rules/rds-proxy/functionNotInVpc';
import { ruleTester, yaml } from '../../../support/ruleTester';


ruleTester(functionNotInVpc, {
  valid: [
    {
      name: 'a function in a VPC using the proxy endpoint',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              VpcSubnetIds: [subnet-0a, subnet-0b]
          Api:
            Type: AWS::Serverless::Function
            Properties:
              VpcConfig: { SubnetIds: [subnet-0a], SecurityGroupIds: [sg-0a] }
              Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
      `,
    },
    {
      name: 'a VpcConfig inherited from Globals',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            VpcConfig: { SubnetIds: [subnet-0a], SecurityGroupIds: [sg-0a] }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              VpcSubnetIds: [subnet-0a, subnet-0b]
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
      `,
    },
    {
      name: 'a function outside a VPC naming a proxy of another stack (not template-defined)',
      template: yaml`
        Resources:
          Api:
            Type: AWS::Lambda::Function
            Properties:
              Environment: { Variables: { DB_HOST: !ImportValue shared-proxy-endpoint } }
      `,
    },
    {
      name: 'a management function naming the proxy only by ARN (no connection)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          Rotate:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement: [{ Effect: Allow, Action: rds:ModifyDBProxy, Resource: !GetAtt Proxy.DBProxyArn }]
              Environment: { Variables: { PROXY_NAME: !Ref Proxy } }
      `,
    },
  ],
  invalid: [
    {
      name: 'the endpoint reference, not an earlier ARN in the policies',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement: [{ Effect: Allow, Action: rds:DescribeDBProxies, Resource: !GetAtt Proxy.DBProxyArn }]
              Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
      `,
      errors: [{ line: 11, column: 44 }],
    },
    {
      name: 'a GetAtt of the proxy endpoint, with the proxy subnets related',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              VpcSubnetIds: [subnet-0a, subnet-0b]
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  DB_HOST: !GetAtt Proxy.Endpoint
      `,
      errors: [{ line: 13, column: 20, related: [[7, 21]] }],
    },
    {
      name: 'a Sub string through a proxy endpoint, with the endpoint and its proxy related',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              VpcSubnetIds: [subnet-0a, subnet-0b]
          ReadOnly:
            Type: AWS::RDS::DBProxyEndpoint
            Properties:
              DBProxyName: !Ref Proxy
              TargetRole: READ_ONLY
              VpcSubnetIds: [subnet-0c, subnet-0d]
          Report:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  DB_URL: !Sub postgres://\${ReadOnly.Endpoint}:5432/app
      `,
      errors: [{ line: 18, column: 19, related: [[12, 21], [6, 21]] }],
    },
    {
      name: 'a reference in Globals, once at Globals with the inheriting function related',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              VpcSubnetIds: [subnet-0a, subnet-0b]
          Api:
            Type: AWS::Serverless::Function
          Worker:
            Type: AWS::Serverless::Function
      `,
      errors: [{ line: 4, column: 42, related: [[10, 21], [11, 3], [13, 3]] }],
    },
  ],
});
