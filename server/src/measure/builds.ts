/**
 * How a resource's local code becomes its deployed package, read from the template: SAM's
 * `Metadata.BuildMethod` / `BuildProperties`, the runtime (Node.js functions get `sam build`'s npm
 * workflow), and the `aws:asset:*` metadata a CDK cloud assembly writes.
 */
import { get } from '../template/ast';
import type { Node } from '../template/ast';
import type { Resource, Template } from '../template/model';
import { resolveStrings } from '../template/resolve';
import type { BuildSpec, EsbuildProperties } from './types';

/** The CDK asset a resource's code property was synthesized from, relative to the cloud assembly. */
export function cdkAsset(resource: Resource, property: 'Code' | 'Content'): { path: string; build: BuildSpec } | undefined {
  const metadata = get(resource.node, 'Metadata');
  const path = scalar(get(metadata, 'aws:asset:path'));
  if (typeof path !== 'string' || path === '') return undefined;
  const prop = scalar(get(metadata, 'aws:asset:property'));
  if (prop !== undefined && prop !== property) return undefined;
  return { path, build: { kind: 'cdk-asset', bundled: scalar(get(metadata, 'aws:asset:is-bundled')) === true } };
}

/** The build of a function's code: esbuild, npm, or copied as it is (with the runtime for the deps note). */
export function functionBuild(t: Template, resource: Resource, props: Node): BuildSpec {
  const metadata = get(resource.node, 'Metadata');
  const method = scalar(get(metadata, 'BuildMethod'));
  const runtime = resolveStrings(t, get(props, 'Runtime'));
  const rt = runtime.length === 1 ? runtime[0]!.value : undefined;
  if (typeof method === 'string' && method.toLowerCase() === 'esbuild') return { kind: 'esbuild', properties: esbuildProperties(get(metadata, 'BuildProperties')) };
  const byMethod = typeof method === 'string' ? method : undefined;
  // BuildMethod may name the runtime itself (nodejs20.x): the same npm workflow.
  if ((byMethod ?? rt)?.startsWith('nodejs') && (byMethod === undefined || byMethod.startsWith('nodejs'))) return { kind: 'npm' };
  return { kind: 'as-is', ...(rt ? { runtime: rt } : {}), ...(byMethod ? { buildMethod: byMethod.toLowerCase() } : {}) };
}

/** The build of a SAM layer: only a `BuildMethod` makes `sam build` build it; otherwise it ships as is. */
export function layerBuild(resource: Resource): BuildSpec {
  const method = scalar(get(get(resource.node, 'Metadata'), 'BuildMethod'));
  if (typeof method !== 'string') return { kind: 'as-is' };
  if (method.startsWith('nodejs')) return { kind: 'npm' };
  return { kind: 'as-is', runtime: method, buildMethod: method.toLowerCase() };
}

/** `Metadata.BuildProperties` in SAM's names, keeping only values of the types `sam build` passes on. */
export function esbuildProperties(node: Node | undefined): EsbuildProperties {
  const value = (key: string) => scalar(get(node, key));
  const text = (key: string) => {
    const v = value(key);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  const bool = (key: string) => (typeof value(key) === 'boolean' ? (value(key) as boolean) : undefined);
  const list = (key: string) => {
    const n = get(node, key);
    if (n?.kind !== 'seq') return undefined;
    return n.items.map(scalar).filter((v): v is string => typeof v === 'string');
  };
  const props: { -readonly [K in keyof EsbuildProperties]: EsbuildProperties[K] } = { entryPoints: list('EntryPoints') ?? [] };
  const set = <K extends keyof EsbuildProperties>(k: K, v: EsbuildProperties[K] | undefined) => {
    if (v !== undefined) props[k] = v;
  };
  set('minify', bool('Minify'));
  set('target', text('Target'));
  set('format', text('Format'));
  set('sourcemap', bool('Sourcemap'));
  set('external', list('External'));
  set('loader', list('Loader'));
  set('mainFields', text('MainFields'));
  set('banner', text('Banner'));
  set('footer', text('Footer'));
  set('outExtension', list('OutExtension'));
  return props;
}

function scalar(node: Node | undefined): string | number | boolean | null | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}
