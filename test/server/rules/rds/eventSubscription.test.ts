import { eventSubscription } from '../../../../server/src/rules/rds/eventSubscription';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(eventSubscription, {
  valid: [
    {
      name: 'cluster categories in the API spelling and in capitals, to a standard topic',
      template: yaml`
        Resources:
          Alerts:
            Type: AWS::SNS::Topic
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: db-cluster
              EventCategories: [failover, global-failover, Failure, configuration change]
              SnsTopicArn: !Ref Alerts
      `,
    },
    {
      name: 'a subscription without SourceType or categories (every event)',
      template: yaml`
        Resources:
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SnsTopicArn: arn:aws:sns:eu-west-1:123456789012:db-alerts
      `,
    },
    {
      name: 'categories of a source type whose list is not tabled (zero-etl)',
      template: yaml`
        Resources:
          Etl:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: zero-etl
              EventCategories: [anything]
              SnsTopicArn: arn:aws:sns:eu-west-1:123456789012:etl
      `,
    },
    {
      name: 'a SourceType from a parameter without a Default and a topic from an import (unknown)',
      template: yaml`
        Parameters:
          Source: { Type: String }
        Resources:
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: !Ref Source
              EventCategories: [made-up]
              SnsTopicArn: !ImportValue alerts-topic
      `,
    },
    {
      name: 'a proxy subscription to a topic whose FifoTopic is false',
      template: yaml`
        Resources:
          Alerts:
            Type: AWS::SNS::Topic
            Properties: { FifoTopic: false }
          ProxyEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: db-proxy
              EventCategories: [failure]
              SnsTopicArn: !Ref Alerts
      `,
    },
  ],
  invalid: [
    {
      name: 'an unknown SourceType',
      template: yaml`
        Resources:
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: db-cluster-instance
              SnsTopicArn: arn:aws:sns:eu-west-1:123456789012:db-alerts
      `,
      errors: [{ line: 5, column: 19, messageIncludes: 'db-instance' }],
    },
    {
      name: 'a category of another source type, with the SourceType related',
      template: yaml`
        Resources:
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: db-cluster
              EventCategories:
                - failover
                - low storage
              SnsTopicArn: arn:aws:sns:eu-west-1:123456789012:db-alerts
      `,
      errors: [{ line: 8, column: 11, related: [[5, 19]] }],
    },
    {
      name: 'a category behind a parameter Default, with the Default related',
      template: yaml`
        Parameters:
          Category: { Type: String, Default: backup }
        Resources:
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: db-proxy
              EventCategories: [!Ref Category]
              SnsTopicArn: arn:aws:sns:eu-west-1:123456789012:db-alerts
      `,
      errors: [{ line: 8, column: 25, related: [[2, 38], [7, 19]] }],
    },
    {
      name: 'a missing SnsTopicArn, at the Properties key',
      template: yaml`
        Resources:
          DbEvents:
            Type: AWS::RDS::EventSubscription
            Properties:
              SourceType: db-instance
      `,
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'a FIFO topic, by FifoTopic and by TopicName, with the evidence related',
      template: yaml`
        Resources:
          Fifo:
            Type: AWS::SNS::Topic
            Properties: { FifoTopic: true }
          Named:
            Type: AWS::SNS::Topic
            Properties: { TopicName: alerts.fifo }
          ByFlag:
            Type: AWS::RDS::EventSubscription
            Properties: { SnsTopicArn: !Ref Fifo }
          ByName:
            Type: AWS::RDS::EventSubscription
            Properties: { SnsTopicArn: !GetAtt Named.TopicArn }
      `,
      errors: [{ line: 10, column: 32, related: [[4, 30]] }, { line: 13, column: 32, related: [[7, 30]] }],
    },
  ],
});
