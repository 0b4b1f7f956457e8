/**
 * The dependency graph CloudFormation orders a stack by, SAM's output included: resources depend
 * on what their Properties and DependsOn name. A SAM function is two nodes when SAM makes its role
 * (`Fn` depends on `FnRole`; references in Policies, PermissionsBoundary and AssumeRolePolicyDocument
 * belong to the role); what the translator generates from a resource (`Fn.Alias`, `FnMyQueue`,
 * `MyApiProdStage`) depends on it; an API whose definition SAM writes depends on the functions
 * of its `Api` / `HttpApi` events, and a bucket on the functions of its `S3` events.
 */
import { get, str } from './ast';
import type { Node, Range } from './ast';
import type { Template } from './model';
import { entryReferences, references } from './refs';
import type { Reference } from './refs';
import { referenceTarget } from './referenceTargets';
import { samGenerated } from './samGenerated';

/** An edge: `from` depends on `to`, because of a reference written in the template or of what SAM does at `at`. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
  /** The reference that makes the dependency, when the template writes it. */
  readonly reference?: Reference;
  /** What makes the dependency otherwise (an event, a generated resource's owner). */
  readonly at?: Range;
  /** Why, in words, for a dependency SAM makes (`SAM writes an integration for Fn in MyApi's definition`). */
  readonly why?: string;
}

export interface DependencyGraph {
  readonly nodes: readonly string[];
  from(node: string): readonly DependencyEdge[];
}

/** Keys of a resource entry whose references make dependencies. */
const DEPENDENCY_KEYS: ReadonlySet<string> = new Set(['Properties', 'DependsOn']);

/** SAM function and state machine properties that go to the generated role. */
const ROLE_PROPERTIES = ['Policies', 'PermissionsBoundary', 'AssumeRolePolicyDocument'];

/** Generated resources that do not depend on their owner (the owner, or nothing, depends on them). */
const INDEPENDENT_TYPES: ReadonlySet<string> = new Set(['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::IAM::Role', 'AWS::CodeDeploy::Application']);

const SAM_WITH_ROLE: ReadonlySet<string> = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** SAM function properties that configure a resource of their own, named `<Function><suffix>`, which depends on the function. */
const OWN_RESOURCE: ReadonlyArray<readonly [string, string]> = [
  ['DeploymentPreference', 'DeploymentGroup'],
  ['EventInvokeConfig', 'EventInvokeConfig'],
  ['FunctionUrlConfig', 'Url'],
];

/** SAM types the translator turns into many resources, none of which is named like the SAM resource and holds all its references. */
const MANY_RESOURCES: ReadonlySet<string> = new Set(['AWS::Serverless::GraphQLApi', 'AWS::Serverless::Connector']);

/** The dependency graph of the template, computed once per model. */
export function dependencyGraph(t: Template): DependencyGraph {
  return t.memo('dependencies', build);
}

function build(t: Template): DependencyGraph {
  const edges = new Map<string, DependencyEdge[]>();
  const add = (e: DependencyEdge) => {
    if (!edges.has(e.to)) edges.set(e.to, []);
    const list = edges.get(e.from);
    if (list) list.push(e);
    else edges.set(e.from, [e]);
  };
  for (const r of t.resources.keys()) if (!edges.has(r)) edges.set(r, []);
  const sam = samGenerated(t);
  for (const r of t.resources.values()) {
    if (!SAM_WITH_ROLE.has(r.type)) continue;
    const role = sam.resource(`${r.id}Role`);
    if (role?.owner === r.id) add({ from: r.id, to: role.id, at: r.idRange, why: `${r.id} runs as ${role.id}, the role SAM generates for it` });
  }
  for (const g of sam.resources) {
    if (INDEPENDENT_TYPES.has(g.type)) continue;
    if (g.owner === 'Serverless') continue;
    add({ from: g.id, to: g.owner, at: g.at, why: `SAM generates ${g.id} from ${g.owner}` });
  }
  for (const ref of references(t)) {
    if (ref.section !== 'Resources' || !DEPENDENCY_KEYS.has(ref.key ?? '') || ref.kind === 'Condition' || ref.kind === 'ConnectorId') continue;
    const owner = t.resources.get(ref.from);
    if (!owner) continue;
    const target = referenceTarget(t, ref);
    if (target?.kind !== 'resource' && target?.kind !== 'generated') continue;
    const from = sourceNode(t, owner.id, owner.type, ref);
    if (from === undefined) continue;
    if (!edges.has(from)) add({ from, to: owner.id, why: `SAM generates ${from} from ${owner.id}` });
    if (target.kind === 'generated' && !edges.has(target.id)) {
      // `Fn.Alias` and names SAM makes by a pattern depend on what makes them.
      const type = target.type;
      if (type === undefined || !INDEPENDENT_TYPES.has(type)) add({ from: target.id, to: target.owner, ...(target.range ? { at: target.range } : {}), why: `SAM generates ${target.id} from ${target.owner}` });
    }
    add({ from, to: target.id, reference: ref });
  }
  apiEdges(t, add);
  return { nodes: [...edges.keys()], from: (node) => edges.get(node) ?? [] };
}

/**
 * What the graph reads of resource `id`'s own entry, without positions: its type and the references
 * its Properties and DependsOn make to resources (those SAM generates included), each with the key it
 * is written under (which decides the node it belongs to, see `sourceNode`). A reference to a
 * parameter or to nothing makes no edge: typing in a `!Ref Memory` leaves the graph as it was. The
 * rest of what the graph reads of an entry is in `SAM_NAME_PROPERTIES` (samGenerated.ts), and which
 * names are resources changes only with a resource added, removed or retyped: with those unchanged,
 * equal keys give an equal graph.
 */
export function dependencyKey(t: Template, id: string): string {
  const r = t.resources.get(id);
  if (!r) return '';
  const parts = [r.type];
  for (const ref of entryReferences(t, id)) {
    if (!DEPENDENCY_KEYS.has(ref.key ?? '') || ref.kind === 'Condition' || ref.kind === 'ConnectorId') continue;
    const target = referenceTarget(t, ref);
    if (target?.kind !== 'resource' && target?.kind !== 'generated') continue;
    const under = ref.key === 'Properties' ? r.properties?.pairs.find((p) => p.value.range.start <= ref.range.start && ref.range.end <= p.value.range.end)?.key : '';
    parts.push(`${ref.key}\u0000${under ?? ''}\u0000${ref.kind}\u0000${ref.to}\u0000${ref.attr ?? ''}`);
  }
  return parts.join('\u0001');
}

/**
 * The node a reference written in resource `id` belongs to, or undefined when it makes no
 * dependency: in a SAM function, what a property configures is its own generated resource (the
 * role for Policies, the deployment group for DeploymentPreference, an event's resources for the
 * event); SAM names an S3 event's bucket in no resource (it adds the notification to the bucket);
 * GraphQL APIs and connectors are made of many resources, each naming some of the references.
 */
function sourceNode(t: Template, id: string, type: string, ref: Reference): string | undefined {
  if (MANY_RESOURCES.has(type)) return `${id}\u0000parts`;
  if (!SAM_WITH_ROLE.has(type)) return id;
  const cache = t.memo('dependencies/parts', () => new Map<string, Part[]>());
  let parts = cache.get(id);
  if (!parts) cache.set(id, (parts = partsOf(t, id)));
  const part = parts.find((p) => p.range.start <= ref.range.start && ref.range.end <= p.range.end);
  return part ? part.node : id;
}

/** A value of a SAM function's properties that belongs to another node (undefined: to none). */
interface Part {
  readonly range: Range;
  readonly node: string | undefined;
}

function partsOf(t: Template, id: string): Part[] {
  const props = t.resources.get(id)?.properties;
  const parts: Part[] = [];
  const add = (v: Node | undefined, node: string | undefined) => {
    if (v) parts.push({ range: v.range, node });
  };
  const role = samGenerated(t).resource(`${id}Role`);
  if (role) for (const key of ROLE_PROPERTIES) add(get(props, key), role.id);
  for (const [key, suffix] of OWN_RESOURCE) add(get(props, key), `${id}${suffix}`);
  const events = get(props, 'Events');
  for (const e of events?.kind === 'map' ? events.pairs : []) {
    if (str(get(e.value, 'Type')) === 'S3') add(get(get(e.value, 'Properties'), 'Bucket'), undefined);
    add(e.value, `${id}${e.key}`);
  }
  return parts;
}

/** APIs whose definition SAM writes depend on the functions of their events; buckets on the functions they notify. */
function apiEdges(t: Template, add: (e: DependencyEdge) => void): void {
  for (const f of t.ofType('AWS::Serverless::Function')) {
    const events = get(f.properties, 'Events');
    if (events?.kind !== 'map') continue;
    for (const e of events.pairs) {
      const type = str(get(e.value, 'Type'));
      const props = get(e.value, 'Properties');
      const eventNode = `${f.id}${e.key}`;
      if (type === 'Api' || type === 'HttpApi') {
        const apiRef = get(props, type === 'Api' ? 'RestApiId' : 'ApiId');
        const api = apiRef ? (apiRef.kind === 'intrinsic' && apiRef.fn === 'Ref' ? str(apiRef.arg) : undefined) : type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
        const apiResource = api ? t.resources.get(api) : undefined;
        const managed = api !== undefined && (apiResource ? apiResource.type.startsWith('AWS::Serverless::') && !get(apiResource.properties, 'DefinitionUri') : samGenerated(t).resource(api) !== undefined);
        if (managed) add({ from: api!, to: f.id, at: e.keyRange, why: `SAM writes an integration for ${f.id} into ${api}'s definition (event ${e.key})` });
      } else if (type === 'S3') {
        const bucket = get(props, 'Bucket');
        const id = bucket?.kind === 'intrinsic' && bucket.fn === 'Ref' ? str(bucket.arg) : undefined;
        if (id && t.resources.has(id)) add({ from: id, to: eventNode, at: e.keyRange, why: `SAM adds a notification for ${f.id} to ${id} (event ${e.key})` });
      }
      add({ from: eventNode, to: f.id, at: e.keyRange, why: `SAM's ${eventNode} for event ${e.key} names ${f.id}` });
    }
  }
}

/**
 * The cycles of the graph: its strongly connected components of more than one node, or of one node
 * that depends on itself, each as its nodes (Tarjan's algorithm, iterative so a long chain cannot
 * overflow the stack).
 */
export function cycles(g: DependencyGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of g.nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const edges = g.from(top.node);
      if (top.i < edges.length) {
        const to = edges[top.i++]!.to;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      let n: string;
      do {
        n = stack.pop()!;
        onStack.delete(n);
        component.push(n);
      } while (n !== top.node);
      if (component.length > 1 || g.from(top.node).some((e) => e.to === top.node)) out.push(component.reverse());
    }
  }
  return out;
}

/** A shortest path of edges from `from` to `to` inside `within`, or undefined. */
export function pathWithin(g: DependencyGraph, from: string, to: string, within: ReadonlySet<string>): DependencyEdge[] | undefined {
  const back = new Map<string, DependencyEdge>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (n === to && (n !== from || back.size > 0)) break;
    for (const e of g.from(n)) {
      if (!within.has(e.to) || (seen.has(e.to) && e.to !== to)) continue;
      if (e.to === to) {
        back.set(to, e);
        queue.length = 0;
        break;
      }
      seen.add(e.to);
      back.set(e.to, e);
      queue.push(e.to);
    }
  }
  if (!back.has(to)) return undefined;
  const path: DependencyEdge[] = [];
  let n = to;
  do {
    const e = back.get(n)!;
    path.unshift(e);
    n = e.from;
  } while (n !== from);
  return path;
}
