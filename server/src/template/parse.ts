/**
 * Text -> syntax tree. YAML (and JSON, which the YAML parser reads too) is parsed once with the `yaml`
 * package; the CloudFormation tags are declared so they parse without warnings, and every node is
 * converted into the small tree of ast.ts with exact ranges. Aliases are shared, never copied, and a
 * document whose aliases would expand past a bound is refused instead of expanded (billion laughs).
 *
 * The tree holds what CloudFormation reads, which is not always what YAML 1.2 says: plain scalars
 * resolve by YAML 1.1 rules (yamlScalars.ts), flow collections with under-indented continuation lines
 * are read as PyYAML reads them (flowIndent.ts, noted as a `yaml-1.1` problem), and of a key given twice
 * in one mapping only the last entry is kept, as CloudFormation and PyYAML do (a `duplicate-key` problem).
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, Node as YamlNode, ScalarTag, CollectionTag, Tags } from 'yaml';
import { INTRINSICS, isIntrinsicName } from './ast';
import type { IntrinsicName, MapNode, Node, Pair, Range, ScalarNode } from './ast';
import { reindentFlows } from './flowIndent';
import { YAML_11_SCALARS } from './yamlScalars';
import { PARSE_LIMITS } from '../config';
import { formatBytes } from '../bytes';
import { CLOUDFORMATION_QUOTAS } from '../quotas';
import { exceedsUtf8Bytes, utf8Bytes } from './text';

/** A problem with the document itself, found before any rule runs. */
export interface ParseProblem {
  /**
   * `yaml-1.1`: text YAML 1.2 rejects but CloudFormation accepts, read as CloudFormation reads it.
   * `duplicate-key`: an earlier entry of a key given twice in one mapping, left out of the tree.
   */
  readonly kind: 'syntax' | 'alias-bomb' | 'too-large' | 'yaml-1.1' | 'duplicate-key';
  readonly message: string;
  readonly range: Range;
  /** For `duplicate-key`: the key of the entry that is kept (the last one). */
  readonly kept?: Range;
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

/** YAML templates: the core schema's collections and strings, PyYAML's scalars, the CloudFormation tags. */
const yaml11Tags = (core: Tags): Tags => [
  ...core.filter((t) => typeof t !== 'string' && ('collection' in t || t.tag === 'tag:yaml.org,2002:str')),
  ...YAML_11_SCALARS,
  ...cfnTags,
];

const EMPTY: Range = { start: 0, end: 0 };

/** Offsets in the parsed text -> offsets in the document (a fragment's base, a re-indentation's map). */
type OffsetMap = (offset: number) => number;

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
  if (!doc) return { root: undefined, problems: [] };
  return (doc.errors.some((e) => e.code === 'BAD_INDENT') && lenient(text, doc.errors.length)) || convertDocument(text, doc);
}

/**
 * The parse of `text` with its under-indented flow collections re-indented, when that leaves fewer
 * errors than the strict parse (`strictErrors`); each collection is noted as a `yaml-1.1` problem.
 */
function lenient(text: string, strictErrors: number): ParsedText | undefined {
  const padded = reindentFlows(text);
  const doc = padded && composeYaml(padded.text);
  if (!padded || !doc || doc.errors.length >= strictErrors) return undefined;
  const parsed = convertDocument(padded.text, doc, padded.toOriginal);
  const notes: ParseProblem[] = padded.lines.map((range) => ({
    kind: 'yaml-1.1',
    message: 'This line of a flow collection ([ ... ] or { ... }) is indented less than YAML 1.2 requires. CloudFormation, PyYAML and cfn-lint accept it, and Lambda Lens reads it as they do, but YAML 1.2 tools (such as a YAML extension) report it as an error. Indent the continuation lines past the key the collection belongs to.',
    range,
  }));
  return { root: parsed.root, problems: [...notes, ...parsed.problems] };
}

/** The second half of parseText: the `yaml` document turned into our tree, with its problems. */
export function convertDocument(text: string, doc: Document.Parsed, toOriginal: OffsetMap = (o) => o): ParsedText {
  const problems: ParseProblem[] = [];
  for (const e of doc.errors) {
    problems.push({ kind: 'syntax', message: e.message.split('\n')[0] ?? e.message, range: { start: toOriginal(e.pos[0]), end: toOriginal(e.pos[1]) } });
  }
  const converter = new Converter(text, doc, problems, toOriginal);
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
  const root = new Converter(fragment, doc, problems, (o) => o + base).convert(doc.contents as YamlNode);
  return problems.length === 0 ? root : undefined;
}

/**
 * The `yaml` package's parse alone (first document, CloudFormation tags known): what the benchmark
 * compares against. JSON keeps the core schema (JSON's own scalars); YAML gets YAML 1.1 scalars.
 */
export function composeYaml(text: string): Document.Parsed | undefined {
  const json = text.trimStart().startsWith('{');
  const composer = new Composer({ customTags: json ? cfnTags : yaml11Tags, uniqueKeys: false, strict: false, prettyErrors: false });
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
    private readonly at: OffsetMap,
  ) {}

  convert(n: YamlNode): Node {
    if (isAlias(n)) return this.alias(n);
    const range = this.rangeOf(n);
    const tag = n.tag;
    const fn = tag ? TAGS.get(tag) : undefined;
    if (fn) {
      const arg = this.plain(n, range);
      const found = n.range ? tagBefore(this.text, tag!, n.range[0]) : -1;
      const start = found >= 0 ? this.at(found) : range.start;
      return { kind: 'intrinsic', fn, arg, range: { start, end: range.end }, nameRange: { start, end: found >= 0 ? this.at(found + tag!.length) : start + tag!.length } };
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
        const keyRange = k ? this.rangeOf(k) : range;
        const v = item.value as YamlNode | null;
        const value: Node = v ? this.convert(v) : nullAt(keyRange.end);
        pairs.push({ key, keyRange, value });
      }
      return { kind: 'map', pairs: this.lastOfEachKey(pairs), range };
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

  /**
   * A key given twice in one mapping: CloudFormation uses the last entry (as PyYAML and JSON parsers
   * do), so the tree keeps only that one and each earlier entry becomes a `duplicate-key` problem.
   */
  private lastOfEachKey(pairs: Pair[]): Pair[] {
    if (pairs.length < 2) return pairs;
    const last = new Map<string, Pair>();
    for (const p of pairs) if (hasScalarKey(p)) last.set(p.key, p);
    if (last.size === pairs.filter(hasScalarKey).length) return pairs;
    const kept: Pair[] = [];
    for (const p of pairs) {
      const winner = hasScalarKey(p) ? last.get(p.key)! : p;
      if (winner === p) kept.push(p);
      else this.problems.push({ kind: 'duplicate-key', message: `${p.key} is given again below.`, range: p.keyRange, kept: winner.keyRange });
    }
    return kept;
  }

  /** The node's value range in the document, without the line breaks and indentation a block collection ends with. */
  private rangeOf(n: YamlNode): Range {
    const r = n.range;
    if (!r) return EMPTY;
    let end = r[1];
    while (end > r[0] && isSpace(this.text.charCodeAt(end - 1))) end--;
    return { start: this.at(r[0]), end: this.at(end) };
  }

  private alias(a: YamlNode & { source: string; resolve(doc: Document): unknown }): Node {
    const range = this.rangeOf(a);
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

/** True for a pair with a scalar key (complex keys are never compared). */
function hasScalarKey(p: Pair): boolean {
  return p.key !== '';
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
