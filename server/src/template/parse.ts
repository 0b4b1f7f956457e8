/**
 * Text -> syntax tree. YAML written in the subset templates use is read by the fast reader of
 * fastYaml.ts, which gives exactly the tree the `yaml` path below gives and declines everything
 * else. Other YAML (and JSON, which the YAML parser reads too) is parsed once with the `yaml`
 * package; the CloudFormation tags are declared so they parse without warnings, and every node is
 * converted into the small tree of ast.ts with exact ranges. JSON documents take the faster JSON
 * scanner of parseJson.ts into the same tree. Aliases are shared, never copied, and resolved through
 * one anchor table built in document order (linear in the document); a document whose aliases would
 * expand past a bound is refused instead of expanded (billion laughs), and one that nests deeper than
 * a bound is refused before any parser recurses into it.
 *
 * The tree holds what CloudFormation reads, which is not always what YAML 1.2 says: plain scalars
 * resolve by YAML 1.1 rules (yamlScalars.ts), flow collections with under-indented continuation lines
 * are read as PyYAML reads them (flowIndent.ts, noted as a `yaml-1.1` problem), and of a key given twice
 * in one mapping only the last entry is kept, as CloudFormation and PyYAML do (a `duplicate-key` problem).
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, YAMLMap, YAMLSeq } from 'yaml';
import type { Alias, CST, Document, Node as YamlNode, ScalarTag, CollectionTag, Tags } from 'yaml';
import { offsetRange } from './ast';
import type { Node, Pair, Range } from './ast';
import { DIRECTIVE_MARK, lastOfEachKey, longForm, nullAt, TAGS } from './treeBuild';
import { reindentFlows } from './flowIndent';
import { YAML_11_SCALARS } from './yamlScalars';
import { PARSE_LIMITS } from '../config';
import { formatBytes } from '../bytes';
import { CLOUDFORMATION_QUOTAS } from '../quotas';
import { exceedsUtf8Bytes, utf8Bytes } from './text';
import { parseJsonText } from './parseJson';
import { hasDocumentMarker, isJsonText, nestingBound } from './sniff';
import { readFastYaml } from './fastYaml';

/** A problem with the document itself, found before any rule runs. */
export interface ParseProblem {
  /**
   * `yaml-1.1`: text YAML 1.2 rejects but CloudFormation accepts, read as CloudFormation reads it.
   * `duplicate-key`: an earlier entry of a key given twice in one mapping, left out of the tree.
   * `too-large`, `too-deep`: the document was not parsed at all (see `isRefusal`).
   */
  readonly kind: 'syntax' | 'alias-bomb' | 'too-large' | 'too-deep' | 'yaml-1.1' | 'duplicate-key';
  readonly message: string;
  readonly range: Range;
  /** For `duplicate-key`: the key of the entry that is kept (the last one). */
  readonly kept?: Range;
}

export interface ParsedText {
  /** The document's root node; undefined for an empty or refused document. */
  readonly root: Node | undefined;
  readonly problems: readonly ParseProblem[];
  /** True when the document has YAML anchors or aliases (values shared between places). */
  readonly anchors: boolean;
  /** The document's comments that speak to Lambda Lens, in document order. */
  readonly directives: readonly Directive[];
}

/** A YAML comment naming Lambda Lens (`# lambda-lens-disable-next-line ...`), as the parser found it. */
export interface Directive {
  /** The comment, `#` included. */
  readonly range: Range;
  /** Its text after the `#`, trimmed. */
  readonly text: string;
}

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
    return refused('too-large', `This file is ${(utf8Bytes(text) / 1_000_000).toFixed(1)} MB, above the ${mb} MB Lambda Lens analyses; it was skipped. CloudFormation itself accepts templates up to ${formatBytes(CLOUDFORMATION_QUOTAS.templateS3Bytes)}.`);
  }
  if (nestingBound(text) > PARSE_LIMITS.maxDepth) {
    return refused('too-deep', `This file nests its values more than ${PARSE_LIMITS.maxDepth} levels deep (counting brackets, braces and indentation); Lambda Lens skipped it. No CloudFormation template needs that depth: look for unclosed brackets or generated nesting.`);
  }
  if (isJsonText(text)) return parseJsonText(text);
  const fast = readFastYaml(text);
  if (fast) return fast;
  // Comments are the same in a lenient re-read, so they are gathered from the document as written.
  const directives: Directive[] = [];
  const doc = composeYaml(text, directives);
  if (!doc) return { root: undefined, problems: [], anchors: false, directives };
  const parsed = (doc.errors.some((e) => e.code === 'BAD_INDENT') && lenient(text, doc.errors.length)) || convertDocument(text, doc);
  return { ...parsed, directives };
}

/** True for a problem that made Lambda Lens skip the document unread (too large, too deep). */
export function isRefusal(p: ParseProblem): boolean {
  return p.kind === 'too-large' || p.kind === 'too-deep';
}

function refused(kind: ParseProblem['kind'], message: string): ParsedText {
  return { root: undefined, problems: [{ kind, message, range: { start: 0, end: 0 } }], anchors: false, directives: [] };
}

/**
 * The parse of `text` with its under-indented flow collections re-indented, when that leaves fewer
 * errors than the strict parse (`strictErrors`); each collection is noted as a `yaml-1.1` problem.
 */
function lenient(text: string, strictErrors: number, base = 0): Omit<ParsedText, 'directives'> | undefined {
  const padded = reindentFlows(text);
  const doc = padded && composeYaml(padded.text);
  if (!padded || !doc || doc.errors.length >= strictErrors) return undefined;
  const parsed = convertDocument(padded.text, doc, (o) => padded.toOriginal(o) + base);
  const notes: ParseProblem[] = padded.lines.map((range) => ({
    kind: 'yaml-1.1',
    message: 'This line of a flow collection ([ ... ] or { ... }) is indented less than YAML 1.2 requires. CloudFormation, PyYAML and cfn-lint accept it, and Lambda Lens reads it as they do, but YAML 1.2 tools (such as a YAML extension) report it as an error. Indent the continuation lines past the key the collection belongs to.',
    range: offsetRange(range, base),
  }));
  return { root: parsed.root, problems: [...notes, ...parsed.problems], anchors: parsed.anchors };
}

/** The second half of parseText: the `yaml` document turned into our tree, with its problems (directives are gathered by composeYaml). */
export function convertDocument(text: string, doc: Document.Parsed, toOriginal: OffsetMap = (o) => o): Omit<ParsedText, 'directives'> {
  const problems: ParseProblem[] = [];
  for (const e of doc.errors) {
    problems.push({ kind: 'syntax', message: e.message.split('\n')[0] ?? e.message, range: { start: toOriginal(e.pos[0]), end: toOriginal(e.pos[1]) } });
  }
  const converter = new Converter(text, problems, toOriginal);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode) : undefined;
  return { root, problems, anchors: converter.anchors };
}

/**
 * Parses a fragment cut out of a larger document (one resource entry) with ranges offset by `base`,
 * so they are positions in the whole text, exactly as `parseText` reads the same text: the fast
 * reader where it can, else the `yaml` path with its problems (a fragment being typed is often not
 * valid YAML yet). Undefined when the fragment holds what it cannot be read alone for: anchors or
 * aliases (shared with the rest of the document), a document marker (`---`, `...`) or a directive,
 * deeper nesting than the bound, or no value at all. Whether its problems stay inside it in the whole
 * document is the caller's question.
 */
export function parseFragment(fragment: string, base: number): { root: Node; directives: Directive[]; problems: ParseProblem[] } | undefined {
  if (hasDocumentMarker(fragment) || nestingBound(fragment) > PARSE_LIMITS.maxDepth) return undefined;
  // A copy, not a slice of the document: V8 keeps a slice's whole parent string alive, and the
  // values parsed from it would pin this version of the document for as long as the resource lives.
  const own = Buffer.from(fragment, 'utf8').toString('utf8');
  const fast = readFastYaml(own, base);
  if (fast) return fast.root ? { root: fast.root, directives: [...fast.directives], problems: [...fast.problems] } : undefined;
  const found: Directive[] = [];
  const doc = composeYaml(own, found);
  if (!doc?.contents) return undefined;
  const parsed = (doc.errors.some((e) => e.code === 'BAD_INDENT') && lenient(own, doc.errors.length, base)) || convertDocument(own, doc, (o) => o + base);
  if (!parsed.root || parsed.anchors) return undefined;
  const directives = found.map((d) => ({ range: offsetRange(d.range, base), text: d.text }));
  return { root: parsed.root, directives, problems: [...parsed.problems] };
}

/**
 * The `yaml` package's parse alone (first document, CloudFormation tags known): what the benchmark
 * compares against. JSON keeps the core schema (JSON's own scalars); YAML gets YAML 1.1 scalars.
 * With `directives`, the comments naming Lambda Lens are gathered into it from the parser's syntax
 * tokens, so a marker inside a string or a block scalar is never taken for one.
 */
export function composeYaml(text: string, directives?: Directive[]): Document.Parsed | undefined {
  const composer = new Composer({ customTags: isJsonText(text) ? cfnTags : yaml11Tags, uniqueKeys: false, strict: false, prettyErrors: false });
  const tokens = new Parser().parse(text);
  const source = directives && text.includes(DIRECTIVE_MARK) ? gatherDirectives(tokens, directives) : tokens;
  for (const doc of composer.compose(source, true, text.length)) return doc;
  return undefined;
}

/** Passes the tokens through, collecting the comment tokens that name Lambda Lens wherever they sit. */
function* gatherDirectives(tokens: Iterable<CST.Token>, out: Directive[]): Generator<CST.Token> {
  for (const token of tokens) {
    const found: Directive[] = [];
    const stack: unknown[] = [token];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item);
        continue;
      }
      const t = v as { type?: unknown; source?: unknown; offset?: unknown };
      if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
        if (t.source.includes(DIRECTIVE_MARK)) found.push({ range: { start: t.offset, end: t.offset + t.source.length }, text: t.source.slice(1).trim() });
        continue;
      }
      for (const child of Object.values(v as object)) if (typeof child === 'object' && child !== null) stack.push(child);
    }
    out.push(...found.sort((a, b) => a.range.start - b.range.start));
    yield token;
  }
}

class Converter {
  /** Anchor name -> the converted node it names, as of the current point of the document. */
  private readonly anchorNodes = new Map<string, Node>();
  private readonly sizes = new WeakMap<Node, number>();
  private expanded = 0;
  private refused = false;
  /** True once an anchor or alias has been seen. */
  anchors = false;

  constructor(
    private readonly text: string,
    private readonly problems: ParseProblem[],
    private readonly at: OffsetMap,
  ) {}

  convert(n: YamlNode): Node {
    if (isAlias(n)) return this.alias(n);
    const anchor = n.anchor;
    if (!anchor) return this.node(n);
    this.anchors = true;
    // Named before its content, so an alias inside its own anchor's node terminates (as a null).
    this.anchorNodes.set(anchor, nullAt(this.rangeOf(n).start));
    const node = this.node(n);
    this.anchorNodes.set(anchor, node);
    return node;
  }

  private node(n: YamlNode): Node {
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
        if (k && (k.anchor || isAlias(k))) this.anchors = true;
        if (k?.anchor) this.anchorNodes.set(k.anchor, { kind: 'scalar', value: key, range: keyRange });
        const v = item.value as YamlNode | null;
        const value: Node = v ? this.convert(v) : nullAt(keyRange.end);
        pairs.push({ key, keyRange, value });
      }
      return { kind: 'map', pairs: lastOfEachKey(pairs, this.problems), range };
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

  /** The node's value range in the document, without the line breaks and indentation a block collection ends with. */
  private rangeOf(n: YamlNode): Range {
    const r = n.range;
    if (!r) return EMPTY;
    let end = r[1];
    while (end > r[0] && isSpace(this.text.charCodeAt(end - 1))) end--;
    return { start: this.at(r[0]), end: this.at(end) };
  }

  private alias(a: Alias): Node {
    this.anchors = true;
    const range = this.rangeOf(a);
    if (this.refused) return nullAt(range.start);
    const converted = this.anchorNodes.get(a.source);
    if (!converted) return nullAt(range.start);
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

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
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
