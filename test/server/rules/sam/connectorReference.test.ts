import { connectorReference } from '../../../../server/src/rules/sam/connectorReference';
import { ruleTester } from '../../../support/ruleTester';

const t = (source: string, destination: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
  Orders:
    Type: AWS::SQS::Queue
  Link:
    Type: AWS::Serverless::Connector
    Properties:
      Source: ${source}
      Destination: ${destination}
      Permissions: [Write]
`;

ruleTester(connectorReference, {
  valid: [
    { name: 'resources by Id, with a Qualifier', template: t('{ Id: Fn, Qualifier: live }', '{ Id: Orders }') },
    { name: 'a resource outside the template by Type and Arn, in a list of destinations', template: t('{ Id: Fn }', '[{ Id: Orders }, { Type: AWS::SNS::Topic, Arn: arn:aws:sns:us-east-1:123456789012:alerts }]') },
  ],
  invalid: [
    { name: 'an Id that is a number, and one that names no resource', template: t('{ Id: 42 }', '{ Id: OrdersQueue }'), errors: [{ line: 14, column: 21 }, { line: 15, column: 26, messageIncludes: 'not a resource of this template' }] },
    { name: 'an Id with an Arn, and a reference without Id or Type', template: t('{ Id: Fn, Arn: arn:aws:lambda:us-east-1:123456789012:function:f }', '{ Qualifier: live }'), errors: [{ line: 14, column: 25 }, { line: 15, column: 20 }] },
  ],
});
