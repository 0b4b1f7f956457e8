import { eventSourceAccess } from '../../../../server/src/rules/sam/eventSourceAccess';
import { ruleTester } from '../../../support/ruleTester';

const t = (type: string, props: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Src:
          Type: ${type}
          Properties:
${props}`;

ruleTester(eventSourceAccess, {
  valid: [
    { name: 'an MQ event with basic auth', template: t('MQ', '            Broker: arn:b\n            Queues: [q]\n            SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: arn:s }, { Type: VIRTUAL_HOST, URI: v }]\n') },
    { name: 'a Kafka event in a VPC, by subnet and security group', template: t('SelfManagedKafka', '            KafkaBootstrapServers: [a:9092]\n            Topics: [t]\n            SourceAccessConfigurations: [{ Type: VPC_SUBNET, URI: subnet:subnet-1 }, { Type: VPC_SECURITY_GROUP, URI: security_group:sg-1 }]\n') },
    { name: 'a Kafka event with one topic and one auth entry', template: t('SelfManagedKafka', '            KafkaBootstrapServers: [a:9092]\n            Topics: [t]\n            SourceAccessConfigurations: [{ Type: SASL_SCRAM_512_AUTH, URI: arn:s }]\n') },
  ],
  invalid: [
    { name: 'an MQ event without basic auth', template: t('MQ', '            Broker: arn:b\n            Queues: [q]\n            SourceAccessConfigurations: [{ Type: VIRTUAL_HOST, URI: v }]\n'), errors: [{ line: 12, column: 41 }] },
    { name: 'an unknown access type', template: t('DocumentDB', '            Cluster: arn:c\n            SourceAccessConfigurations: [{ Type: NOT_BASIC_AUTH, URI: arn:s }]\n'), errors: [{ line: 11, column: 41 }, { line: 11, column: 50 }] },
    { name: 'a Kafka event with two topics, two auth entries and no servers', template: t('SelfManagedKafka', '            Topics: [a, b]\n            SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: arn:s }, { Type: SASL_SCRAM_512_AUTH, URI: arn:s }]\n'), errors: [{ line: 9, column: 11 }, { line: 10, column: 21 }, { line: 11, column: 76 }] },
    { name: 'a Kafka event with a subnet but no security group', template: t('SelfManagedKafka', '            KafkaBootstrapServers: [a:9092]\n            Topics: [t]\n            SourceAccessConfigurations: [{ Type: SASL_SCRAM_512_AUTH, URI: arn:s }, { Type: VPC_SUBNET, URI: subnet:subnet-1 }]\n'), errors: [{ line: 12, column: 85, messageIncludes: 'without VPC_SECURITY_GROUP' }] },
    { name: 'access configurations that are a map', template: t('SelfManagedKafka', '            KafkaBootstrapServers: [a:9092]\n            Topics: [t]\n            SourceAccessConfigurations:\n              Value: not a list\n'), errors: [{ line: 13, column: 15 }] },
  ],
});
