import { get, pairOf } from '../../template/ast';
import type { Node } from '../../template/ast';
import type { Resource, Template } from '../../template/model';
import { resourceRef } from '../../template/rds';
import { branches, resolveStrings } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import events from '../../data/rds-event-categories.json';
import { relatedFor } from '../helpers';
import type { RuleContext, Rule } from '../types';
import { RDS_EVENTS_URL } from '../rds-proxy/urls';
import { changed, example } from '../docs';

const SNS_TOPIC = 'AWS::SNS::Topic';

/** Categories compare case-insensitively, with "global failover" and "global-failover" alike. */
const normalize = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

const SOURCE_TYPES: ReadonlySet<string> = new Set(events.sourceTypes);
const CATEGORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(events.categories).map(([type, list]) => [type, new Set(list.map(normalize))]),
);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Alerts:
      Type: AWS::SNS::Topic
      Properties:
        TopicName: db-alerts
    AlertsFifo:
      Type: AWS::SNS::Topic
      Properties:
        TopicName: db-alerts.fifo
        FifoTopic: true
    Cluster:
      Type: AWS::RDS::DBCluster
      Properties:
        Engine: aurora-postgresql
        MasterUsername: app
        ManageMasterUserPassword: true
    DbEvents:
      Type: AWS::RDS::EventSubscription
      Properties:
        SourceType: db-cluster
        SourceIds: [!Ref Cluster]
        EventCategories: [failover, failure]
        SnsTopicArn: !Ref Alerts
`);

/** rds/event-subscription: SourceType, EventCategories and the SNS topic of an RDS event subscription. */
export const eventSubscription: Rule = {
  meta: {
    id: 'rds/event-subscription',
    severity: 'error',
    description: 'An RDS event subscription needs a valid SourceType, categories that exist for it, and a standard (not FIFO) SNS topic.',
    docs: {
      bad: changed(EXAMPLE, ['      EventCategories: [failover, failure]\n      SnsTopicArn: !Ref Alerts\n', '      EventCategories: [low storage]\n      SnsTopicArn: !Ref AlertsFifo\n']),
      good: EXAMPLE,
      url: RDS_EVENTS_URL,
    },
    fixable: false,
    reads: { each: ['AWS::RDS::EventSubscription'], types: { '*': '*' } },
  },
  check(ctx) {
    for (const sub of ctx.template.ofType('AWS::RDS::EventSubscription')) {
      checkTopic(ctx, sub);
      const sourceTypes = resolveStrings(ctx.template, get(sub.properties, 'SourceType'));
      for (const c of sourceTypes) {
        if (SOURCE_TYPES.has(c.value)) continue;
        ctx.report({
          range: c.at,
          message: `SourceType "${c.value}" is not an RDS event source type. Use one of ${events.sourceTypes.join(', ')}.`,
          related: relatedFor(undefined, c),
        });
      }
      // Categories are checked against one known source type; with alternatives the check would guess.
      const only = sourceTypes.length === 1 ? sourceTypes[0]! : undefined;
      const allowed = only ? CATEGORIES.get(only.value) : undefined;
      if (only && allowed) checkCategories(ctx, get(sub.properties, 'EventCategories'), only, allowed);
    }
  },
};

function checkCategories(ctx: RuleContext, node: Node | undefined, sourceType: Candidate & { value: string }, allowed: ReadonlySet<string>): void {
  const names = events.categories[sourceType.value as keyof typeof events.categories];
  for (const list of branches(node)) {
    if (list.kind !== 'seq') continue;
    for (const item of list.items) {
      for (const c of resolveStrings(ctx.template, item)) {
        if (allowed.has(normalize(c.value))) continue;
        ctx.report({
          range: c.at,
          message: `"${c.value}" is not an event category of SourceType ${sourceType.value}; the subscription would be rejected. Categories for ${sourceType.value}: ${names.join(', ')}.`,
          related: [...relatedFor(undefined, c), { range: sourceType.at, message: `SourceType is ${sourceType.value}.` }],
        });
      }
    }
  }
}

function checkTopic(ctx: RuleContext, sub: Resource): void {
  const t = ctx.template;
  const arn = get(sub.properties, 'SnsTopicArn');
  if (!arn) {
    const props = pairOf(sub.node, 'Properties');
    ctx.report({
      range: props?.keyRange ?? sub.idRange,
      message: `Event subscription ${sub.id} has no SnsTopicArn; RDS needs an SNS topic to deliver events to. Add SnsTopicArn: !Ref <your topic>.`,
    });
    return;
  }
  for (const b of branches(arn)) {
    const topic = resourceRef(t, b, SNS_TOPIC);
    const fifo = topic ? fifoEvidence(t, topic) : undefined;
    if (!topic || !fifo) continue;
    ctx.report({
      range: b.range,
      message: `${topic.id} is a FIFO topic; RDS does not publish events to FIFO topics, so the subscription would fail. Use a standard SNS topic.`,
      related: [{ range: fifo.at, message: `${topic.id} is FIFO.` }],
    });
  }
}

/** Where a topic is declared FIFO (FifoTopic true, or a TopicName ending .fifo), if it is. */
function fifoEvidence(t: Template, topic: Resource): Candidate | undefined {
  const flag = resolveStrings(t, get(topic.properties, 'FifoTopic'));
  if (flag.length > 0 && flag.every((c) => c.value.toLowerCase() === 'true')) return flag[0];
  const names = resolveStrings(t, get(topic.properties, 'TopicName'));
  return names.length > 0 && names.every((c) => c.value.endsWith('.fifo')) ? names[0] : undefined;
}
