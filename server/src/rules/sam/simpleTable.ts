import { get, isNull, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';

/** The key types SAM turns into DynamoDB attribute types (S, N, B). */
const KEY_TYPES = ['String', 'Number', 'Binary'];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Orders:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      PrimaryKey:\n        Name: orderId\n        Type: String\n`);

/** sam/simple-table: a SimpleTable's PrimaryKey as SAM turns it into the table's key schema. */
export const simpleTable: Rule = {
  meta: {
    id: 'sam/simple-table',
    severity: 'error',
    description: "A SimpleTable's PrimaryKey has a Name and a Type of String, Number or Binary, which SAM turns into the DynamoDB attribute type.",
    docs: {
      bad: changed(EXAMPLE, ['Type: String', 'Type: S']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-simpletable-primarykeyobject.html',
    },
    reads: { types: { 'AWS::Serverless::SimpleTable': ['PrimaryKey'] } },
    fixable: false,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::SimpleTable')) {
      const pair = pairOf(props, 'PrimaryKey');
      const key = pair?.value;
      if (!pair || key?.kind !== 'map' || key.pairs.length === 0) continue;
      const report = (range: { start: number; end: number }, message: string) => ctx.report({ range, message: `${resource.id} PrimaryKey: ${message}`, resource: resource.id });
      const missing = ['Name', 'Type'].filter((k) => {
        const v = get(key, k);
        return v === undefined || isNull(v);
      });
      if (missing.length > 0) report(pair.keyRange, `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing; SAM needs the key's Name and its Type (${KEY_TYPES.join(', ')}).`);
      const type = get(key, 'Type');
      const value = str(type);
      if (type?.kind === 'scalar' && value !== undefined && !KEY_TYPES.includes(value)) report(type.range, `Type "${value}" is not a key type SAM knows; use ${KEY_TYPES.join(', ')}.`);
    }
  },
};
