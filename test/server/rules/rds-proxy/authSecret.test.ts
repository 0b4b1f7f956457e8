import { authSecret } from '../../../../server/src/rules/rds-proxy/authSecret';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(authSecret, {
  valid: [
    {
      name: 'an Auth entry with a SecretArn',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              Auth: [{ AuthScheme: SECRETS, SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db, IAMAuth: REQUIRED }]
      `,
    },
    {
      name: 'end-to-end IAM authentication without secrets',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              DefaultAuthScheme: IAM_AUTH
              Auth: [{ IAMAuth: REQUIRED }]
      `,
    },
  ],
  invalid: [
    {
      name: 'an Auth entry without SecretArn, at the entry',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: MYSQL
              Auth:
                - AuthScheme: SECRETS
                  IAMAuth: REQUIRED
      `,
      errors: [{ line: 7, column: 11 }],
    },
  ],
});
