import { str, walk } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node } from '../../template/ast';
import { readSub, refKind } from '../../template/sub';
import type { Rule } from '../types';
import { EACH_RESOURCE } from '../helpers';

/** Parameter types whose value is a list (`List<...>`, CommaDelimitedList, and their SSM forms). */
const LIST_PARAMETER = /^(List<|CommaDelimitedList$|AWS::SSM::Parameter::Value<(List<|CommaDelimitedList>))/;

/** Argument shapes CloudFormation (and the SAM translator before it) requires of intrinsic functions. */
function problem(fn: string, arg: Node): string | undefined {
  switch (fn) {
    case 'Fn::If':
      return arg.kind === 'seq' && arg.items.length === 3 ? undefined : 'Fn::If takes a list of three: a condition name, the value if true, the value if false.';
    case 'Fn::FindInMap':
      return arg.kind === 'seq' && (arg.items.length === 3 || arg.items.length === 4) ? undefined : 'Fn::FindInMap takes a list of three: the map name, the top-level key, the second-level key.';
    case 'Fn::Sub': {
      if (arg.kind === 'scalar') return undefined;
      if (arg.kind !== 'seq' || arg.items.length !== 2) return arg.kind === 'seq' ? 'Fn::Sub takes a string, or a list of a string and a map of variables.' : undefined;
      const vars = arg.items[1]!;
      if (vars.kind !== 'map' && vars.kind !== 'intrinsic') return 'the second item of Fn::Sub must be a map of variables.';
      if (vars.kind === 'map') for (const v of vars.pairs) if (v.value.kind === 'seq' || v.value.kind === 'map') return `Fn::Sub variable ${v.key} must be a string (or a function returning one), not a ${v.value.kind === 'seq' ? 'list' : 'map'}.`;
      return undefined;
    }
    case 'Fn::Equals':
      return arg.kind === 'seq' && arg.items.length === 2 ? undefined : 'Fn::Equals takes a list of two values.';
    case 'Fn::Select':
      return arg.kind === 'seq' && arg.items.length === 2 ? undefined : 'Fn::Select takes a list of two: an index and a list.';
    case 'Fn::Join':
      return arg.kind === 'seq' && arg.items.length === 2 ? undefined : 'Fn::Join takes a list of two: a delimiter and a list.';
    case 'Condition':
      return str(arg) !== undefined ? undefined : 'Condition takes a condition name (a string).';
    default:
      return undefined;
  }
}

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Description: !If [IsProd, production, staging]\n`).replace('Resources:', 'Parameters:\n  Stage: { Type: String, Default: prod }\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:');

/** sam/intrinsic-arguments: intrinsic functions with arguments of the shape they take. */
export const intrinsicArguments: Rule = {
  meta: {
    id: 'sam/intrinsic-arguments',
    severity: 'error',
    description: 'Fn::If, Fn::FindInMap, Fn::Sub, Fn::Equals, Fn::Select, Fn::Join and Condition have arguments of the shape they take (for example Fn::If a list of three), and Fn::Sub names no list parameter in its string.',
    docs: {
      bad: changed(EXAMPLE, ['!If [IsProd, production, staging]', '!If [IsProd, production]']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const t = ctx.template;
    const root = t.root;
    if (!root) return;
    const visit = (node: Node, resource: string | undefined) => {
      const at = resource ? { resource } : {};
      walk(node, (n) => {
        if (n.kind !== 'intrinsic') return;
        const p = problem(n.fn, n.arg);
        if (p) ctx.report({ range: n.nameRange, message: `${p} CloudFormation rejects this template.`, ...at });
        if (n.fn !== 'Fn::Sub') return;
        for (const part of readSub(t, n)?.parts ?? []) {
          if (part.kind !== 'ref' || refKind(t, part) !== 'parameter') continue;
          const type = t.parameters.get(part.id)?.type;
          if (type !== undefined && LIST_PARAMETER.test(type)) {
            ctx.report({ range: part.range ?? n.nameRange, message: `Fn::Sub names \${${part.name}}, a parameter of type ${type}: a list, which Fn::Sub cannot put into its string. Join it first and pass it as a variable: !Sub ['...\${Items}...', { Items: !Join [',', !Ref ${part.name}] }].`, ...at });
          }
        }
      });
    };
    for (const section of root.pairs) {
      if (section.key === 'Resources' && section.value.kind === 'map') for (const r of section.value.pairs) visit(r.value, r.key);
      else if (section.key === 'Outputs' || section.key === 'Conditions' || section.key === 'Globals') visit(section.value, undefined);
    }
  },
};
