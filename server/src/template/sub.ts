/**
 * The one reader of `Fn::Sub`. Both forms (`!Sub 'text'` and `!Sub ['text', { Var: value }]`) are
 * read into parts: literal text, `${X}` / `${X.Attr}` references, `${AWS::...}` pseudo parameters,
 * names bound in the variables map, and unknown parts. Every consumer (the reference graph, function
 * references, trigger targets, policies, event context, sizes, value resolution, and later
 * go-to-definition and rename) folds over these parts instead of reading the string itself.
 *
 * Each `${...}` part carries the range of its name in the document (for `${Fn.Arn}`, the range of
 * `Fn.Arn`), found for every scalar style: plain, single- and double-quoted (escapes included),
 * literal and folded block scalars, and JSON strings. Where the written text and the string's value
 * cannot be lined up exactly (a `${` written as an escape, a name broken across lines), no part of
 * that string gets a range rather than a guessed one.
 */
import { str } from './ast';
import type { IntrinsicNode, MapNode, Node, Range } from './ast';
import type { Template } from './model';

/** Literal text of the resulting string (`${!X}` already turned into `${X}`). */
export interface LiteralPart {
  readonly kind: 'literal';
  readonly text: string;
}

/** Fields every `${...}` part has. */
interface NamedPart {
  /** The name as written between `${` and `}`, without surrounding blanks. */
  readonly name: string;
  /** The name's range in the document; undefined when it cannot be told exactly. */
  readonly range: Range | undefined;
}

/** `${X}` or `${X.Attr}`: a logical id or parameter of the template (see `refKind` for which, if any). */
export interface RefPart extends NamedPart {
  readonly kind: 'ref';
  readonly id: string;
  readonly attr?: string;
}

/** `${AWS::Region}` and the other `AWS::` pseudo parameters. */
export interface PseudoPart extends NamedPart {
  readonly kind: 'pseudo';
}

/** A name bound in the variables map of the list form, with the value it is bound to. */
export interface VariablePart extends NamedPart {
  readonly kind: 'variable';
  readonly value: Node;
}

/** A part that cannot be read: `${}`, or the whole string when it is not a literal. */
export interface UnknownPart {
  readonly kind: 'unknown';
  readonly range: Range | undefined;
}

export type SubPart = LiteralPart | RefPart | PseudoPart | VariablePart | UnknownPart;

/** A `Fn::Sub` read into parts. */
export interface SubReading {
  /** The string argument (the first list item in the list form). */
  readonly string: Node | undefined;
  /** The variables map of the list form. */
  readonly variables: MapNode | undefined;
  /** The parts in order; adjacent literals are merged. A string that is not a literal is one unknown part. */
  readonly parts: readonly SubPart[];
}

const readings = new WeakMap<Node, { at: number; reading: SubReading }>();

/**
 * The parts of a `Fn::Sub` node, or undefined when `node` is not one. Memoised per node while it is
 * where it was read (`at`): a node stands for the same text for as long as it exists, and incremental
 * re-parses move the nodes after an edit in place, so the reading never depends on the template it came from.
 */
export function readSub(t: Template, node: Node | undefined): SubReading | undefined {
  if (node?.kind !== 'intrinsic' || node.fn !== 'Fn::Sub') return undefined;
  const at = node.range.start;
  const hit = readings.get(node);
  if (hit?.at === at) return hit.reading;
  const reading = read(t.text, node);
  readings.set(node, { at, reading });
  return reading;
}

/**
 * The parts of a Sub-style string that is not written in a document (a SAM policy template's ARN),
 * with `variables` bound as in the list form. Parts have no ranges.
 */
export function subStringParts(text: string, variables: ReadonlyMap<string, Node>): SubPart[] {
  return split(text).map((p) => classify(p, variables, undefined));
}

/** What a reference part names in this template: a resource, a parameter, or nothing (a typo, a SAM-generated id). */
export function refKind(t: Template, part: RefPart): 'resource' | 'parameter' | undefined {
  if (t.resources.has(part.id)) return 'resource';
  if (part.attr === undefined && t.parameters.has(part.id)) return 'parameter';
  return undefined;
}

function read(text: string, node: IntrinsicNode): SubReading {
  const arg = node.arg;
  const stringNode = arg.kind === 'seq' ? arg.items[0] : arg;
  const vars = arg.kind === 'seq' && arg.items[1]?.kind === 'map' ? arg.items[1] : undefined;
  const value = str(stringNode);
  if (value === undefined || !stringNode) return { string: stringNode, variables: vars, parts: [{ kind: 'unknown', range: stringNode?.range }] };
  const bound = new Map<string, Node>();
  for (const p of vars?.pairs ?? []) if (!bound.has(p.key)) bound.set(p.key, p.value);
  const raw = split(value);
  const ranges = nameRanges(text, stringNode.range, value, raw);
  const parts = raw.map((p, i) => classify(p, bound, ranges?.[i]));
  return { string: stringNode, variables: vars, parts };
}

/** A piece of the string before classification: literal text, or a placeholder (`open`: its `${`, `from`: its name, offsets in the value). */
type RawPart = { readonly literal: string } | { readonly name: string; readonly open: number; readonly from: number };

/** CloudFormation's reading of the string: `${name}` placeholders, `${!x}` as the literal `${x}`, an unclosed `${` as text. */
function split(value: string): RawPart[] {
  const out: RawPart[] = [];
  let literal = '';
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    const close = open < 0 ? -1 : value.indexOf('}', open + 2);
    if (open < 0 || close < 0) {
      literal += value.slice(i);
      break;
    }
    literal += value.slice(i, open);
    const inner = value.slice(open + 2, close);
    if (inner.startsWith('!')) literal += `\${${inner.slice(1)}}`;
    else {
      if (literal) out.push({ literal });
      literal = '';
      out.push({ name: inner.trim(), open, from: open + 2 + inner.length - inner.trimStart().length });
    }
    i = close + 1;
  }
  if (literal) out.push({ literal });
  return out;
}

function classify(p: RawPart, bound: ReadonlyMap<string, Node>, range: Range | undefined): SubPart {
  if ('literal' in p) return { kind: 'literal', text: p.literal };
  const name = p.name;
  if (name === '') return { kind: 'unknown', range };
  const value = bound.get(name);
  if (value) return { kind: 'variable', name, value, range };
  if (name.startsWith('AWS::')) return { kind: 'pseudo', name, range };
  const dot = name.indexOf('.');
  if (dot > 0) return { kind: 'ref', name, id: name.slice(0, dot), attr: name.slice(dot + 1), range };
  return { kind: 'ref', name, id: name, range };
}

/**
 * Document ranges of each placeholder's name, by lining up the `${` of the value with the `${`
 * written in the scalar's source, in order. Undefined (no ranges at all) unless there are as many
 * of each and the source holds each placeholder verbatim at the matching place.
 */
function nameRanges(text: string, at: Range, value: string, parts: readonly RawPart[]): Array<Range | undefined> | undefined {
  const valueOpens: number[] = [];
  for (let i = value.indexOf('${'); i >= 0; i = value.indexOf('${', i + 2)) valueOpens.push(i);
  const sourceOpens: number[] = [];
  for (let i = text.indexOf('${', at.start); i >= 0 && i < at.end; i = text.indexOf('${', i + 2)) sourceOpens.push(i);
  if (valueOpens.length !== sourceOpens.length) return undefined;
  const out: Array<Range | undefined> = [];
  for (const p of parts) {
    if ('literal' in p) {
      out.push(undefined);
      continue;
    }
    const source = sourceOpens[valueOpens.indexOf(p.open)];
    if (source === undefined) return undefined;
    const start = source + (p.from - p.open);
    const end = start + p.name.length;
    if (text.slice(source, end) !== value.slice(p.open, p.from + p.name.length)) return undefined;
    out.push({ start, end });
  }
  return out;
}
