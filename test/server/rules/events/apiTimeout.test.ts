import { apiTimeout } from '../../../../server/src/rules/events/apiTimeout';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const sam = (timeout: string, event: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Orders:
      Type: AWS::Serverless::Function
      Properties:
        Timeout: ${timeout}
        Events:
          Get:
            Type: ${event}
            Properties: { Path: /orders, Method: get }
`;

ruleTester(apiTimeout, {
  valid: [
    { name: 'a REST API function at 29 s', template: sam('29', 'Api') },
    { name: 'an HTTP API function at 30 s', template: sam('30', 'HttpApi') },
    {
      name: 'a REST integration whose timeout was raised by quota',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Timeout: 60
              Events:
                Get: { Type: Api, Properties: { Path: /orders, Method: get, TimeoutInMillis: 90000 } }
      `,
    },
    { name: 'a long function without an API', template: sam('300', 'SQS') },
  ],
  invalid: [
    { name: 'a REST API function at 60 s, the event related', template: sam('60', 'Api'), errors: [{ line: 6, column: 16, related: [[8, 9]], messageIncludes: 'quota request' }] },
    { name: 'an HTTP API function at 31 s', template: sam('31', 'HttpApi'), errors: [{ line: 6, column: 16, messageIncludes: 'after 30 s' }] },
    {
      name: 'a Globals Timeout behind a plain API Gateway method, reported once at Globals',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 120
        Resources:
          Fn:
            Type: AWS::Serverless::Function
          Rest:
            Type: AWS::ApiGateway::RestApi
          Method:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Rest
              ResourceId: !GetAtt Rest.RootResourceId
              HttpMethod: POST
              Integration:
                Type: AWS_PROXY
                IntegrationHttpMethod: POST
                Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
      `,
      errors: [{ line: 4, column: 14, related: [[6, 3], [10, 3]] }],
    },
  ],
});

describe('events/api-timeout quick fix', () => {
  it('lowers Timeout to the integration limit', () => {
    assertFixesWork(apiTimeout, sam('60', 'Api'), 1);
  });
});
