/**
 * Which template-defined function a value points at: the `FunctionName` of a mapping or permission,
 * a rule target's `Arn`, an API integration URI, a CloudFront association's `LambdaFunctionARN`.
 * Follows `!Ref` / `!GetAtt` / `!Sub` / `!Join` to a function, to SAM's `Fn.Alias` / `Fn.Version`, and
 * to AWS::Lambda::Version / AWS::Lambda::Alias resources whose FunctionName is a template function.
 */
import { qualifierKind } from '../arn';
import type { FunctionQualifier } from '../arn';
import { get, str } from './ast';
import type { Node, Range } from './ast';
import { functionById } from './functions';
import type { Template } from './model';
import { refTarget } from './resolve';
import { readSub } from './sub';

/** How the reference qualifies the function: as an ARN would, or `unknown` when the qualifier is not known statically. */
export type Qualifier = FunctionQualifier | 'unknown';

export interface FunctionRef {
  /** Logical id of the function. */
  readonly id: string;
  readonly qualifier: Qualifier;
  /** The node that names the function (the `!Ref`, `!GetAtt` or `!Sub`). */
  readonly range: Range;
}

const VERSION = 'AWS::Lambda::Version';
const ALIAS = 'AWS::Lambda::Alias';

/** The template-defined function `node` refers to, or undefined when it leaves the template. */
export function functionRefOf(t: Template, node: Node | undefined): FunctionRef | undefined {
  if (!node) return undefined;
  const direct = fromRef(t, node, 0);
  if (direct) return direct;
  if (node.kind !== 'intrinsic' || (node.fn !== 'Fn::Sub' && node.fn !== 'Fn::Join')) return undefined;
  return node.fn === 'Fn::Sub' ? fromSub(t, node) : fromJoin(t, node);
}

function fromRef(t: Template, node: Node, depth: number): FunctionRef | undefined {
  const target = refTarget(node);
  if (!target || depth > 2) return undefined;
  const isRef = node.kind === 'intrinsic' && node.fn === 'Ref';
  return fromName(t, target.id, isRef ? undefined : target.attr, node.range, depth);
}

/**
 * `id` (with a GetAtt attribute) as a function reference. SAM's `!Ref Fn.Version` arrives as id
 * `Fn.Version`; a Version or Alias resource is followed through its own FunctionName.
 */
function fromName(t: Template, id: string, attr: string | undefined, range: Range, depth: number): FunctionRef | undefined {
  if (functionById(t, id)) return { id, qualifier: attr === undefined || attr === 'Arn' ? 'none' : 'unknown', range };
  const dot = id.lastIndexOf('.');
  if (dot > 0 && attr === undefined) {
    const base = id.slice(0, dot);
    const suffix = id.slice(dot + 1);
    if (functionById(t, base) && (suffix === 'Version' || suffix === 'Alias')) {
      return { id: base, qualifier: suffix === 'Version' ? 'version' : 'alias', range };
    }
  }
  const r = t.resources.get(id);
  if (!r || (r.type !== VERSION && r.type !== ALIAS)) return undefined;
  const inner = fromRef(t, get(r.properties, 'FunctionName') ?? { kind: 'scalar', value: null, range }, depth + 1);
  if (!inner) return undefined;
  const qualifier: Qualifier = r.type === VERSION ? (attr === undefined ? 'version' : 'unknown') : 'alias';
  return { id: inner.id, qualifier, range };
}

/** `!Sub '${Fn.Arn}'`, `!Sub '${Fn.Arn}:3'`, `!Sub 'arn:aws:lambda:...:function:${Fn}'`, integration URIs. */
function fromSub(t: Template, node: Extract<Node, { kind: 'intrinsic' }>): FunctionRef | undefined {
  const parts = readSub(t, node)?.parts ?? [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind !== 'ref') continue;
    const ref = fromName(t, part.id, part.attr, node.range, 0);
    if (!ref) continue;
    const after = parts.slice(i + 1).map((p) => (p.kind === 'literal' ? p.text : '${?}')).join('');
    return { ...ref, qualifier: ref.qualifier === 'none' ? qualifierAfter(after) : ref.qualifier };
  }
  return undefined;
}

/** `!Join [':', [!GetAtt Fn.Arn, '3']]` and API integration URIs built with Join. */
function fromJoin(t: Template, node: Extract<Node, { kind: 'intrinsic' }>): FunctionRef | undefined {
  const arg = node.arg;
  const sep = arg.kind === 'seq' ? str(arg.items[0]) : undefined;
  const list = arg.kind === 'seq' ? arg.items[1] : undefined;
  if (sep === undefined || list?.kind !== 'seq') return undefined;
  for (let i = 0; i < list.items.length; i++) {
    const ref = fromRef(t, list.items[i]!, 0);
    if (!ref) continue;
    const rest = list.items.slice(i + 1).map((n) => (n.kind === 'scalar' ? String(n.value ?? '') : '${?}'));
    const tail = rest.length > 0 ? sep + rest.join(sep) : '';
    return { ...ref, range: node.range, qualifier: ref.qualifier === 'none' ? qualifierAfter(tail) : ref.qualifier };
  }
  return undefined;
}

/** The qualifier written after an unqualified function ARN (`:3`, `:live`, `:$LATEST`, `/invocations`). */
function qualifierAfter(rest: string): Qualifier {
  const m = /^:([^:/]*)/.exec(rest);
  if (!m) return 'none';
  const q = m[1]!;
  return q.includes('${') ? 'unknown' : qualifierKind(q);
}
