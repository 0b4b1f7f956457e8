import { get } from '../../template/ast';
import { roleAllows, roleIdOf } from '../../template/iam';
import type { Template } from '../../template/model';
import { associatedRoles, engineCanInvokeLambda, enginesOf } from '../../template/rds';
import type { AssociatedRole } from '../../template/rds';
import type { Range } from '../../template/ast';
import { relatedFor } from '../helpers';
import type { Related, Rule } from '../types';
import { RDS_LAMBDA_POSTGRES_URL } from '../rds-proxy/urls';
import { changed } from '../docs';
import { DB_CALLS_LAMBDA } from './examples';

/** rds/lambda-invoke-engine: only PostgreSQL and Aurora databases can call Lambda. */
export const lambdaInvokeEngine: Rule = {
  meta: {
    id: 'rds/lambda-invoke-engine',
    severity: 'error',
    description: 'A database given a role to invoke Lambda must run an engine that can: postgres, aurora-postgresql or aurora-mysql.',
    docs: {
      bad: changed(DB_CALLS_LAMBDA, ['      Engine: postgres\n', '      Engine: mysql\n']),
      good: DB_CALLS_LAMBDA,
      url: RDS_LAMBDA_POSTGRES_URL,
    },
    fixable: false,
    reads: { each: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    for (const role of associatedRoles(t)) {
      const evidence = lambdaEvidence(t, role);
      if (evidence.length === 0) continue;
      for (const engine of enginesOf(t, role.db)) {
        if (engineCanInvokeLambda(engine.value)) continue;
        for (const e of evidence) {
          ctx.report({
            range: e.at,
            message: `${role.db.id} runs ${engine.value}, which cannot invoke Lambda functions; only postgres, aurora-postgresql and aurora-mysql can. ${e.why} Remove the association or move the database to one of those engines.`,
            related: [...e.related, { range: engine.at, message: `${role.db.id} runs ${engine.value}.` }],
          });
        }
      }
    }
  },
};

interface Evidence {
  readonly at: Range;
  readonly why: string;
  readonly related: Related[];
}

/** Why an associated role is meant for Lambda: FeatureName Lambda, or (without a FeatureName) a role allowed to invoke functions. */
function lambdaEvidence(t: Template, role: AssociatedRole): Evidence[] {
  const named = role.features.filter((f) => f.value.toLowerCase() === 'lambda');
  if (named.length > 0) return named.map((f) => ({ at: f.at, why: 'The role is associated for the Lambda feature.', related: relatedFor(undefined, f) }));
  const roleId = roleIdOf(t, role.roleArn);
  if (get(role.entry, 'FeatureName') || !roleId || !role.roleArn) return [];
  if (roleAllows(t, roleId, 'lambda:InvokeFunction') !== 'allowed') return [];
  return [{ at: role.roleArn.range, why: `Role ${roleId} is allowed lambda:InvokeFunction.`, related: [{ range: t.resources.get(roleId)!.idRange, message: `Role ${roleId}.` }] }];
}
