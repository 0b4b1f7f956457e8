import { get, isNull, pairOf } from '../../template/ast';
import type { Node, Range } from '../../template/ast';
import { resolve } from '../../template/resolve';
import type { Template } from '../../template/model';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** An application of the Serverless Application Repository, as its API names it. */
const APPLICATION_ARN = /^arn:aws[a-z-]*:serverlessrepo:[a-z0-9-]+:\d{12}:applications\/[^/\s]+$/;
/** The dynamic references SAM refuses in ApplicationId (it calls the repository before CloudFormation resolves them). */
const DYNAMIC_REFERENCE = /\{\{resolve:[^}]*\}\}/;
/** The only intrinsic functions SAM resolves in Location (it calls the repository at transform time). */
const RESOLVED = new Set(['Ref', 'Fn::FindInMap']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Auth:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth\n        SemanticVersion: 1.2.0\n`);

/** sam/application: a nested application's Location that SAM can look up in the Serverless Application Repository. */
export const application: Rule = {
  meta: {
    id: 'sam/application',
    severity: 'error',
    description: "A SAM application's Location is a template URL, or an ApplicationId (a Serverless Application Repository ARN, no dynamic reference) and a SemanticVersion string, written out or through !Ref and !FindInMap only.",
    docs: {
      bad: changed(EXAMPLE, ['arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth', 'auth']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-application-applicationlocationobject.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/plugins/application/serverless_app_plugin.py'],
    },
    reads: EACH_RESOURCE,
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    for (const { resource, props } of samResources(t, 'AWS::Serverless::Application')) {
      const location = get(props, 'Location');
      if (location?.kind !== 'map') continue;
      const report = (range: Range, message: string) => ctx.report({ range, message: `${resource.id}: ${message}`, resource: resource.id });
      const locationKey = pairOf(props, 'Location')!.keyRange;
      for (const key of ['ApplicationId', 'SemanticVersion']) {
        const pair = pairOf(location, key);
        if (!pair) {
          report(locationKey, `Location has no ${key}; SAM needs ApplicationId and SemanticVersion to find the application.`);
          continue;
        }
        const problem = problemOf(t, pair.value, key);
        if (problem) report(isNull(pair.value) ? pair.keyRange : pair.value.range, `Location.${key} ${problem}`);
      }
    }
  },
};

function problemOf(t: Template, node: Node, key: string): string | undefined {
  if (isNull(node)) return 'is empty; give a value.';
  if (node.kind === 'map' || (node.kind === 'intrinsic' && !RESOLVED.has(node.fn))) {
    return 'cannot be resolved when SAM looks the application up: only !Ref to a parameter and !FindInMap work here.';
  }
  if (node.kind === 'seq') return 'must be a string, not a list.';
  for (const c of resolve(t, node)) {
    if (typeof c.value !== 'string') return `must be a string; ${String(c.value)} is ${typeof c.value === 'number' ? 'a number (quote it)' : 'not one'}.`;
    if (c.value.trim() === '') return 'is blank; give a value.';
    if (key !== 'ApplicationId') continue;
    if (DYNAMIC_REFERENCE.test(c.value)) return 'is a dynamic reference, which SAM cannot resolve: it looks the application up before CloudFormation resolves the reference. Use the ARN or a parameter.';
    if (!APPLICATION_ARN.test(c.value)) return `"${c.value}" is not the ARN of an application in the Serverless Application Repository (arn:aws:serverlessrepo:<region>:<account>:applications/<name>).`;
  }
  return undefined;
}
