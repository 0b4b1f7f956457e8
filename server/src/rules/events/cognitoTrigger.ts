import { get } from '../../template/ast';
import { eventSourceList } from '../../template/eventSources';
import { resolveStrings, branches } from '../../template/resolve';
import { EACH_FUNCTION, relatedFor } from '../helpers';
import type { Rule } from '../types';
import { replaceStringFix } from '../edits';
import { changed, example } from '../docs';

const URL = 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Pool:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: customers
    SignUpCheck:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Events:
          SignUp:
            Type: Cognito
            Properties:
              UserPool: !Ref Pool
              Trigger: PreSignUp
`);

/** The user-pool trigger names SAM's Cognito event accepts. */
export const COGNITO_TRIGGERS = [
  'PreSignUp', 'PostConfirmation', 'PreAuthentication', 'PostAuthentication', 'DefineAuthChallenge',
  'CreateAuthChallenge', 'VerifyAuthChallengeResponse', 'PreTokenGeneration', 'CustomMessage',
  'UserMigration', 'CustomSMSSender', 'CustomEmailSender',
] as const;

const NAMES: ReadonlySet<string> = new Set(COGNITO_TRIGGERS);
const BY_LOWER = new Map(COGNITO_TRIGGERS.map((n) => [n.toLowerCase().replace(/[^a-z]/g, ''), n]));

/** events/cognito-trigger: the Trigger of a SAM Cognito event must be a user-pool trigger name. */
export const cognitoTrigger: Rule = {
  meta: {
    id: 'events/cognito-trigger',
    severity: 'error',
    description: 'A SAM Cognito event\'s Trigger must name a user-pool Lambda trigger such as PreSignUp or PostConfirmation.',
    docs: {
      bad: changed(EXAMPLE, ['            Trigger: PreSignUp\n', '            Trigger: PreSignup\n']),
      good: EXAMPLE,
      url: URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const s of eventSourceList(t)) {
      if (s.kind !== 'Cognito' || s.origin !== 'sam') continue;
      const items = branches(get(s.props, 'Trigger')).flatMap((n) => (n.kind === 'seq' ? n.items : [n]));
      for (const c of items.flatMap((n) => resolveStrings(t, n))) {
        if (NAMES.has(c.value)) continue;
        const guess = BY_LOWER.get(c.value.toLowerCase().replace(/[^a-z]/g, ''));
        ctx.report({
          range: c.at,
          message: `"${c.value}" is not a Cognito user-pool trigger.${guess ? ` Did you mean ${guess}?` : ''} Valid triggers: ${COGNITO_TRIGGERS.join(', ')}.`,
          related: relatedFor(undefined, c),
          fixes: guess ? [replaceStringFix(t, c, guess)] : [],
        });
      }
    }
  },
};
