import { definitionBody } from '../../../../server/src/rules/sam/definitionBody';
import { ruleTester } from '../../../support/ruleTester';

const t = (paths: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        swagger: '2.0'
        paths:
${paths}`;

ruleTester(definitionBody, {
  valid: [
    { name: 'paths of methods with security lists', template: t('          /items:\n            get:\n              security: [{ Auth: [] }]\n              responses: {}\n') },
  ],
  invalid: [
    { name: 'a path that is a string', template: t('          /items: get\n'), errors: [{ line: 10, column: 19 }] },
    { name: 'security as a map', template: t('          /items:\n            get:\n              security: { Auth: [] }\n'), errors: [{ line: 12, column: 25 }] },
  ],
});
