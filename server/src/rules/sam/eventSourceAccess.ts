import { get, isNull, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node } from '../../template/ast';
import type { Rule } from '../types';
import { samEvents } from './events';
import { EACH_RESOURCE } from '../helpers';

/**
 * What the translator accepts in SourceAccessConfigurations, per event type: the Type values, the
 * authentication types of which exactly one (or at most one) is needed, and other keys it requires.
 */
const ACCESS: Readonly<Record<string, { readonly types: readonly string[]; readonly auth: readonly string[]; readonly authRequired: boolean; readonly required: readonly string[] }>> = {
  MQ: { types: ['BASIC_AUTH', 'VIRTUAL_HOST'], auth: ['BASIC_AUTH'], authRequired: true, required: ['SourceAccessConfigurations'] },
  DocumentDB: { types: ['BASIC_AUTH'], auth: ['BASIC_AUTH'], authRequired: true, required: ['SourceAccessConfigurations'] },
  SelfManagedKafka: {
    types: ['BASIC_AUTH', 'SASL_SCRAM_256_AUTH', 'SASL_SCRAM_512_AUTH', 'VPC_SUBNET', 'VPC_SECURITY_GROUP', 'CLIENT_CERTIFICATE_TLS_AUTH', 'SERVER_ROOT_CA_CERTIFICATE'],
    auth: ['BASIC_AUTH', 'SASL_SCRAM_256_AUTH', 'SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH'],
    authRequired: false,
    required: ['SourceAccessConfigurations', 'KafkaBootstrapServers', 'Topics'],
  },
};

/** The entries that put a self-managed Kafka event in a VPC: both or neither. */
const VPC_TYPES = ['VPC_SUBNET', 'VPC_SECURITY_GROUP'];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Events:\n        Orders:\n          Type: MQ\n          Properties:\n            Broker: arn:aws:mq:us-east-1:123456789012:broker:orders:b-1\n            Queues: [orders]\n            SourceAccessConfigurations:\n              - Type: BASIC_AUTH\n                URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:mq\n`);

/** sam/event-source-access: MQ, DocumentDB and self-managed Kafka events have the access configuration SAM needs. */
export const eventSourceAccess: Rule = {
  meta: {
    id: 'sam/event-source-access',
    severity: 'error',
    description: 'MQ, DocumentDB and SelfManagedKafka events have a SourceAccessConfigurations list with known types, one authentication entry with a URI, and (Kafka) bootstrap servers, a single topic, and a VPC subnet and security group together.',
    docs: {
      bad: changed(EXAMPLE, ['Type: BASIC_AUTH', 'Type: VIRTUAL_HOST']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-mq.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const e of samEvents(ctx.template)) {
      const spec = e.type ? ACCESS[e.type] : undefined;
      if (!spec || !e.props) continue;
      const report = (node: { range: { start: number; end: number } }, message: string) => ctx.report({ range: node.range, message: `Event ${e.id} (${e.type}): ${message}`, resource: e.resource.id });
      for (const key of spec.required) if (!get(e.props, key)) report({ range: e.propsKey }, `${key} is missing; SAM needs it for this event source.`);
      const topics = get(e.props, 'Topics');
      if (e.type === 'SelfManagedKafka' && topics?.kind === 'seq' && topics.items.length !== 1) report(topics, `Topics has ${topics.items.length} entries; a self-managed Kafka event reads exactly one topic.`);
      checkAccess(get(e.props, 'SourceAccessConfigurations'), spec, report);
    }
  },
};

function checkAccess(list: Node | undefined, spec: (typeof ACCESS)[string], report: (node: { range: { start: number; end: number } }, message: string) => void): void {
  if (list && list.kind !== 'seq' && list.kind !== 'intrinsic' && !isNull(list)) return report(list, 'SourceAccessConfigurations must be a list of { Type, URI } entries.');
  if (list?.kind !== 'seq') return;
  const auth: Node[] = [];
  const vpc = new Map<string, Node>();
  for (const item of list.items) {
    const typeNode = get(item, 'Type');
    const type = str(typeNode);
    if (type === undefined) return;
    if (!spec.types.includes(type)) {
      report(typeNode!, `"${type}" is not a SourceAccessConfigurations type here; SAM accepts ${spec.types.join(', ')}.`);
      continue;
    }
    if (VPC_TYPES.includes(type)) vpc.set(type, item);
    if (spec.auth.includes(type)) {
      auth.push(item);
      if (get(item, 'URI') === undefined) report(typeNode!, `the ${type} entry has no URI; give the Secrets Manager secret's ARN.`);
    }
  }
  // Lambda reaches a self-managed cluster in a VPC through both a subnet and a security group.
  const [one] = [...vpc.values()];
  if (vpc.size === 1) report(one!, `SourceAccessConfigurations has ${[...vpc.keys()][0]} without ${VPC_TYPES.find((v) => !vpc.has(v))}; SAM needs both to reach the cluster in its VPC.`);
  if (auth.length > 1) report(auth[1]!, `SourceAccessConfigurations has ${auth.length} authentication entries (${spec.auth.join(', ')}); SAM takes one.`);
  if (spec.authRequired && auth.length === 0) report(list, `SourceAccessConfigurations has no ${spec.auth.join(' or ')} entry; SAM needs one with the secret's URI.`);
}
