/**
 * Text -> syntax tree. YAML (and JSON, which the YAML parser reads too) is parsed once with the `yaml`
 * package; the CloudFormation tags are declared so they parse without warnings, and every node is
 * converted into the small tree of ast.ts with exact ranges. Aliases are shared, never copied, and a
 * document whose aliases would expand past a bound is refused instead of expanded (billion laughs).
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, Node as YamlNode, ScalarTag, CollectionTag } from 'yaml';
import { INTRINSICS, isIntrinsicName } from './ast';
import type { IntrinsicName, MapNode, Node, Pair, Range, ScalarNode } from './ast';
import { PARSE_LIMITS } from '../config';
import { formatBytes } from '../bytes';
import { CLOUDFORMATION_QUOTAS } from '../quotas';
import { exceedsUtf8Bytes, utf8Bytes } from './text';

/** A problem with the document itself, found before any rule runs. */
export interface ParseProblem {
  readonly kind: 'syntax' | 'alias-bomb' | 'too-large';
  readonly message: string;
  readonly range: Range;
}

export interface ParsedText {
  /** The document's root node; undefined for an empty or refused document. */
  readonly root: Node | undefined;
  readonly problems: readonly ParseProblem[];
}

/** Short-form tag -> long-form intrinsic name (`!GetAtt` -> `Fn::GetAtt`). */
const TAGS = new Map<string, IntrinsicName>(
  INTRINSICS.map((fn) => [`!${fn.startsWith('Fn::') ? fn.slice(4) : fn}`, fn]),
);

const cfnTags: Array<ScalarTag | CollectionTag> = [...TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (s: string) => s } as ScalarTag,
  { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (c: unknown) => c } as unknown as CollectionTag,
  { tag, collection: 'map', nodeClass: YAMLMap, resolve: (c: unknown) => c } as unknown as CollectionTag,
]);

const EMPTY: Range = { start: 0, end: 0 };

/** Parses template text into the syntax tree. Never throws. */
export function parseText(text: string): ParsedText {
  if (exceedsUtf8Bytes(text, PARSE_LIMITS.maxFileBytes)) {
    const mb = (PARSE_LIMITS.maxFileBytes / 1_000_000).toFixed(0);
    return {
      root: undefined,
      problems: [{
        kind: 'too-large',
        message: `This file is ${(utf8Bytes(text) / 1_000_000).toFixed(1)} MB, above the ${mb} MB Lambda Lens analyses; it was skipped. CloudFormation itself accepts templates up to ${formatBytes(CLOUDFORMATION_QUOTAS.templateS3Bytes)}.`,
        range: { start: 0, end: 0 },
      }],
    };
  }
  const doc = composeYaml(text);
  return doc ? convertDocument(text, doc) : { root: undefined, problems: [] };
}

/** The second half of parseText: the `yaml` document turned into our tree, with its problems. */
export function convertDocument(text: string, doc: Document.Parsed): ParsedText {
  const problems: ParseProblem[] = [];
  for (const e of doc.errors) {
    problems.push({ kind: 'syntax', message: e.message.split('\n')[0] ?? e.message, range: { start: e.pos[0], end: e.pos[1] } });
  }
  const converter = new Converter(text, doc, problems, 0);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode) : undefined;
  return { root, problems };
}

/**
 * Parses a fragment cut out of a larger document (one resource entry) with ranges offset by `base`,
 * so they are positions in the whole text. Undefined when the fragment does not parse cleanly.
 */
export function parseFragment(fragment: string, base: number): Node | undefined {
  const doc = composeYaml(fragment);
  if (!doc || doc.errors.length > 0 || !doc.contents) return undefined;
  const problems: ParseProblem[] = [];
  const root = new Converter(fragment, doc, problems, base).convert(doc.contents as YamlNode);
  return problems.length === 0 ? root : undefined;
}

/** The `yaml` package's parse alone (first document, CloudFormation tags known): what the benchmark compares against. */
export function composeYaml(text: string): Document.Parsed | undefined {
  const composer = new Composer({ customTags: cfnTags, uniqueKeys: false, strict: false, prettyErrors: false });
  for (const doc of composer.compose(new Parser().parse(text), true, text.length)) return doc;
  return undefined;
}

class Converter {
  private readonly aliasTargets = new Map<YamlNode, Node>();
  private readonly sizes = new WeakMap<Node, number>();
  private expanded = 0;
  private refused = false;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly problems: ParseProblem[],
    private readonly base: number,
  ) {}

  convert(n: YamlNode): Node {
    if (isAlias(n)) return this.alias(n);
    const range = rangeOf(n, this.text, this.base);
    const tag = n.tag;
    const fn = tag ? TAGS.get(tag) : undefined;
    if (fn) {
      const arg = this.plain(n, range);
      const found = tagBefore(this.text, tag!, range.start - this.base);
      const start = found >= 0 ? found + this.base : range.start;
      return { kind: 'intrinsic', fn, arg, range: { start, end: range.end }, nameRange: { start, end: start + tag!.length } };
    }
    const node = this.plain(n, range);
    return node.kind === 'map' ? longForm(node) : node;
  }

  /** Converts a node ignoring its tag. */
  private plain(n: YamlNode, range: Range): Node {
    if (isMap(n)) {
      const pairs: Pair[] = [];
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const k = item.key as YamlNode | null;
        const key = k && isScalar(k) ? String(k.value) : '';
        const keyRange = k ? rangeOf(k, this.text, this.base) : range;
        const v = item.value as YamlNode | null;
        const value: Node = v ? this.convert(v) : nullAt(keyRange.end);
        pairs.push({ key, keyRange, value });
      }
      return { kind: 'map', pairs, range };
    }
    if (isSeq(n)) {
      const items: Node[] = [];
      for (const item of n.items) items.push(item ? this.convert(item as YamlNode) : nullAt(range.end));
      return { kind: 'seq', items, range };
    }
    if (isScalar(n)) {
      const v = n.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      return { kind: 'scalar', value, range };
    }
    return nullAt(range.start);
  }

  private alias(a: YamlNode & { source: string; resolve(doc: Document): unknown }): Node {
    const range = rangeOf(a, this.text, this.base);
    if (this.refused) return nullAt(range.start);
    const target = a.resolve(this.doc) as YamlNode | undefined;
    if (!target) return nullAt(range.start);
    let converted = this.aliasTargets.get(target);
    if (!converted) {
      // Mark first so a self-referencing anchor terminates.
      this.aliasTargets.set(target, nullAt(range.start));
      converted = this.convert(target);
      this.aliasTargets.set(target, converted);
    }
    this.expanded += this.size(converted);
    if (this.expanded > PARSE_LIMITS.maxAliasExpansion) {
      // An inner alias may have been refused already while converting this target.
      if (this.refused) return nullAt(range.start);
      this.refused = true;
      this.problems.push({
        kind: 'alias-bomb',
        message: `YAML aliases in this file would expand to more than ${PARSE_LIMITS.maxAliasExpansion.toLocaleString('en-US')} nodes; they were not expanded. CloudFormation does not accept YAML aliases; repeat the values or use Globals.`,
        range,
      });
      return nullAt(range.start);
    }
    return converted;
  }

  /** Node count of a subtree, memoised so shared alias targets are counted in O(1). */
  private size(node: Node): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (node.kind === 'map') for (const p of node.pairs) total += this.size(p.value);
    else if (node.kind === 'seq') for (const i of node.items) total += this.size(i);
    else if (node.kind === 'intrinsic') total += this.size(node.arg);
    this.sizes.set(node, total);
    return total;
  }
}

/** `{ "Ref": "X" }` / `{ "Fn::Sub": ... }` (JSON or YAML long form) -> the intrinsic node. */
function longForm(map: MapNode): Node {
  if (map.pairs.length !== 1) return map;
  const only = map.pairs[0]!;
  if (!isIntrinsicName(only.key)) return map;
  // `Condition` and `Ref` take a string; a single `Condition:` key holding a map is an IAM condition block.
  if ((only.key === 'Condition' || only.key === 'Ref') && only.value.kind !== 'scalar') return map;
  return { kind: 'intrinsic', fn: only.key, arg: only.value, range: map.range, nameRange: only.keyRange };
}

/** The node's value range, without the line breaks and indentation a block collection ends with. */
function rangeOf(n: YamlNode, text: string, base: number): Range {
  const r = n.range;
  if (!r) return EMPTY;
  let end = r[1];
  while (end > r[0] && isSpace(text.charCodeAt(end - 1))) end--;
  return { start: r[0] + base, end: end + base };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function nullAt(offset: number): ScalarNode {
  return { kind: 'scalar', value: null, range: { start: offset, end: offset } };
}

/**
 * The offset of the tag written before a value at `offset`: the last occurrence that is not inside a
 * comment (`!Sub # like !Sub` followed by the value on the next line), or -1.
 */
function tagBefore(text: string, tag: string, offset: number): number {
  let at = text.lastIndexOf(tag, offset);
  while (at > 0 && inComment(text, at)) at = text.lastIndexOf(tag, at - 1);
  return at;
}

/** True when `offset` lies after a `#` that starts a comment on its line (outside quotes). */
function inComment(text: string, offset: number): boolean {
  let quote = '';
  for (let i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return true;
  }
  return false;
}
