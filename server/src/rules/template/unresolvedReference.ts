import { closestName } from '../../names';
import { entriesAside, entryReferences } from '../../template/refs';
import type { Reference } from '../../template/refs';
import { missingAttribute, referenceTarget } from '../../template/referenceTargets';
import { SAM_NAME_PROPERTIES, samGenerated } from '../../template/samGenerated';
import type { Template } from '../../template/model';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from '../sam/examples';
import type { Fix, Rule, RuleContext } from '../types';

/** The documented good example; the bad one names a role that is not in the template. */
const EXAMPLE = samTemplate(
  FUNCTION,
  `  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Environment:
        Variables:
          WRITER_ARN: !GetAtt Fn.Arn
`,
);

/** How each reference form is written, for messages. */
const FORM: Readonly<Record<Reference['kind'], string>> = {
  Ref: 'Ref',
  GetAtt: '!GetAtt',
  Sub: '${} in !Sub',
  DependsOn: 'DependsOn',
  Condition: 'Condition',
  ConnectorId: 'the connector Id',
};

/** Keys of a resource entry CloudFormation does not resolve intrinsics in. */
const UNRESOLVED_KEYS: ReadonlySet<string> = new Set(['Metadata']);

/** The check of one entry's references, and of the references outside the resources' entries. */
const PARTS = {
  resource: (ctx: RuleContext, id: string) => checkAll(ctx, entryReferences(ctx.template, id)),
  rest: (ctx: RuleContext) => checkAll(ctx, entriesAside(ctx.template)),
};

/** template/unresolved-reference: every Ref, GetAtt, Sub name, DependsOn and Condition names something that exists. */
export const unresolvedReference: Rule = {
  meta: {
    id: 'template/unresolved-reference',
    severity: 'error',
    description: '`Ref`, `!GetAtt`, `${X}` in `!Sub`, `DependsOn` and `Condition` name a resource, parameter or condition of the template (or one SAM generates), and `!GetAtt` an attribute the type has.',
    docs: {
      bad: changed(EXAMPLE, ['!GetAtt Fn.Arn', '!GetAtt Writer.Arn']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html',
      references: [
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html',
        'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html',
      ],
    },
    // A reference resolves against the names of every resource and what SAM generates from each:
    // a change to those runs every check again; an entry's own references are checked one entry at a time.
    reads: { types: SAM_NAME_PROPERTIES },
    fixable: true,
  },
  check(ctx) {
    PARTS.rest(ctx);
    for (const id of ctx.template.resources.keys()) PARTS.resource(ctx, id);
  },
  byEntry: PARTS,
};

/** Reports each of `refs` that names nothing, or an attribute its target does not have. */
function checkAll(ctx: RuleContext, refs: readonly Reference[]): void {
  const t = ctx.template;
  for (const r of refs) {
    if (UNRESOLVED_KEYS.has(r.key ?? '')) continue;
    const target = referenceTarget(t, r);
    if (!target) {
      const range = r.idRange ?? r.nameRange ?? r.range;
      const suggestion = closestName(r.to, candidates(t, r));
      const fix: Fix[] = suggestion && r.idRange ? [{ title: `Change to ${suggestion}`, edits: [{ range: r.idRange, newText: suggestion }] }] : [];
      ctx.report({ range, message: unresolvedMessage(t, r, suggestion), fixes: fix, ...(r.from && t.resources.has(r.from) ? { resource: r.from } : {}) });
      continue;
    }
    if (r.attr === undefined || (r.kind !== 'GetAtt' && r.kind !== 'Sub')) continue;
    const missing = missingAttribute(t, target, r.attr);
    if (!missing) continue;
    const suggestion = closestName(missing.attribute, missing.attributes);
    // The attribute's own range: `Name` of `Fn.Alias.Name` is at the end of the written attribute.
    const at = r.attrRange ? { start: r.attrRange.end - missing.attribute.length, end: r.attrRange.end } : undefined;
    const fix: Fix[] = suggestion && at ? [{ title: `Change to ${suggestion}`, edits: [{ range: at, newText: suggestion }] }] : [];
    ctx.report({
      range: at ?? r.nameRange ?? r.range,
      message: `${missing.of} (${missing.type}) has no attribute ${missing.attribute}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; CloudFormation rejects the template. Its attributes: ${missing.attributes.join(', ')}.`,
      fixes: fix,
      ...(r.from && t.resources.has(r.from) ? { resource: r.from } : {}),
    });
  }
}

/** The names `r` could have meant. */
function candidates(t: Template, r: Reference): string[] {
  if (r.kind === 'Condition') return [...t.conditions.keys()];
  const resources = [...t.resources.keys(), ...samGenerated(t).resources.map((g) => g.id)];
  if (r.kind === 'GetAtt' || r.kind === 'DependsOn' || r.kind === 'ConnectorId' || r.attr !== undefined) return resources;
  return [...t.parameters.keys(), ...resources];
}

function unresolvedMessage(t: Template, r: Reference, suggestion: string | undefined): string {
  const written = r.kind === 'GetAtt' ? `!GetAtt ${r.to}${r.attr !== undefined ? `.${r.attr}` : ''}` : r.kind === 'Sub' ? `\${${r.to}${r.attr !== undefined ? `.${r.attr}` : ''}}` : `${FORM[r.kind]} ${r.to}`;
  const mean = suggestion ? ` Did you mean ${suggestion}?` : '';
  if (r.kind === 'Condition') return `${written} names no condition of the template's Conditions section; CloudFormation rejects the template.${mean} Declare the condition or correct the name.`;
  if (r.to.startsWith('AWS::')) return `${written}: ${r.to} is not a pseudo parameter; CloudFormation rejects the template.${mean}`;
  const why = samGenerated(t).explain(r.to) ?? samGenerated(t).explain(r.to.split('.').slice(0, 2).join('.'));
  if (t.parameters.has(r.to)) {
    return `${written}: ${r.to} is a parameter, and ${r.kind === 'DependsOn' ? 'DependsOn names resources only' : 'a parameter has no attributes'}; CloudFormation rejects the template. Use !Ref ${r.to}.`;
  }
  const what = r.kind === 'GetAtt' || r.kind === 'DependsOn' || r.kind === 'ConnectorId' || r.attr !== undefined ? 'a resource' : 'a resource or parameter';
  return `${written} names ${r.to}, which is not ${what} of this template${why ? ` (${why})` : ''}; CloudFormation rejects the template.${mean} Declare ${r.to} or correct the name.`;
}
