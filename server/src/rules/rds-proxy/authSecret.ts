import { get } from '../../template/ast';
import { roleAllows, roleIdOf } from '../../template/iam';
import type { Resource, Template } from '../../template/model';
import { templateIdOf } from '../../template/network';
import { authEntries, DB_PROXY, endToEndIam } from '../../template/rds';
import type { ProxyAuth } from '../../template/rds';
import type { Related, RuleContext, Rule } from '../types';
import { RDS_PROXY_SETUP_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

const SECRET = 'AWS::SecretsManager::Secret';
const KMS_KEY = 'AWS::KMS::Key';

/** rds-proxy/auth-secret: every Auth entry names a secret the proxy's role may read. */
export const authSecret: Rule = {
  meta: {
    id: 'rds-proxy/auth-secret',
    severity: 'error',
    description: 'Each RDS Proxy Auth entry needs a SecretArn, and the proxy role must be allowed secretsmanager:GetSecretValue (and kms:Decrypt for a customer key) on it.',
    docs: {
      bad: changed(PROXY_APP, ['          SecretArn: !Ref DbSecret\n', '']),
      good: PROXY_APP,
      url: RDS_PROXY_SETUP_URL,
    },
    fixable: false,
    reads: { each: ['AWS::RDS::DBProxy'], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    for (const proxy of t.ofType(DB_PROXY)) {
      // With end-to-end IAM authentication the proxy logs in to the database with IAM, not a secret.
      if (endToEndIam(t, proxy)) continue;
      for (const auth of authEntries(proxy)) {
        if (get(auth.entry, 'SecretArn')) checkRole(ctx, proxy, auth);
        else {
          ctx.report({
            range: auth.entry.range,
            message: `This Auth entry of proxy ${proxy.id} has no SecretArn: the proxy has no credentials to log in to the database with. Add SecretArn: !Ref <the database secret> (or use DefaultAuthScheme: IAM_AUTH for end-to-end IAM authentication).`,
          });
        }
      }
    }
  },
};

/** The proxy role must read the secret (and decrypt it when the secret has a customer-managed key). */
function checkRole(ctx: RuleContext, proxy: Resource, auth: ProxyAuth): void {
  const t = ctx.template;
  const roleNode = get(proxy.properties, 'RoleArn');
  const role = roleIdOf(t, roleNode);
  const secretNode = get(auth.entry, 'SecretArn')!;
  const secret = templateIdOf(t, secretNode, SECRET);
  if (!role || !roleNode || !secret) return;
  const missing: string[] = [];
  const related: Related[] = [
    { range: roleNode.range, message: `The proxy uses role ${role}.` },
    { range: t.resources.get(secret)!.idRange, message: `The secret ${secret}.` },
  ];
  if (roleAllows(t, role, 'secretsmanager:GetSecretValue', secret) === 'denied') missing.push('secretsmanager:GetSecretValue');
  const key = kmsKeyOf(t, secret);
  if (key && roleAllows(t, role, 'kms:Decrypt', key.id) === 'denied') {
    missing.push(`kms:Decrypt on ${key.id}`);
    related.push({ range: key.at, message: `${secret} is encrypted with ${key.id}.` });
  }
  if (missing.length === 0) return;
  ctx.report({
    range: secretNode.range,
    message: `Role ${role} of proxy ${proxy.id} is not allowed ${missing.join(' and ')} for secret ${secret}, so the proxy cannot read the database credentials and every connection fails. Add a statement allowing ${missing.map((m) => m.split(' ')[0]).join(' and ')} on the ${missing.length > 1 ? 'secret and its key' : 'secret'} to ${role}.`,
    related,
  });
}

function kmsKeyOf(t: Template, secret: string): { id: string; at: Resource['idRange'] } | undefined {
  const node = get(t.resources.get(secret)?.properties, 'KmsKeyId');
  const id = templateIdOf(t, node, KMS_KEY);
  return id && node ? { id, at: node.range } : undefined;
}
