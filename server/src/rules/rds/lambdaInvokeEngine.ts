import { associatedRoles, engineCanInvokeLambda, enginesOf } from '../../template/rds';
import { relatedFor } from '../helpers';
import type { Rule } from '../types';
import { RDS_LAMBDA_POSTGRES_URL } from '../rds-proxy/urls';

/** rds/lambda-invoke-engine: only PostgreSQL and Aurora databases can call Lambda. */
export const lambdaInvokeEngine: Rule = {
  meta: {
    id: 'rds/lambda-invoke-engine',
    severity: 'error',
    description: 'A database given a role to invoke Lambda must run an engine that can: postgres, aurora-postgresql or aurora-mysql.',
    docs: {
      bad: 'Db:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: mysql\n    AssociatedRoles:\n      - FeatureName: Lambda\n        RoleArn: !GetAtt DbInvokeRole.Arn',
      good: 'Db:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    AssociatedRoles:\n      - FeatureName: Lambda\n        RoleArn: !GetAtt DbInvokeRole.Arn',
      url: RDS_LAMBDA_POSTGRES_URL,
    },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    for (const role of associatedRoles(t)) {
      const lambda = role.features.filter((f) => f.value.toLowerCase() === 'lambda');
      if (lambda.length === 0) continue;
      for (const engine of enginesOf(t, role.db)) {
        if (engineCanInvokeLambda(engine.value)) continue;
        for (const feature of lambda) {
          ctx.report({
            range: feature.at,
            message: `${role.db.id} runs ${engine.value}, which cannot invoke Lambda functions; only postgres, aurora-postgresql and aurora-mysql can. Remove the Lambda role association or move the database to one of those engines.`,
            related: [...relatedFor(undefined, feature), { range: engine.at, message: `${role.db.id} runs ${engine.value}.` }],
          });
        }
      }
    }
  },
};
