/**
 * Function views: every AWS::Lambda::Function and AWS::Serverless::Function with the properties that
 * apply to it. For SAM functions `Globals.Function` is merged under the resource's own Properties the
 * way SAM does it: scalars overridden by the resource, maps merged key by key, lists appended. Merged
 * nodes keep the range they were written at, so a bad Globals value is reported once, at Globals.
 */
import { get } from './ast';
import type { MapNode, Node, Pair, Range } from './ast';
import type { Resource, Template } from './model';
import { isNoValue } from './resolve';

export const SAM_FUNCTION = 'AWS::Serverless::Function';
export const LAMBDA_FUNCTION = 'AWS::Lambda::Function';
/** Both function types, for rules that check functions one at a time (`RuleReads.each`). */
export const FUNCTION_TYPES: readonly string[] = [SAM_FUNCTION, LAMBDA_FUNCTION];

export interface FunctionView {
  readonly id: string;
  readonly resource: Resource;
  /** True for AWS::Serverless::Function. */
  readonly sam: boolean;
  /** Effective properties (Globals merged for SAM). Empty map when the resource has none. */
  readonly props: MapNode;
  /** Ranges inside `Globals.Function`, so a rule can tell a value came from Globals. */
  readonly globalsRange: Range | undefined;
}

/** All functions of the template, in document order, computed once per model. */
export function functionsOf(t: Template): readonly FunctionView[] {
  return t.memo('functions', buildViews);
}

/**
 * The function view for a logical id, if it is a function. Built for that function alone (the same
 * object `functionsOf` lists), so a lookup works in a scope where other functions are not listed.
 */
export function functionById(t: Template, id: string): FunctionView | undefined {
  const r = t.resources.get(id);
  return r && (r.type === SAM_FUNCTION || r.type === LAMBDA_FUNCTION) ? viewOf(t, r) : undefined;
}

/** True when the function runs on Lambda Managed Instances (a CapacityProviderConfig other than `!Ref AWS::NoValue`). */
export function onManagedInstances(f: FunctionView): boolean {
  const v = get(f.props, 'CapacityProviderConfig');
  return v !== undefined && !isNoValue(v);
}

/** True when `range` lies inside the function's Globals section (the value was inherited). */
export function fromGlobals(f: FunctionView, range: Range): boolean {
  return f.globalsRange !== undefined && range.start >= f.globalsRange.start && range.end <= f.globalsRange.end;
}

function buildViews(t: Template): FunctionView[] {
  const views: FunctionView[] = [];
  for (const r of t.resources.values()) if (r.type === SAM_FUNCTION || r.type === LAMBDA_FUNCTION) views.push(viewOf(t, r));
  return views;
}

/**
 * Views by resource, with the `Globals.Function` node each was merged with: a view depends on nothing
 * else, so the scopes of an incremental validation and the versions that keep both share it.
 */
const views = new WeakMap<Resource, { readonly globals: MapNode | undefined; readonly view: FunctionView }>();

/** The view of one function resource: one object per model, built once per resource and Globals section. */
function viewOf(t: Template, r: Resource): FunctionView {
  const inModel = t.memo('functionViews', () => new Map<Resource, FunctionView>());
  const seen = inModel.get(r);
  if (seen) return seen;
  const globalsNode = get(t.globals, 'Function');
  const globals = globalsNode?.kind === 'map' ? globalsNode : undefined;
  const known = views.get(r);
  if (known && known.globals === globals) {
    inModel.set(r, known.view);
    return known.view;
  }
  const sam = r.type === SAM_FUNCTION;
  const own = r.properties ?? { kind: 'map', pairs: [], range: r.idRange };
  const inherited = sam && globals ? withoutIgnored(globals, get(r.node, 'IgnoreGlobals')) : undefined;
  const props = inherited ? mergeMaps(inherited, own) : own;
  const view: FunctionView = { id: r.id, resource: r, sam, props, globalsRange: sam ? globals?.range : undefined };
  views.set(r, { globals, view });
  inModel.set(r, view);
  return view;
}

/**
 * The Globals a function inherits after its `IgnoreGlobals` attribute (`'*'` or a list of property
 * names): SAM leaves those out of the merge, e.g. so an image function skips a Globals Runtime.
 */
function withoutIgnored(globals: MapNode, ignore: Node | undefined): MapNode | undefined {
  if (!ignore) return globals;
  if (ignore.kind === 'scalar' && ignore.value === '*') return undefined;
  const names = new Set<unknown>(ignore.kind === 'seq' ? ignore.items.map((i) => (i.kind === 'scalar' ? i.value : undefined)) : []);
  return { kind: 'map', pairs: globals.pairs.filter((p) => !names.has(p.key)), range: globals.range };
}

/** SAM's Globals merge: `over` wins for scalars, maps merge key by key, lists append. */
function mergeMaps(under: MapNode, over: MapNode): MapNode {
  const pairs: Pair[] = [];
  const overKeys = new Set(over.pairs.map((p) => p.key));
  for (const g of under.pairs) if (!overKeys.has(g.key)) pairs.push(g);
  for (const p of over.pairs) {
    const g = get(under, p.key);
    pairs.push(g ? { key: p.key, keyRange: p.keyRange, value: merge(g, p.value) } : p);
  }
  return { kind: 'map', pairs, range: over.range };
}

function merge(under: Node, over: Node): Node {
  if (under.kind === 'map' && over.kind === 'map') return mergeMaps(under, over);
  if (under.kind === 'seq' && over.kind === 'seq') return { kind: 'seq', items: [...under.items, ...over.items], range: over.range };
  return over;
}
