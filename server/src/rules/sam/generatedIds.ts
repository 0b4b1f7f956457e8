import { get } from '../../template/ast';
import { functionById } from '../../template/functions';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samEvents, withEvents } from './events';

/** Event types SAM invokes through a resource-based permission named `<function><event>Permission`. */
const PERMISSION_EVENTS: ReadonlySet<string> = new Set(['S3', 'SNS', 'Api', 'HttpApi', 'Schedule', 'CloudWatchEvent', 'EventBridgeRule', 'CloudWatchLogs', 'IoTRule', 'AlexaSkill', 'Cognito']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION, `  FnExecutionRole:\n    Type: AWS::SNS::Topic\n`);

/** sam/generated-ids: no resource of the template takes a logical id SAM generates. */
export const generatedIds: Rule = {
  meta: {
    id: 'sam/generated-ids',
    severity: 'error',
    description: 'No resource is named like one SAM generates: `<Function>Role` for a function without Role, `<Function><Event>` for an event source, `<Function><Event>Permission` for its permission.',
    docs: {
      bad: changed(EXAMPLE, ['FnExecutionRole:', 'FnRole:']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html',
    },
    fixable: false,
    reads: { types: { '*': [], ...withEvents('*') } },
  },
  check(ctx) {
    const t = ctx.template;
    const clash = (ownerId: string, generated: string, what: string) => {
      const other = t.resources.get(generated);
      if (!other) return;
      ctx.report({ range: other.idRange, message: `${generated} is the logical id SAM gives ${what} of ${ownerId}; SAM refuses to overwrite it. Rename this resource.`, resource: ownerId });
    };
    for (const r of t.ofType('AWS::Serverless::Function')) {
      if (!get(functionById(t, r.id)?.props, 'Role')) clash(r.id, `${r.id}Role`, 'the execution role');
    }
    for (const e of samEvents(t)) {
      clash(e.resource.id, `${e.resource.id}${e.id}`, `the ${e.type ?? ''} event source ${e.id}`);
      if (e.type && PERMISSION_EVENTS.has(e.type) && e.resource.type === 'AWS::Serverless::Function') clash(e.resource.id, `${e.resource.id}${e.id}Permission`, `the permission of event ${e.id}`);
    }
  },
};
