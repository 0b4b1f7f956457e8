import { get } from '../../template/ast';
import type { Node } from '../../template/ast';
import type { Template } from '../../template/model';
import { functionsOf } from '../../template/functions';
import { refTarget } from '../../template/resolve';
import { known } from '../../template/targets';
import { EVENT_QUOTAS } from '../../quotas';
import type { Rule } from '../types';
import { example } from '../docs';

const URL = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html';

/** events/log-subscription-count: CloudWatch Logs allows two subscription filters per log group. */
export const logSubscriptionCount: Rule = {
  meta: {
    id: 'events/log-subscription-count',
    severity: 'error',
    description: `A log group takes at most ${EVENT_QUOTAS.subscriptionFiltersPerLogGroup} subscription filters (AWS::Logs::SubscriptionFilter resources and SAM CloudWatchLogs events together).`,
    docs: {
      bad: example(`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
          ToAudit:
            Type: AWS::Logs::SubscriptionFilter
            Properties: { LogGroupName: !Ref AppLogs, FilterPattern: "", DestinationArn: !GetAtt Audit.Arn }
          ToMetrics:
            Type: AWS::Logs::SubscriptionFilter
            Properties: { LogGroupName: !Ref AppLogs, FilterPattern: "", DestinationArn: !GetAtt Metrics.Arn }
          ToArchive:
            Type: AWS::Logs::SubscriptionFilter
            Properties: { LogGroupName: !Ref AppLogs, FilterPattern: "", DestinationArn: !GetAtt Archive.Arn }
          Audit:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
          Metrics:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
          Archive:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
      `),
      good: example(`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
          ToAudit:
            Type: AWS::Logs::SubscriptionFilter
            Properties: { LogGroupName: !Ref AppLogs, FilterPattern: "", DestinationArn: !GetAtt Audit.Arn }
          ToFanOut:
            Type: AWS::Logs::SubscriptionFilter
            Properties: { LogGroupName: !Ref AppLogs, FilterPattern: "", DestinationArn: !GetAtt FanOut.Arn }
          Audit:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
          FanOut:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
      `),
      url: URL,
    },
    fixable: false,
    reads: { types: { 'AWS::Logs::SubscriptionFilter': '*', 'AWS::Logs::LogGroup': '*', 'AWS::Serverless::Function': ['Events'] } },
  },
  check(ctx) {
    const t = ctx.template;
    const groups = new Map<string, Node[]>();
    const add = (node: Node | undefined) => {
      const key = node && groupKey(t, node);
      if (!node || !key) return;
      const list = groups.get(key);
      if (list) list.push(node);
      else groups.set(key, [node]);
    };
    for (const r of t.ofType('AWS::Logs::SubscriptionFilter')) add(get(r.properties, 'LogGroupName'));
    for (const f of functionsOf(t)) {
      const events = get(f.props, 'Events');
      if (!f.sam || events?.kind !== 'map') continue;
      for (const e of events.pairs) if (known(t, get(e.value, 'Type')) === 'CloudWatchLogs') add(get(get(e.value, 'Properties'), 'LogGroupName'));
    }
    const max = EVENT_QUOTAS.subscriptionFiltersPerLogGroup;
    for (const [key, nodes] of groups) {
      if (nodes.length <= max) continue;
      nodes.sort((a, b) => a.range.start - b.range.start);
      for (const extra of nodes.slice(max)) {
        ctx.report({
          range: extra.range,
          message: `Log group ${key.replace(/^(id|name):/, '')} has ${nodes.length} subscription filters; CloudWatch Logs allows ${max} per log group. Send the logs to one Kinesis or Firehose stream and fan out from there, or drop a filter.`,
          related: nodes.filter((n) => n !== extra).map((n) => ({ range: n.range, message: 'Another subscription filter on this log group.' })),
        });
      }
    }
  },
};

/** One key per log group: the template LogGroup's id, whether referenced or named by its literal LogGroupName. */
function groupKey(t: Template, node: Node): string | undefined {
  const ref = refTarget(node);
  if (ref && t.resources.get(ref.id)?.type === 'AWS::Logs::LogGroup') return `id:${ref.id}`;
  const name = known(t, node);
  if (name === undefined) return undefined;
  const byName = t.memo('logGroupsByName', () => {
    const m = new Map<string, string>();
    for (const r of t.ofType('AWS::Logs::LogGroup')) {
      const n = known(t, get(r.properties, 'LogGroupName'));
      if (n !== undefined) m.set(n, r.id);
    }
    return m;
  });
  const id = byName.get(name);
  return id ? `id:${id}` : `name:${name}`;
}
