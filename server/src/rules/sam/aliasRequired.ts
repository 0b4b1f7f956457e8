import { get, pairOf } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node } from '../../template/ast';
import { resolveStrings } from '../../template/resolve';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/**
 * Properties SAM applies to the alias AutoPublishAlias creates, so they need one
 * (VersionDeletionPolicy without it is limits/incompatible-settings').
 */
const NEEDS_ALIAS = ['DeploymentPreference', 'ProvisionedConcurrencyConfig', 'AutoPublishAliasAllProperties'];
/** SAM's pattern for alias names. */
const ALIAS_NAME = /^(?!^[0-9]+$)[a-zA-Z0-9-_]+$/;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n`);

/** sam/alias-required: alias settings need AutoPublishAlias, and the alias name must be a valid one. */
export const aliasRequired: Rule = {
  meta: {
    id: 'sam/alias-required',
    severity: 'error',
    description: 'DeploymentPreference, ProvisionedConcurrencyConfig and AutoPublishAliasAllProperties need AutoPublishAlias, whose name is letters, digits, - and _ (not only digits).',
    docs: {
      bad: changed(EXAMPLE, ['      AutoPublishAlias: live\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/automating-updates-to-serverless-apps.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const globals = pairOf(ctx.template.globals ?? { kind: 'map', pairs: [], range: { start: 0, end: 0 } }, 'Function')?.value;
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Function', 'AWS::Serverless::StateMachine')) {
      const fromGlobals = resource.type === 'AWS::Serverless::Function' && globals?.kind === 'map' ? globals : undefined;
      const alias = pairOf(props, 'AutoPublishAlias') ?? (fromGlobals && pairOf(fromGlobals, 'AutoPublishAlias'));
      const value = alias?.value;
      if (value?.kind === 'scalar' && (value.value === null || !ALIAS_NAME.test(String(value.value)))) {
        const empty = value.value === null || String(value.value) === '';
        ctx.report({
          range: empty ? alias!.keyRange : value.range,
          message: empty ? 'AutoPublishAlias is empty; SAM needs an alias name to create the alias.' : `AutoPublishAlias "${String(value.value)}" is not a valid alias name: use letters, digits, - and _, not only digits.`,
          resource: resource.id,
        });
      }
      // SAM resolves a parameter !Ref before it names the alias: its value must be a valid name too.
      if (value?.kind === 'intrinsic' && value.fn === 'Ref') {
        for (const c of resolveStrings(ctx.template, value)) {
          if (ALIAS_NAME.test(c.value)) continue;
          const related = c.via.map((range) => ({ range, message: 'The value comes from here.' }));
          ctx.report({ range: value.range, message: c.value === '' ? 'AutoPublishAlias resolves to an empty string; SAM needs an alias name to create the alias.' : `AutoPublishAlias resolves to "${c.value}", which is not a valid alias name: use letters, digits, - and _, not only digits.`, resource: resource.id, related });
          break;
        }
      }
      if (value?.kind === 'intrinsic' && value.fn !== 'Ref' && value.fn !== 'Fn::Sub' && value.fn !== 'Fn::If') {
        ctx.report({ range: value.range, message: `AutoPublishAlias is a ${value.fn}; SAM resolves only a parameter !Ref or a string there.`, resource: resource.id });
      }
      if (alias) continue;
      for (const key of NEEDS_ALIAS) {
        const p = pairOf(props, key);
        // A deployment preference that is (or may be) switched off publishes nothing.
        if (!p || (key === 'DeploymentPreference' && !enabled(get(p.value, 'Enabled')))) continue;
        ctx.report({ range: p.keyRange, message: `${key} applies to the alias SAM publishes, but ${resource.id} has no AutoPublishAlias; add one (for example AutoPublishAlias: live).`, resource: resource.id });
      }
    }
  },
};

/** True when a deployment preference's Enabled is absent (the default) or literally true. */
function enabled(node: Node | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && (node.value === true || node.value === 'true'));
}
