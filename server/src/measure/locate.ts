/**
 * Reads from the template model where each function's code and layers are: the measurement's input.
 * Only values known statically count (literals, parameter defaults); anything else is labelled
 * not measurable with the reason, never guessed.
 */
import { get, str } from '../template/ast';
import type { Node, Range } from '../template/ast';
import { functionsOf, fromGlobals } from '../template/functions';
import type { FunctionView } from '../template/functions';
import type { Template } from '../template/model';
import { branches, refTarget, resolveStrings } from '../template/resolve';
import { cdkAsset, functionBuild, layerBuild } from './builds';
import type { BuildSpec, CodeRef, FunctionCodeSpec, LayerRef } from './types';

const SAM_LAYER = 'AWS::Serverless::LayerVersion';
const LAMBDA_LAYER = 'AWS::Lambda::LayerVersion';

/** A function's code spec with the places in the template a finding or lens points at. */
export interface LocatedFunction {
  readonly spec: FunctionCodeSpec;
  readonly view: FunctionView;
  /** The CodeUri / Code value, when the function (or Globals) has one. */
  readonly codeNode: Node | undefined;
  /** Each template-defined layer reference in the function's Layers, by layer id. */
  readonly layerNodes: ReadonlyMap<string, Range>;
}

/** Every function of the template with its code location, computed once per model. */
export function locateFunctions(t: Template): readonly LocatedFunction[] {
  return t.memo('measure/functions', () => functionsOf(t).map((f) => locate(t, f)));
}

function locate(t: Template, f: FunctionView): LocatedFunction {
  const codeNode = f.sam ? get(f.props, 'CodeUri') : get(f.props, 'Code');
  const layerNodes = new Map<string, Range>();
  const layers: LayerRef[] = [];
  const list = get(f.props, 'Layers');
  for (const item of list?.kind === 'seq' ? list.items.flatMap(branches) : []) {
    const layer = layerOf(t, item);
    if (layer.kind === 'template') layerNodes.set(layer.id, item.range);
    layers.push(layer);
  }
  return { spec: { id: f.id, code: functionCode(t, f, codeNode), layers }, view: f, codeNode, layerNodes };
}

function functionCode(t: Template, f: FunctionView, codeNode: Node | undefined): CodeRef {
  const packageType = resolveStrings(t, get(f.props, 'PackageType'));
  if (packageType.some((c) => c.value === 'Image') || get(f.props, 'ImageUri')) return { kind: 'image' };
  const build = functionBuild(t, f.resource, f.props);
  if (f.sam) {
    if (get(f.props, 'InlineCode')) return { kind: 'inline' };
    if (!codeNode) return { kind: 'unknown', why: 'no CodeUri' };
    return location(t, codeNode, 'CodeUri', ['Bucket', 'Key'], build);
  }
  if (codeNode?.kind === 'map') {
    if (get(codeNode, 'ZipFile')) return { kind: 'inline' };
    if (get(codeNode, 'ImageUri')) return { kind: 'image' };
  }
  // A CDK cloud assembly names the local asset the S3 location was uploaded from.
  const asset = cdkAsset(f.resource, 'Code');
  if (asset) return { kind: 'path', ...asset };
  if (!codeNode) return { kind: 'unknown', why: 'no Code' };
  return location(t, codeNode, 'Code', ['S3Bucket', 'S3Key'], build);
}

/** A code location written as a path string, an s3:// URI, or a bucket/key map. */
function location(t: Template, node: Node, key: string, s3Keys: readonly [string, string], build: BuildSpec): CodeRef {
  if (node.kind === 'map') {
    const bucket = resolveStrings(t, get(node, s3Keys[0]))[0]?.value ?? '?';
    const object = resolveStrings(t, get(node, s3Keys[1]))[0]?.value ?? '?';
    return { kind: 's3', location: `s3://${bucket}/${object}` };
  }
  const values = resolveStrings(t, node);
  if (values.length === 0) return { kind: 'unknown', why: `${key} is not known until deployment` };
  if (new Set(values.map((v) => v.value)).size > 1) return { kind: 'unknown', why: `${key} depends on a condition` };
  const value = values[0]!.value;
  if (/^s3:\/\//i.test(value)) return { kind: 's3', location: value };
  if (/^https?:\/\//i.test(value)) return { kind: 'unknown', why: `${key} is a URL, not a local path` };
  return { kind: 'path', path: value, build };
}

function layerOf(t: Template, item: Node): LayerRef {
  const target = refTarget(item);
  const resource = target && !target.attr ? t.resources.get(target.id) : undefined;
  if (resource && (resource.type === SAM_LAYER || resource.type === LAMBDA_LAYER)) {
    const sam = resource.type === SAM_LAYER;
    const content = get(resource.properties, sam ? 'ContentUri' : 'Content');
    const asset = sam ? undefined : cdkAsset(resource, 'Content');
    const code: CodeRef = asset
      ? { kind: 'path', ...asset }
      : content
        ? location(t, content, sam ? 'ContentUri' : 'Content', sam ? ['Bucket', 'Key'] : ['S3Bucket', 'S3Key'], layerBuild(resource))
        : { kind: 'unknown', why: `layer ${resource.id} has no ${sam ? 'ContentUri' : 'Content'}` };
    return { kind: 'template', id: resource.id, code };
  }
  const known = resolveStrings(t, item);
  const name = known.length === 1 ? known[0]!.value : (str(item) ?? t.text.slice(item.range.start, item.range.end).trim());
  return { kind: 'external', name };
}

/** True when the function's code location was inherited from `Globals.Function`. */
export function codeFromGlobals(lf: LocatedFunction): boolean {
  return lf.codeNode !== undefined && fromGlobals(lf.view, lf.codeNode.range);
}
