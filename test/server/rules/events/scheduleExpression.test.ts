import assert from 'node:assert/strict';
import { scheduleExpression } from '../../../../server/src/rules/events/scheduleExpression';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const SAM = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Report:
      Type: AWS::Serverless::Function
      Properties:
        Events:
          Nightly:
            Type: Schedule
            Properties:
              Schedule: rate(1 hours)
          Weekly:
            Type: ScheduleV2
            Properties:
              ScheduleExpression: 'cron(0 8 * * MON *)'
              ScheduleExpressionTimezone: Europe/Pari
`;

ruleTester(scheduleExpression, {
  valid: [
    {
      name: 'SAM schedules, a rule and a Scheduler one-time schedule with a time zone',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Report:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Nightly: { Type: Schedule, Properties: { Schedule: cron(0 3 * * ? *) } }
                Hourly: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 hour), ScheduleExpressionTimezone: America/New_York } }
          Rule:
            Type: AWS::Events::Rule
            Properties: { ScheduleExpression: rate(15 minutes) }
          Once:
            Type: AWS::Scheduler::Schedule
            Properties:
              ScheduleExpression: at(2027-03-01T09:00:00)
              ScheduleExpressionTimezone: Asia/Kolkata
              FlexibleTimeWindow: { Mode: 'OFF' }
              Target: { Arn: arn:aws:sqs:us-east-1:123456789012:q, RoleArn: arn:aws:iam::123456789012:role/r }
      `,
    },
    {
      name: 'EventBridge Scheduler rates with either unit form, as published templates deploy them',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          S:
            Type: AWS::Scheduler::Schedule
            Properties: { ScheduleExpression: rate(5 minute), FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: arn:aws:sqs:us-east-1:123456789012:q, RoleArn: arn:aws:iam::123456789012:role/r } }
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Often: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(10 hour) } }
                Daily: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 days) } }
          Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              Events:
                Tick: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(2 minute) } }
      `,
    },
    {
      name: 'expressions that cannot be known',
      template: yaml`
        Parameters:
          Expr: { Type: String }
        Resources:
          Rule:
            Type: AWS::Events::Rule
            Properties: { ScheduleExpression: !Ref Expr }
          Sub:
            Type: AWS::Events::Rule
            Properties: { ScheduleExpression: !Sub 'rate(\${Expr} minutes)' }
      `,
    },
  ],
  invalid: [
    {
      name: 'a plural unit for 1, a cron with two day fields and a misspelt time zone',
      template: SAM,
      errors: [
        { line: 10, column: 23, messageIncludes: 'Did you mean rate(1 hour)?' },
        { line: 14, column: 33, messageIncludes: 'Did you mean cron(0 8 ? * MON *)?' },
        { line: 15, column: 41, messageIncludes: 'such as Europe/Paris' },
      ],
    },
    {
      name: 'an at() on an EventBridge rule and a five-field cron from a parameter Default',
      template: yaml`
        Parameters:
          Expr: { Type: String, Default: 'cron(0 12 * * *)' }
        Resources:
          Once:
            Type: AWS::Events::Rule
            Properties: { ScheduleExpression: at(2027-01-01T00:00:00) }
          Daily:
            Type: AWS::Events::Rule
            Properties: { ScheduleExpression: !Ref Expr }
      `,
      errors: [{ line: 6, column: 39 }, { line: 9, column: 39, related: [[2, 34]], messageIncludes: 'cron(0 12 * * ? *)' }],
    },
    {
      name: 'an EventBridge rule with a singular unit for 5, in a JSON template',
      template: '{\n  "Resources": {\n    "S": {\n      "Type": "AWS::Events::Rule",\n      "Properties": { "ScheduleExpression": "rate(5 minute)" }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 45, messageIncludes: 'plural unit' }],
    },
    {
      name: 'units that are not rate units, on Scheduler too',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          S:
            Type: AWS::Scheduler::Schedule
            Properties: { ScheduleExpression: rate(5 mins), FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: arn:aws:sqs:us-east-1:123456789012:q, RoleArn: arn:aws:iam::123456789012:role/r } }
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Every: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(0 hour) } }
      `,
      errors: [{ line: 5, column: 39, messageIncludes: 'rate(5 minutes)' }, { line: 10, column: 70 }],
    },
  ],
});

describe('events/schedule-expression quick fix', () => {
  it('singularises or pluralises the rate unit, in YAML and JSON, keeping the quotes', () => {
    const [fixed] = assertFixesWork(scheduleExpression, SAM, 1);
    assert.match(fixed!, /Schedule: rate\(1 hour\)\n/);
    const json = '{\n  "Resources": {\n    "S": {\n      "Type": "AWS::Events::Rule",\n      "Properties": { "ScheduleExpression": "rate(5 minute)" }\n    }\n  }\n}\n';
    const [fixedJson] = assertFixesWork(scheduleExpression, json, 1);
    assert.equal(JSON.parse(fixedJson!).Resources.S.Properties.ScheduleExpression, 'rate(5 minutes)');
  });
});
