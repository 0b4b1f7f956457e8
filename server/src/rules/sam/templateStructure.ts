import { get, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node, Range } from '../../template/ast';
import { samGlobalsSections } from '../../schema/spec';
import type { Rule } from '../types';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION).replace('Resources:', 'Globals:\n  Function:\n    Tracing: Active\nResources:');

/** sam/template-structure: the sections and resource attributes have the shape CloudFormation and SAM read. */
export const templateStructure: Rule = {
  meta: {
    id: 'sam/template-structure',
    severity: 'error',
    description: 'Globals and Mappings are maps (Mappings two levels deep), every resource entry is a map with a Type, DependsOn names resources by string, a resource Condition is a condition name, and IgnoreGlobals lists Globals properties.',
    docs: {
      bad: changed(EXAMPLE, ['Globals:\n  Function:\n    Tracing: Active\n', 'Globals: [Tracing]\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const t = ctx.template;
    const root = t.root;
    if (!root) return;
    const report = (range: Range, message: string, resource?: string) => ctx.report({ range, message, ...(resource ? { resource } : {}) });
    for (const name of ['Globals', 'Mappings', 'Resources', 'Parameters', 'Outputs', 'Conditions']) {
      const p = pairOf(root, name);
      if (p && p.value.kind !== 'map') report(p.keyRange, `${name} must be a map; here it is ${p.value.kind === 'seq' ? 'a list' : p.value.kind === 'scalar' && p.value.value === null ? 'empty' : 'a single value'}.`);
    }
    const mappings = get(root, 'Mappings');
    if (mappings?.kind === 'map') {
      for (const m of mappings.pairs) {
        const levels = m.value.kind === 'map' && m.value.pairs.every((p) => p.value.kind === 'map');
        if (!levels) report(m.keyRange, `Mapping ${m.key} must be a map of maps (top-level key -> second-level key -> value), as Fn::FindInMap reads it.`);
      }
    }
    const resources = get(root, 'Resources');
    if (resources?.kind !== 'map') return;
    const functionGlobals = samGlobalsSections().get('Function');
    for (const entry of resources.pairs) {
      const node = entry.value;
      if (entry.key.startsWith('Fn::ForEach::')) continue;
      if (node.kind !== 'map') {
        report(entry.keyRange, `Resource ${entry.key} must be a map with a Type; if this is YAML, check its indentation.`, entry.key);
        continue;
      }
      if (!pairOf(node, 'Type')) report(entry.keyRange, `Resource ${entry.key} has no Type.`, entry.key);
      const depends = get(node, 'DependsOn');
      for (const bad of nonStrings(depends)) report(bad.range, `DependsOn of ${entry.key} must name resources by logical id (a string or a list of strings).`, entry.key);
      const condition = get(node, 'Condition');
      if (condition && str(condition) === undefined) report(condition.range, `Condition of ${entry.key} must be the name of a condition (a string).`, entry.key);
      const ignore = get(node, 'IgnoreGlobals');
      if (ignore?.kind === 'seq' && functionGlobals && str(get(node, 'Type')) === 'AWS::Serverless::Function') {
        for (const item of ignore.items) {
          const name = str(item);
          if (name !== undefined && !functionGlobals.properties.has(name)) report(item.range, `IgnoreGlobals item ${name} is not a property Globals.Function can set.`, entry.key);
        }
      }
    }
  },
};

function nonStrings(node: Node | undefined): Node[] {
  if (!node || node.kind === 'intrinsic') return [];
  if (node.kind === 'seq') return node.items.filter((i) => i.kind !== 'intrinsic' && str(i) === undefined);
  return str(node) === undefined ? [node] : [];
}
