import { noTarget } from '../../../../server/src/rules/rds-proxy/noTarget';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(noTarget, {
  valid: [
    {
      name: 'a proxy with a target group naming it by Ref',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties: { DBProxyName: !Ref Proxy, TargetGroupName: default }
      `,
    },
    {
      name: 'a proxy with a target group naming it by its literal DBProxyName',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { DBProxyName: orders, EngineFamily: MYSQL }
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties: { DBProxyName: orders, TargetGroupName: default }
      `,
    },
    {
      name: 'a target group whose proxy name comes from a parameter without Default (unknown)',
      template: yaml`
        Parameters:
          ProxyName: { Type: String }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { DBProxyName: !Ref ProxyName, EngineFamily: MYSQL }
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties: { DBProxyName: !Ref ProxyName, TargetGroupName: default }
      `,
    },
  ],
  invalid: [
    {
      name: 'a proxy without any target group, at its logical id',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
      `,
      errors: [{ line: 2, column: 3, severity: 'warning' }],
    },
    {
      name: 'the proxy left without targets when the only target group belongs to another proxy',
      template: yaml`
        Resources:
          Reader:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          Writer:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          WriterTargets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties: { DBProxyName: !Ref Writer, TargetGroupName: default }
      `,
      errors: [{ line: 2, column: 3 }],
    },
  ],
});
