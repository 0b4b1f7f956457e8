import assert from 'node:assert/strict';
import { cognitoTrigger } from '../../../../server/src/rules/events/cognitoTrigger';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const withTrigger = (trigger: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Pool:
      Type: AWS::Cognito::UserPool
    Hooks:
      Type: AWS::Serverless::Function
      Properties:
        Events:
          Pool:
            Type: Cognito
            Properties:
              UserPool: !Ref Pool
              Trigger: ${trigger}
`;

ruleTester(cognitoTrigger, {
  valid: [
    { name: 'one trigger name', template: withTrigger('PreSignUp') },
    { name: 'a list of trigger names', template: withTrigger('[PostConfirmation, PreTokenGeneration, CustomEmailSender]') },
  ],
  invalid: [
    { name: 'a miscased name', template: withTrigger('PreSignup'), errors: [{ line: 13, column: 22, messageIncludes: 'Did you mean PreSignUp?' }] },
    { name: 'an unknown name in a list', template: withTrigger('[PostConfirmation, PostSignUp]'), errors: [{ line: 13, column: 41 }] },
  ],
});

describe('events/cognito-trigger quick fix', () => {
  it('corrects the case of a trigger name', () => {
    assert.match(assertFixesWork(cognitoTrigger, withTrigger("'pre_sign_up'"), 1)[0]!, /Trigger: 'PreSignUp'\n/);
  });
});
