import { get } from '../../template/ast';
import { authEntries, DB_PROXY, endToEndIam } from '../../template/rds';
import type { Rule } from '../types';
import { RDS_PROXY_SETUP_URL } from './urls';

/** rds-proxy/auth-secret: every Auth entry names a secret the proxy's role may read. */
export const authSecret: Rule = {
  meta: {
    id: 'rds-proxy/auth-secret',
    severity: 'error',
    description: 'Each RDS Proxy Auth entry needs a SecretArn, and the proxy role must be allowed secretsmanager:GetSecretValue (and kms:Decrypt for a customer key) on it.',
    docs: {
      bad: 'Proxy:\n  Type: AWS::RDS::DBProxy\n  Properties:\n    RoleArn: !GetAtt ProxyRole.Arn\n    Auth:\n      - AuthScheme: SECRETS\n        IAMAuth: REQUIRED',
      good: 'Proxy:\n  Type: AWS::RDS::DBProxy\n  Properties:\n    RoleArn: !GetAtt ProxyRole.Arn\n    Auth:\n      - AuthScheme: SECRETS\n        SecretArn: !Ref DbSecret\n        IAMAuth: REQUIRED',
      url: RDS_PROXY_SETUP_URL,
    },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    for (const proxy of t.ofType(DB_PROXY)) {
      // With end-to-end IAM authentication the proxy logs in to the database with IAM, not a secret.
      if (endToEndIam(t, proxy)) continue;
      for (const auth of authEntries(proxy)) {
        if (get(auth.entry, 'SecretArn')) continue;
        ctx.report({
          range: auth.entry.range,
          message: `This Auth entry of proxy ${proxy.id} has no SecretArn: the proxy has no credentials to log in to the database with. Add SecretArn: !Ref <the database secret> (or use DefaultAuthScheme: IAM_AUTH for end-to-end IAM authentication).`,
        });
      }
    }
  },
};
