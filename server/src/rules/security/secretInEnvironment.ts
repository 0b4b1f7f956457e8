import { isArn } from '../../arn';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { refTarget, resolve } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import type { Node, Pair } from '../../template/ast';
import type { Template } from '../../template/model';
import { ACCESS_KEY_ID, DYNAMIC_REFERENCE, isCredentialKey, variablesOf } from '../environment';
import { EACH_FUNCTION, ownerOf, relatedFor } from '../helpers';
import type { Fix, Rule, RuleContext } from '../types';
import { changed, example } from '../docs';


/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Environment:
          Variables:
            DB_PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
`);

/** security/secret-in-environment: credentials are not written into environment variables. */
export const secretInEnvironment: Rule = {
  meta: {
    id: 'security/secret-in-environment',
    severity: 'warning',
    description: 'Credential-looking environment variables hold a dynamic reference or a NoEcho parameter, not a literal; an AWS access key id in a value is an error.',
    docs: {
      bad: changed(EXAMPLE, ['          DB_PASSWORD: \'{{resolve:secretsmanager:prod/db:SecretString:password}}\'\n', '          DB_PASSWORD: hunter2\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const v of variablesOf(ctx.template, f)) {
        for (const p of v.vars) checkVariable(ctx, f, p);
      }
    }
  },
};

function checkVariable(ctx: RuleContext, f: FunctionView, p: Pair): void {
  if (refsNoEchoParameter(ctx.template, p.value)) return;
  const credentialKey = isCredentialKey(p.key);
  for (const c of resolve(ctx.template, p.value)) {
    if (typeof c.value !== 'string' || c.value.trim() === '' || DYNAMIC_REFERENCE.test(c.value)) continue;
    const accessKey = ACCESS_KEY_ID.test(c.value);
    // Most values are no secret: the finding's parts are made only for one that is reported.
    if (!accessKey && !(credentialKey && !isArn(c.value))) continue;
    const owner = ownerOf(f, c.at);
    const related = [...owner.related, ...relatedFor(undefined, c)];
    const fixes = [secretFix(f, p.key, c)];
    if (accessKey) {
      ctx.report({
        range: c.at,
        severity: 'error',
        message: `${p.key} holds an AWS access key id. Anyone who can read the template or the function configuration can use it; deactivate the key, give the function's execution role the permissions instead, and keep unavoidable secrets in Secrets Manager.`,
        ...owner,
        related,
        fixes,
      });
    } else {
      ctx.report({
        range: c.at,
        message: `${p.key} looks like a credential written into the template; it is visible to anyone who can read the template or the function configuration. Keep it in Secrets Manager and pass a dynamic reference ({{resolve:secretsmanager:...}}), or a NoEcho parameter.`,
        ...owner,
        related,
        fixes,
      });
    }
  }
}

function refsNoEchoParameter(t: Template, node: Node): boolean {
  if (node.kind !== 'intrinsic' || node.fn !== 'Ref') return false;
  const target = refTarget(node);
  return target !== undefined && t.parameters.get(target.id)?.noEcho === true;
}

/** Replaces the literal with a Secrets Manager dynamic reference skeleton named after the function and key. */
function secretFix(f: FunctionView, key: string, c: Candidate): Fix {
  const reference = `{{resolve:secretsmanager:${f.id}:SecretString:${key}}}`;
  // Double quotes are valid in both YAML and JSON, and keep YAML from reading `{{` as a flow mapping.
  return { title: 'Replace with a Secrets Manager dynamic reference', edits: [{ range: c.at, newText: JSON.stringify(reference) }] };
}
