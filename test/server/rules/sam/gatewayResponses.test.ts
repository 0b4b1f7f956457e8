import { gatewayResponses } from '../../../../server/src/rules/sam/gatewayResponses';
import { ruleTester } from '../../../support/ruleTester';

const t = (responses: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      GatewayResponses:
${responses}`;

ruleTester(gatewayResponses, {
  valid: [{ name: 'a numeric status and header parameters', template: t("        UNAUTHORIZED:\n          StatusCode: 401\n          ResponseParameters: { Headers: { Access-Control-Allow-Origin: \"'*'\" } }\n") }],
  invalid: [
    { name: 'a word for the status, an unknown parameter kind and property', template: t('        UNAUTHORIZED:\n          StatusCode: Unauthorized\n          SubStatusCode: 1\n          ResponseParameters: { Footers: {} }\n'), errors: [{ line: 9, column: 23 }, { line: 10, column: 11 }, { line: 11, column: 33 }] },
    { name: 'a response that is a number', template: t('        UNAUTHORIZED: 401\n'), errors: [{ line: 8, column: 23 }] },
    { name: 'a response from an intrinsic function, which SAM cannot write into the definition', template: t('        UNAUTHORIZED: !If [IsProd, { StatusCode: 401 }, { StatusCode: 403 }]\n'), errors: [{ line: 8, column: 23 }] },
    { name: 'ResponseParameters that are a list', template: t('        UNAUTHORIZED:\n          ResponseParameters: [Headers]\n'), errors: [{ line: 9, column: 31 }] },
  ],
});
