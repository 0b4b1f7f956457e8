import { get, pairOf } from '../../template/ast';
import type { Range } from '../../template/ast';
import { edgeAssociationsOf } from '../../template/edge';
import type { EdgeAssociation } from '../../template/edge';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { branches, getAll, resolveNumbers, resolveStrings } from '../../template/resolve';
import type { Node } from '../../template/ast';
import { EDGE_QUOTAS } from '../../quotas';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Related, Rule, RuleContext } from '../types';
import { changed } from '../docs';
import { EDGE_APP } from './examples';

const URL = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html';

/** Properties whose mere presence (non-empty) Lambda@Edge refuses, with what to do instead. */
const REFUSED: ReadonlyArray<readonly [string, string]> = [
  ['Environment', 'environment variables (bake configuration into the code or read it from the origin)'],
  ['VpcConfig', 'VPC access'],
  ['Layers', 'layers (bundle the dependencies into the package)'],
  ['ProvisionedConcurrencyConfig', 'provisioned concurrency'],
];

/** edge/unsupported-config: Lambda features CloudFront refuses for Lambda@Edge functions. */
export const unsupportedConfig: Rule = {
  meta: {
    id: 'edge/unsupported-config',
    severity: 'error',
    description: `A Lambda@Edge function cannot have environment variables, VPC access, layers, provisioned concurrency, more than ${EDGE_QUOTAS.maxEphemeralStorageMb} MB of /tmp, a pinned runtime version, the arm64 architecture, container images or a runtime other than Node.js or Python.`,
    docs: {
      bad: changed(EDGE_APP, ['      AutoPublishAlias: live\n', '      AutoPublishAlias: live\n      Environment:\n        Variables: { ORIGIN: example.com }\n']),
      good: EDGE_APP,
      url: URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      const a = edgeAssociationsOf(t, f.id)[0];
      if (!a) continue;
      for (const [key, what] of REFUSED) {
        const p = pairOf(f.props, key);
        if (!p || !present(key === 'Environment' ? get(p.value, 'Variables') : p.value)) continue;
        report(ctx, f, a, p.keyRange, `${f.id} runs at the edge (Lambda@Edge), which does not support ${what}. Remove ${key}.`);
      }
      for (const c of resolveNumbers(t, get(get(f.props, 'EphemeralStorage'), 'Size'))) {
        if (c.value > EDGE_QUOTAS.maxEphemeralStorageMb) report(ctx, f, a, c.at, `${f.id} runs at the edge, where /tmp is ${EDGE_QUOTAS.maxEphemeralStorageMb} MB; EphemeralStorage.Size ${c.value} is not allowed. Remove it or use ${EDGE_QUOTAS.maxEphemeralStorageMb}.`);
      }
      for (const c of resolveStrings(t, get(get(f.props, 'RuntimeManagementConfig'), 'UpdateRuntimeOn'))) {
        if (c.value !== 'Auto') report(ctx, f, a, c.at, `${f.id} runs at the edge, where runtime management must stay Auto; UpdateRuntimeOn ${c.value} is refused. Remove RuntimeManagementConfig.`);
      }
      for (const c of resolveStrings(t, get(f.props, 'Runtime'))) {
        if (!/^(nodejs|python)/.test(c.value)) report(ctx, f, a, c.at, `${f.id} runs at the edge, where only Node.js and Python runtimes are supported; ${c.value} is not. Port the function or use CloudFront Functions.`);
      }
      for (const c of architectures(f).flatMap((n) => resolveStrings(t, n))) {
        if (c.value === 'arm64') report(ctx, f, a, c.at, `${f.id} runs at the edge, where only the x86_64 architecture is supported. Set Architectures: [x86_64].`);
      }
      for (const c of resolveStrings(t, get(f.props, 'PackageType'))) {
        if (c.value === 'Image') report(ctx, f, a, c.at, `${f.id} runs at the edge, where container images are not supported. Deploy it as a .zip package.`);
      }
    }
  },
};

/**
 * The function's own Architectures, else the Globals one. A function that names its architecture
 * means that one, whatever the generic list merge of Globals would append.
 */
function architectures(f: FunctionView): Node[] {
  const own = f.resource.properties ? get(f.resource.properties, 'Architectures') : undefined;
  const list = own ? getAll(f.resource.properties, 'Architectures') : getAll(f.props, 'Architectures');
  return list.flatMap((n) => (n.kind === 'seq' ? n.items : [n]));
}

/** True unless the value is an empty map or list (an empty Environment or Layers is harmless). */
function present(node: Parameters<typeof branches>[0]): boolean {
  return branches(node).some((n) => (n.kind === 'map' ? n.pairs.length > 0 : n.kind === 'seq' ? n.items.length > 0 : true));
}

function report(ctx: RuleContext, f: FunctionView, a: EdgeAssociation, range: Range, message: string): void {
  const owner = ownerOf(f, range);
  const related: Related[] = [{ range: a.eventTypeNode?.range ?? a.range, message: `${a.distributionId} runs ${f.id} at the edge.` }];
  ctx.report({ range, message, related: [...owner.related, ...related], resource: owner.resource });
}
