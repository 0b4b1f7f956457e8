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

/** A function with Timeout 300 behind a REST API method whose Integration has `extra` (and `uri`). */
const method = (extra: string, uri = 'invocations') => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Fn:
      Type: AWS::Serverless::Function
      Properties:
        Timeout: 300
    Rest:
      Type: AWS::ApiGateway::RestApi
    Method:
      Type: AWS::ApiGateway::Method
      Properties:
        RestApiId: !Ref Rest
        ResourceId: !GetAtt Rest.RootResourceId
        HttpMethod: POST
        Integration:
          Type: AWS
          IntegrationHttpMethod: POST
          Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2021-11-15/functions/\${Fn.Arn}/${uri}
          ${extra}
`;

ruleTester(apiTimeout, {
  valid: [
    { name: "an integration that invokes asynchronously (X-Amz-Invocation-Type 'Event')", template: method(`RequestParameters:\n            integration.request.header.X-Amz-Invocation-Type: "'Event'"`) },
    { name: 'an invocation type each client chooses (mapped from a method request header)', template: method('RequestParameters: { integration.request.header.X-Amz-Invocation-Type: method.request.header.InvocationType }') },
    { name: 'a streaming integration (ResponseTransferMode STREAM)', template: method('ResponseTransferMode: STREAM') },
    { name: 'a streaming integration named by its URI only', template: method('PassthroughBehavior: WHEN_NO_MATCH', 'response-streaming-invocations') },
    { name: 'a SAM Api event with ResponseTransferMode RESPONSE_STREAM', template: sam('300', 'Api').replace('Method: get', 'Method: get, ResponseTransferMode: RESPONSE_STREAM') },
  ],
  invalid: [
    { name: "an integration that asks for 'RequestResponse' explicitly", template: method(`RequestParameters: { integration.request.header.X-Amz-Invocation-Type: "'RequestResponse'" }`), errors: [{ line: 6, column: 16 }] },
    { name: 'a BUFFERED integration', template: method('ResponseTransferMode: BUFFERED'), errors: [{ line: 6, column: 16 }] },
  ],
});
