import { get, getPath, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node } from '../../template/ast';
import type { Rule } from '../types';
import { samEvents, samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** Destination types SAM accepts: for a stream or Kafka event's OnFailure, and for EventInvokeConfig. */
const STREAM_TYPES = ['SQS', 'SNS', 'S3', 'Kafka'];
const INVOKE_TYPES = ['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket'];
const STREAM_EVENTS: ReadonlySet<string> = new Set(['Kinesis', 'DynamoDB', 'MSK', 'SelfManagedKafka']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      EventInvokeConfig:\n        DestinationConfig:\n          OnFailure:\n            Type: SNS\n            Destination: arn:aws:sns:us-east-1:123456789012:alerts\n`);

/** sam/destinations: the destination Type SAM wires a destination by is one it knows. */
export const destinations: Rule = {
  meta: {
    id: 'sam/destinations',
    severity: 'error',
    description: `A stream event's DestinationConfig.OnFailure.Type is ${STREAM_TYPES.join(', ')}; an EventInvokeConfig destination's Type is ${INVOKE_TYPES.join(', ')}.`,
    docs: {
      bad: changed(EXAMPLE, ['Type: SNS', 'Type: Topic']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventinvokedestinationconfiguration.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const report = (node: Node, allowed: readonly string[], where: string, resource: string) => {
      const value = str(node);
      if (node.kind === 'scalar' && value !== undefined && !allowed.includes(value)) {
        ctx.report({ range: node.range, message: `${where} Type "${value}" is not one SAM knows; use ${allowed.join(', ')}.`, resource });
      }
    };
    for (const e of samEvents(ctx.template)) {
      if (!e.type || !STREAM_EVENTS.has(e.type)) continue;
      const type = getPath(e.props, ['DestinationConfig', 'OnFailure', 'Type']);
      if (type) report(type, STREAM_TYPES, `Event ${e.id}: DestinationConfig.OnFailure`, e.resource.id);
    }
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Function')) {
      const config = getPath(props, ['EventInvokeConfig', 'DestinationConfig']);
      for (const key of ['OnSuccess', 'OnFailure']) {
        const type = get(get(config, key), 'Type');
        if (type) report(type, INVOKE_TYPES, `EventInvokeConfig.DestinationConfig.${key}`, resource.id);
      }
    }
  },
};
