import { logSubscriptionCount } from '../../../../server/src/rules/events/logSubscriptionCount';
import { ruleTester, yaml } from '../../../support/ruleTester';

const filters = (n: number, group = '!Ref AppLogs') => Array.from({ length: n }, (_, i) => yaml`
  Filter${i}:
    Type: AWS::Logs::SubscriptionFilter
    Properties: { LogGroupName: ${group}, FilterPattern: '', DestinationArn: !GetAtt Audit.Arn }
`.replace(/^(?=.)/gm, '  ')).join('');

const template = (body: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties: { LogGroupName: /app/orders }
  Audit:
    Type: AWS::Serverless::Function
${body}`;

ruleTester(logSubscriptionCount, {
  valid: [
    { name: 'two filters on one group', template: template(filters(2)) },
    { name: 'filters on unknown groups', template: template(filters(3, '!ImportValue shared-logs')) },
  ],
  invalid: [
    {
      name: 'a third filter, with the other two related',
      template: template(filters(3)),
      errors: [{ line: 16, column: 33, related: [[10, 33], [13, 33]] }],
    },
    {
      name: 'a SAM CloudWatchLogs event naming the same group by its literal name as two filters',
      template: template(`    Properties:
      Events:
        Logs: { Type: CloudWatchLogs, Properties: { LogGroupName: /app/orders, FilterPattern: '' } }
${filters(2)}`),
      errors: [{ line: 16, column: 33 }],
    },
  ],
});
