import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { EACH_RESOURCE } from '../helpers';

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const SECTIONS: Readonly<Record<string, string>> = { Resources: 'resource', Parameters: 'parameter', Outputs: 'output', Conditions: 'condition' };

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION);

/** sam/logical-id: logical ids are alphanumeric. */
export const logicalId: Rule = {
  meta: {
    id: 'sam/logical-id',
    severity: 'error',
    description: 'Logical ids of resources, parameters, outputs and conditions contain only letters and digits (A-Z, a-z, 0-9).',
    docs: {
      bad: changed(EXAMPLE, ['  Fn:\n', '  orders-function:\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const section of ctx.template.root?.pairs ?? []) {
      const what = SECTIONS[section.key];
      if (!what || section.value.kind !== 'map') continue;
      for (const { key: id, keyRange } of section.value.pairs) {
        if (ALPHANUMERIC.test(id) || id.startsWith('Fn::ForEach::')) continue;
        ctx.report({ range: keyRange, message: `The ${what} id "${id}" is not alphanumeric; CloudFormation logical ids contain only letters and digits. Rename it (for example ${id.replace(/[^A-Za-z0-9]/g, '') || 'Resource1'}).` });
      }
    }
  },
};
