import { websocketApi } from '../../../../server/src/rules/sam/websocketApi';
import { ruleTester } from '../../../support/ruleTester';

const t = (props: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Ws:
    Type: AWS::Serverless::WebSocketApi
    Properties:
      RouteSelectionExpression: $request.body.action
${props}`;
const connect = '      Routes:\n        $connect: { FunctionArn: !GetAtt Fn.Arn }\n';

ruleTester(websocketApi, {
  valid: [
    { name: 'a $connect route with custom auth', template: t(`${connect}      Auth: { AuthType: CUSTOM, AuthArn: !GetAtt Auth.Arn, IdentitySource: [route.request.header.Auth] }\n`) },
    { name: 'IAM auth', template: t(`${connect}      Auth: { AuthType: AWS_IAM }\n`) },
  ],
  invalid: [
    { name: 'a route key that is not alphanumeric and a route without its function', template: t('      Routes:\n        $nonsense: { FunctionArn: !GetAtt Fn.Arn }\n        send: { IntegrationTimeout: 100 }\n'), errors: [{ line: 8, column: 9 }, { line: 9, column: 9 }] },
    { name: 'CUSTOM auth without AuthArn', template: t(`${connect}      Auth: { AuthType: CUSTOM }\n`), errors: [{ line: 9, column: 25 }] },
    { name: 'settings without AuthType, and auth without a $connect route', template: t('      Routes:\n        $default: { FunctionArn: !GetAtt Fn.Arn }\n      Auth: { AuthType: AWS_IAM, Name: x }\n'), errors: [{ line: 9, column: 15 }, { line: 9, column: 34 }] },
    { name: 'stage settings as a list and a bad IP address type', template: t(`${connect}      AccessLogSettings: [{ DestinationArn: arn }]\n      IpAddressType: ipv6\n`), errors: [{ line: 9, column: 26 }, { line: 10, column: 22 }] },
  ],
});
